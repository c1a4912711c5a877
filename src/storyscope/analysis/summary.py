"""A neutral extractive summary: verbatim source sentences, each cited with its supporters.

Sentences are picked by maximal marginal relevance (Carbonell & Goldstein 1998). The
relevance of a sentence is a weighted sum of signals (:func:`candidate_signals`; weights
in :class:`SummaryConfig`, the rewards fitted on a benchmark). It rewards the share of
outlets that report its claim (so the facts most outlets share come first), its
centrality (similarity to the other articles), its agreement with the other sentences of
its claim, the share of its words the other articles use too (the other articles as
pseudo-references, Louis & Nenkova 2013: a claim told in the words the outlets share,
not an outlier's), its overlap with the articles' headlines (Edmundson 1969's title
method) and an early position. It penalises
loaded wording: high-intensity lexicon terms, the outlet-distinctive terms of the framing
section, exclamations, questions, evaluative wording with no attribution (opinion
presented as fact), and text inside quotation marks (a quoted voice, not a reported
fact); a piece of a longer quotation (an unpaired quotation mark) is not a candidate.
Redundancy with sentences already chosen is subtracted, one sentence per claim at most;
among claims only one outlet reports, a small source-balance term prefers articles (and
sides) not yet cited. After the shared facts, the most widely reported contested point (a
figure the outlets disagree on, :mod:`storyscope.analysis.contested`) is told from both
sides. No word is generated: every item is a source span with its offsets, trimmed at most at clause
boundaries (:mod:`storyscope.analysis.trimming`; see :func:`trim_to_budget`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from storyscope.analysis.claims import Alignment, SentenceUnit, align, outlet_of, side_of
from storyscope.analysis.contested import contested_points
from storyscope.analysis.lexicon import REPORTING_LEMMAS, IntensityLexicon, loaded_lexicon
from storyscope.analysis.registry import StoryContext, register_section
from storyscope.analysis.trimming import Trim, balanced_quotes, clause_trims
from storyscope.model import Article, Claim, OutletFraming, QuantityFact, SummarySentence

#: Word budget for short stories, and for stories of at least LONG_INPUT_WORDS words.
SHORT_BUDGET = 100
LONG_BUDGET = 150
LONG_INPUT_WORDS = 1500
#: Sentences shorter or longer than this (in words) are not summary material.
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 60
#: Text between paired quotation marks (bounded, so stray marks cost nothing).
QUOTED = re.compile(r"[\"“][^\"“”\n]{1,1000}[\"”]")


#: Signals that raise a sentence's relevance and signals that lower it (loaded wording,
#: opinion, quoted voice), in the column order of :attr:`Candidates.signals`.
REWARDS = ("coverage", "centrality", "consensus", "headline", "shared_words", "lead")
PENALTIES = ("loaded", "distinctive", "punctuation", "unattributed", "quoted", "dangling")
SIGNALS = REWARDS + PENALTIES


@dataclass(frozen=True)
class SummaryConfig:
    """Summary length and weights. ``word_budget`` None picks by input length.

    A ``<signal>_weight`` multiplies that signal (see :func:`candidate_signals`); penalty
    weights are subtracted. The reward weights are fitted on NeuS dev by
    ``benchmarks/fit_summary_weights.py`` (ridge regression of each sentence's ROUGE-1
    precision against the editors' roundup, non-negative, rescaled to the hand-set total):
    centrality and consensus add nothing there beyond the shared words, so they weigh 0.
    Coverage and the penalties serve product requirements (the claims most outlets share
    first, no loaded wording) and are kept at their hand-set values, which the fit never
    asked to exceed.
    """

    word_budget: int | None = None
    min_sentences: int = 3
    max_sentences: int = 7
    coverage_weight: float = 1.0
    centrality_weight: float = 0.0
    consensus_weight: float = 0.0
    headline_weight: float = 1.154
    shared_words_weight: float = 4.104
    lead_weight: float = 0.042
    loaded_weight: float = 2.0
    distinctive_weight: float = 1.0
    punctuation_weight: float = 1.0
    unattributed_weight: float = 0.3
    quoted_weight: float = 0.5
    dangling_weight: float = 0.5
    redundancy_weight: float = 0.5
    balance_weight: float = 0.1
    lexicon_path: str | None = None

    def signal_weights(self) -> np.ndarray:
        """One signed weight per signal of :data:`SIGNALS` (penalties negative)."""
        return np.array(
            [getattr(self, f"{name}_weight") * (-1 if name in PENALTIES else 1) for name in SIGNALS],
            dtype=np.float64,
        )


def default_budget(articles: Sequence[Article]) -> int:
    """About 100 words for short inputs, 150 for long ones, and never over half the input
    (a summary of a few short texts should still leave most of them out)."""
    words = sum(len(a.text.split()) for a in articles)
    return min(LONG_BUDGET if words >= LONG_INPUT_WORDS else SHORT_BUDGET, max(1, words // 2))


def centrality(alignment: Alignment) -> np.ndarray:
    """Per sentence: its best similarity in each other article, averaged over those articles."""
    article_ids = [u.article_id for u in alignment.units]
    others = sorted(set(article_ids))
    scores = np.zeros(len(article_ids), dtype=np.float32)
    if len(others) < 2:
        return scores
    columns = {a: [k for k, x in enumerate(article_ids) if x == a] for a in others}
    for i, own in enumerate(article_ids):
        best = [float(alignment.similarity[i, columns[a]].max()) for a in others if a != own]
        scores[i] = sum(best) / len(best)
    return scores


def consensus(alignment: Alignment, claims: Sequence[Claim]) -> np.ndarray:
    """Per sentence: its mean similarity to the other sentences of its claim (0 when alone)."""
    index = {(u.article_id, u.start): k for k, u in enumerate(alignment.units)}
    scores = np.zeros(len(alignment.units), dtype=np.float32)
    for claim in claims:
        members = [index[(s.article_id, s.start)] for s in claim.sentences if (s.article_id, s.start) in index]
        for k in members:
            others = [j for j in members if j != k]
            if others:
                scores[k] = float(alignment.similarity[k, others].mean())
    return scores


def headline_words(articles: Sequence[Article]) -> list[set[str]]:
    """Lower-case content words of each article headline (articles without one are skipped)."""
    titles = (set(re.findall(r"\w+", (a.title or "").lower())) - STOP_WORDS for a in articles)
    return [t for t in titles if t]


def headline_overlap(unit: SentenceUnit, headlines: Sequence[set[str]]) -> float:
    """Mean share of each headline's content words the sentence contains (as word or lemma)."""
    if not headlines:
        return 0.0
    words = {w for t in unit.span if t.is_alpha and not t.is_stop for w in (t.lower_, t.lemma_.lower())}
    return sum(len(words & h) / len(h) for h in headlines) / len(headlines)


def word_forms(tokens: Iterable[Token]) -> set[str]:
    """Lower-case forms and lemmas of the words and numbers among ``tokens``."""
    return {w for t in tokens if t.is_alpha or t.like_num for w in (t.lower_, t.lemma_.lower())}


def article_vocabularies(alignment: Alignment, articles: Sequence[Article]) -> dict[str, set[str]]:
    """The word forms of each aligned article's text and headline."""
    docs = {u.article_id: u.span.doc for u in alignment.units}
    return {
        a.id: word_forms(docs[a.id]) | set(re.findall(r"\w+", (a.title or "").lower()))
        for a in articles
        if a.id in docs
    }


def shared_words(tokens: Span, others: Sequence[set[str]]) -> float:
    """Mean, over the other articles, of the share of the sentence's words that article
    uses too (in its text or headline). The other articles act as pseudo-references
    (Louis & Nenkova 2013: a summary that shares the input's words is a good summary):
    a sentence told in the words every outlet uses is the story's common account, one
    told in an outlet's own words is its angle. Function words count as well, so the
    sentence's phrasing, not only its topic, has to be shared."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if not others or not words:
        return 0.0
    return sum(sum(bool({t.lower_, t.lemma_.lower()} & o) for t in words) / len(words) for o in others) / len(others)


def others_of(article_id: str, vocabulary: dict[str, set[str]]) -> list[set[str]]:
    """The vocabularies of every article but ``article_id``."""
    return [v for a, v in vocabulary.items() if a != article_id]


def trim_to_budget(
    units: Sequence[SentenceUnit], budget: int, vocabulary: dict[str, set[str]], min_words: int
) -> list[tuple[int, int]]:
    """The ``(start, end)`` to show of each chosen sentence (in selection order), trimmed
    at clause boundaries.

    Connectives that point back to an unseen sentence ("But", "Meanwhile,") always go.
    Modifiers go only from the last sentence chosen, the one that took the summary over
    ``budget`` words, and only while it is over, the one least shared with the other
    articles first (an outlet's own aside before the common account): the sentences
    chosen before it fitted, so they are told whole.
    """
    bounds = [(u.start, u.end) for u in units]
    modifiers: list[tuple[float, Trim]] = []
    for i, unit in enumerate(units):
        for trim in clause_trims(unit.span, min_words):
            if trim.kind == "connective":
                bounds[i] = cut(bounds[i], trim)
            elif i == len(units) - 1:
                modifiers.append((shared_words(trim.piece, others_of(unit.article_id, vocabulary)), trim))
    texts = [u.span.doc.text for u in units]
    for _, trim in sorted(modifiers, key=lambda m: m[0]):
        if sum(len(text[a:b].split()) for text, (a, b) in zip(texts, bounds, strict=True)) <= budget:
            break
        bounds[-1] = cut(bounds[-1], trim)
    return bounds


def cut(bounds: tuple[int, int], trim: Trim) -> tuple[int, int]:
    """``bounds`` narrowed to what ``trim`` keeps."""
    return max(bounds[0], trim.keep_start), min(bounds[1], trim.keep_end)


def distinctive_terms(framing: Sequence[OutletFraming] | None) -> dict[str, list[str]]:
    """The distinctive terms of each article, from the framing section when it was built."""
    return {f.article_id: [t.term for t in f.distinctive_terms] for f in framing or []}


#: Words that point back to something an earlier sentence named: as a determiner ("those decisions")
#: or as a clause's subject ("It also appears …", "They include …").
BACK_REFERENCES = frozenset({"this", "that", "these", "those", "it", "they", "he", "she"})


def dangling(span: Span) -> bool:
    """Whether a sentence leans on one before it, outside quotations: a demonstrative determiner
    ("The department is appealing those decisions") or a pronoun subject of its main clause. Lifted
    into a summary it would point at nothing; a "she said" is left to the report, which names her."""
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(span.text)]
    for token in span:
        at = token.idx - span.start_char
        if token.lower_ not in BACK_REFERENCES or any(s <= at < e for s, e in quoted):
            continue
        if token.dep_ == "det" and token.lower_ in ("this", "that", "these", "those"):
            return True
        main = token.head.dep_ == "ROOT" and token.head.lemma_.lower() not in REPORTING_LEMMAS
        if token.dep_ in ("nsubj", "nsubjpass") and main and not _extraposed(token):
            return True
    return False


def _extraposed(subject: Token) -> bool:
    """An "it" that only holds a clause's place ("It is unclear whether …"), pointing at nothing before."""
    deps = {c.dep_ for c in subject.head.children}
    return subject.lower_ == "it" and bool(deps & {"acomp", "attr"}) and bool(deps & {"ccomp", "csubj"})


def penalty_signals(unit: SentenceUnit, lexicon: IntensityLexicon, terms: Sequence[str]) -> list[float]:
    """The loaded-wording and readability signals of a sentence, in :data:`PENALTIES` order:
    share of high-intensity words, share of the outlet's distinctive terms, exclamation/question
    marks, evaluative wording with no attribution, share of quoted text, a back-reference to an
    earlier sentence (:func:`dangling`)."""
    words = [t.text for t in unit.span if t.is_alpha]
    loaded = lexicon.loaded_share(words)
    lowered = " ".join(w.lower() for w in words)
    distinctive = sum(len(term.split()) * lowered.count(term) for term in terms) / max(1, len(words))
    punctuation = ("!" in unit.text) + unit.text.rstrip("\"'”’ ").endswith("?")
    attributed = any(t.lemma_.lower() in REPORTING_LEMMAS for t in unit.span)
    unattributed = loaded > 0 and not attributed
    quoted = sum(len(m) for m in QUOTED.findall(unit.text)) / max(1, len(unit.text))
    return [loaded, min(1.0, distinctive), float(punctuation), float(unattributed), quoted, float(dangling(unit.span))]


@dataclass(frozen=True)
class Candidates:
    """The sentences that may enter the summary: their indices into the alignment's units,
    their signals (one row each, columns :data:`SIGNALS`) and whether their claim is
    reported by one outlet only."""

    index: list[int]
    signals: np.ndarray
    single: list[bool]


def candidate_signals(
    alignment: Alignment,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    lexicon: IntensityLexicon,
    framing: Sequence[OutletFraming] | None = None,
) -> Candidates:
    """The signal vector of every sentence that can stand alone in a summary (see the
    module docstring); a sentence's relevance is its signals weighted by
    :meth:`SummaryConfig.signal_weights`."""
    claim_of = {(s.article_id, s.start): c for c in claims for s in c.sentences}
    total_outlets = max(1, len({outlet_of(a) for a in articles}))
    terms = distinctive_terms(framing)
    central = centrality(alignment)
    agreement = consensus(alignment, claims)
    headlines = headline_words(articles)
    vocabulary = article_vocabularies(alignment, articles)
    index: list[int] = []
    rows: list[list[float]] = []
    single: list[bool] = []
    for k, unit in enumerate(alignment.units):
        words = len(unit.text.split())
        if not MIN_SENTENCE_WORDS <= words <= MAX_SENTENCE_WORDS or not balanced_quotes(unit.text):
            continue  # too short or long to stand alone, or a piece of a longer quotation
        claim = claim_of.get((unit.article_id, unit.start))
        coverage = len(claim.outlets) / total_outlets if claim else 1 / total_outlets
        index.append(k)
        single.append(claim is None or len(claim.outlets) == 1)
        rows.append([
            coverage,
            float(central[k]),
            float(agreement[k]),
            headline_overlap(unit, headlines),
            shared_words(unit.span, others_of(unit.article_id, vocabulary)),
            1 / (1 + unit.position),
            *penalty_signals(unit, lexicon, terms.get(unit.article_id, ())),
        ])
    signals = np.array(rows, dtype=np.float64).reshape(len(rows), len(SIGNALS))
    return Candidates(index, signals, single)


def select_sentences(
    alignment: Alignment,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    config: SummaryConfig,
    framing: Sequence[OutletFraming] | None = None,
    facts: Sequence[QuantityFact] | None = None,
    relevance_of: Callable[[Candidates], np.ndarray] | None = None,
) -> list[SummarySentence]:
    """Pick summary sentences by MMR until the word budget or ``max_sentences`` is reached,
    or (once ``min_sentences`` are chosen) no candidate has a positive marginal score; then
    the story's most widely reported contested point (a figure ``facts`` show the outlets
    disagree on), told from both sides, when both of its sentences are summary material:
    its words are kept free of the budget from the start. The chosen sentences are returned
    most widely reported claim first, the contested point after them. ``relevance_of``
    scores the candidates another way than the config's weighted signals (the benchmarks
    measure other scorers through it)."""
    budget = config.word_budget or default_budget(articles)
    claim_of = {(s.article_id, s.start): c for c in claims for s in c.sentences}

    def key_of(k: int) -> tuple[str, int]:
        return alignment.units[k].article_id, alignment.units[k].start

    by_id = {a.id: a for a in articles}
    vocabulary = article_vocabularies(alignment, articles)
    candidates = candidate_signals(alignment, claims, articles, loaded_lexicon(config.lexicon_path), framing)
    scores = candidates.signals @ config.signal_weights() if relevance_of is None else relevance_of(candidates)
    relevance = {k: float(score) for k, score in zip(candidates.index, scores, strict=True)}
    single = dict(zip(candidates.index, candidates.single, strict=True))
    contested, reserved = None, []
    for point in contested_points(alignment.units, facts or []):
        told = [[k for k in side if k in relevance] for side in point.sides]
        if all(told):  # each side in its best-scored sentence (least loaded wording, most shared words)
            contested, reserved = point, sorted(max(side, key=lambda k: (relevance[k], -k)) for side in told)
            break
    reserved_claims = [c for k in reserved if (c := claim_of.get(key_of(k))) is not None]
    for k in [k for k in relevance if k in reserved or any(claim_of.get(key_of(k)) is c for c in reserved_claims)]:
        del relevance[k]  # its claims are told by the contested point
    chosen: list[int] = []
    words_so_far = sum(len(alignment.units[k].text.split()) for k in reserved)
    while relevance and len(chosen) < config.max_sentences - len(reserved):
        if words_so_far >= budget and len(chosen) >= config.min_sentences:
            break
        cited = Counter(alignment.units[k].article_id for k in chosen)
        sides = Counter(side_of(by_id[alignment.units[k].article_id].leaning) for k in chosen)
        sides.pop(None, None)
        marginal = {
            k: relevance[k]
            - config.redundancy_weight * max((float(alignment.similarity[k, j]) for j in chosen), default=0.0)
            - config.balance_weight
            * single[k]
            * (cited[unit.article_id] + sides[side_of(by_id[unit.article_id].leaning)])
            for k in relevance
            for unit in (alignment.units[k],)
        }
        best = max(marginal, key=lambda k: (marginal[k], -k))
        if marginal[best] <= 0 and len(chosen) >= config.min_sentences:
            break  # what is left would add more loaded wording or repetition than information
        chosen.append(best)
        words_so_far += len(alignment.units[best].text.split())
        claim = claim_of.get(key_of(best))
        for k in [k for k in relevance if k == best or (claim is not None and claim_of.get(key_of(k)) is claim)]:
            del relevance[k]  # one sentence per claim
    # Trimmed in selection order (the contested point's words counted from the start, so the last
    # sentence chosen is the one that took the summary over the budget) ...
    selected = reserved + chosen
    shown = trim_to_budget([alignment.units[k] for k in selected], budget, vocabulary, MIN_SENTENCE_WORDS)
    bounds = dict(zip(selected, shown, strict=True))
    # ... and shown with the most widely reported claims first (selection order breaks ties), then the contested point.
    chosen.sort(key=lambda k: -len(claim_of[key_of(k)].outlets) if key_of(k) in claim_of else -1)
    chosen += reserved
    summary = []
    for k in chosen:
        start, end = bounds[k]
        unit = alignment.units[k]
        claim = claim_of.get(key_of(k))
        summary.append(
            SummarySentence(
                article_id=unit.article_id,
                start=start,
                end=end,
                text=by_id[unit.article_id].text[start:end],
                trimmed=(start, end) != (unit.start, unit.end),
                claim_id=claim.id if claim else None,
                contested_fact_id=contested.fact_id if contested is not None and k in reserved else None,
                supporting_article_ids=[a for a in (claim.article_ids if claim else []) if a != unit.article_id],
            )
        )
    return summary


@register_section("summary")
def build_summary(context: StoryContext) -> None:
    alignment = align(context)
    context.analysis.summary = select_sentences(
        alignment, context.analysis.claims or [], context.articles, SummaryConfig(word_budget=context.summary_words),
        context.analysis.framing,
        context.analysis.quantities,
    )
