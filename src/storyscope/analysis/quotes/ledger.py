"""The quote ledger: one entry per statement per speaker, with every article that carries it.

Statements are matched across articles by rapidfuzz similarity of their normalised
wording (``partial_ratio``, so a fragment quoted by one outlet matches the full quote of
another); matched statements are then split by speaker, and an entry whose words other
articles give to someone else lists those speakers in ``also_attributed_to``. An
outlet that carries only a fragment of a longer quote is shown as such: the part of
the longer wording it matches (``partial_ratio_alignment``), what it left out, and
its word changes within that part.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from storyscope.analysis.entities import normalise_name
from storyscope.model.quotes import LedgerEntry, OtherSpeaker, Quote, Wording, WordingChange, WordingFragment

#: Similarity (0-100) above which two wordings are the same statement.
SAME_STATEMENT = 80
#: Wordings shorter than this (characters, normalised) are matched only when identical.
MIN_PARTIAL = 24
#: A wording shorter than this share of the reference's length is compared as a fragment of it.
FRAGMENT_SHARE = 0.8
_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb`]|''")
_APOSTROPHES = re.compile(r"[\u2018\u2019]")


def normalise_wording(text: str) -> str:
    """Wording compared across outlets: no quotation marks, straight apostrophes, lower case, one space."""
    text = _APOSTROPHES.sub("'", _QUOTES.sub("", text))
    return " ".join(text.lower().split()).strip(" ,.;:")


def speaker_key(quote: Quote) -> str | None:
    """Who a quote is attributed to: its entity when linked, else its normalised speaker name."""
    if quote.speaker_entity_id:
        return quote.speaker_entity_id
    if quote.speaker and normalise_name(quote.speaker):
        return f"name:{normalise_name(quote.speaker)}"
    return None


def _similarity(a: str, b: str, *, processor: None = None, score_cutoff: float = 0) -> float:
    """Same-statement score: partial alignment for long wordings, full ratio for short ones (0 below the cutoff)."""
    scorer = fuzz.ratio if min(len(a), len(b)) < MIN_PARTIAL else fuzz.partial_ratio
    return scorer(a, b, score_cutoff=score_cutoff)


def _statement_groups(quotes: list[Quote], wordings: list[str]) -> list[list[int]]:
    """Indices of quotes grouped by similar wording (single-link, across articles)."""
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if len(quotes) > 1:
        scores = process.cdist(
            wordings, wordings, scorer=_similarity, score_cutoff=SAME_STATEMENT, workers=-1  # type: ignore[arg-type]
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            if i < j and quotes[i].article_id != quotes[j].article_id:
                parent[find(int(i))] = find(int(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        groups[find(i)].append(i)
    return list(groups.values())


def word_changes(reference: str, variant: str) -> list[WordingChange]:
    """Word-level differences from ``reference`` to ``variant`` (Levenshtein opcodes over words)."""
    ref_words, var_words = reference.split(), variant.split()
    runs: list[list[int]] = []  # [ref_start, ref_end, var_start, var_end] of adjacent edits, merged
    for op in Levenshtein.opcodes(ref_words, var_words):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    changes = []
    for ref_start, ref_end, var_start, var_end in runs:
        ref, var = " ".join(ref_words[ref_start:ref_end]), " ".join(var_words[var_start:var_end])
        kind = "replace" if ref and var else ("delete" if ref else "insert")
        changes.append(WordingChange(op=kind, reference=ref, variant=var))
    return changes


def fragment_of(reference: str, variant: str) -> WordingFragment | None:
    """Where a much shorter ``variant`` sits in ``reference`` (whole words), if it is a fragment of it.

    rapidfuzz's ``partial_ratio_alignment`` finds the part of the reference that best matches the
    variant; it is widened to whole words, and the words on either side are what the outlet left out.
    """
    if not variant or len(variant) >= FRAGMENT_SHARE * len(reference):
        return None
    alignment = fuzz.partial_ratio_alignment(variant, reference, score_cutoff=SAME_STATEMENT)
    if alignment is None:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and not reference[start - 1].isspace():
        start -= 1
    while end < len(reference) and not reference[end].isspace():
        end += 1
    return WordingFragment(
        matched=reference[start:end].strip(),
        omitted_before=reference[:start].strip(),
        omitted_after=reference[end:].strip(),
    )


def compare_wording(quote: Quote, reference: str, wording: str) -> Wording:
    """One article's wording against the reference: its word changes, or, for a fragment of the
    reference, which part it carries, what it omits and its word changes within that part."""
    fragment = fragment_of(reference, wording)
    compared = fragment.matched if fragment is not None else reference
    return Wording(
        quote_id=quote.id,
        article_id=quote.article_id,
        text=quote.content.text,
        similarity=round(fuzz.ratio(compared, wording), 1),
        changes=word_changes(compared, wording),
        fragment=fragment,
    )


def build_ledger(quotes: list[Quote]) -> list[LedgerEntry]:
    """Ledger entries for every quote with a known speaker, most widely carried first."""
    attributed = [q for q in quotes if speaker_key(q) is not None]
    wordings = [normalise_wording(q.content.text) for q in attributed]
    drafts: list[tuple[list[int], int]] = []  # (quote indices of one speaker, statement group)
    for group_index, group in enumerate(_statement_groups(attributed, wordings)):
        by_speaker: dict[str, list[int]] = defaultdict(list)
        for i in group:
            by_speaker[speaker_key(attributed[i]) or ""].append(i)
        drafts.extend((members, group_index) for members in by_speaker.values())
    drafts.sort(key=lambda d: (-len({attributed[i].article_id for i in d[0]}), min(d[0])))
    entries = []
    for number, (members, group_index) in enumerate(drafts, 1):
        reference = max(members, key=lambda i: (len(wordings[i]), -i))
        speaker_quote = attributed[members[0]]
        others = [d for d in drafts if d[1] == group_index and d[0] is not members]
        entries.append(
            LedgerEntry(
                id=f"L{number}",
                speaker=max((attributed[i].speaker or "" for i in members), key=lambda s: len(s.split())) or None,
                speaker_entity_id=speaker_quote.speaker_entity_id,
                content=attributed[reference].content.text,
                direct=any(attributed[i].direct for i in members),
                article_ids=list(dict.fromkeys(attributed[i].article_id for i in members)),
                quote_ids=[attributed[i].id for i in members],
                wordings=[compare_wording(attributed[i], wordings[reference], wordings[i]) for i in members],
                also_attributed_to=[
                    OtherSpeaker(
                        speaker=attributed[other[0][0]].speaker,
                        speaker_entity_id=attributed[other[0][0]].speaker_entity_id,
                        article_ids=list(dict.fromkeys(attributed[i].article_id for i in other[0])),
                    )
                    for other in others
                ],
            )
        )
    return entries
