"""Claims: sentences of different articles that report the same fact, and who reports them.

Sentences are aligned by constrained average-linkage clustering over a sentence
similarity (:mod:`storyscope.analysis.similarity`): the most similar cross-article
pairs are merged first; two groups merge only when they come from disjoint articles
(a claim has at most one sentence per article) and their mean pairwise similarity
stays at or above the threshold. Every sentence left alone is a single-outlet claim:
the story's omission for every other outlet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span

from storyscope.analysis.registry import StoryContext, register_section
from storyscope.analysis.similarity import SIMILARITIES, default_similarity
from storyscope.model import Article, Claim, ClaimCoverage, ClaimSentence
from storyscope.model.claims import Coverage, Side
from storyscope.nlp.layout import furniture, overlaps

#: Sentences with fewer alphabetic words (bylines, "Advertisement", …) state no claim.
MIN_WORDS = 4
#: At most this many sentences enter the alignment, shared across articles, so a
#: pathological input (thousands of one-line "sentences") stays bounded in time and memory.
MAX_SENTENCES = 3000
#: Share of the outlets with a known leaning on one side from which the story is one-sided.
ONE_SIDED_SHARE = 0.8
SIDES: dict[str, Side] = {
    "left": "left", "lean-left": "left", "center": "center", "lean-right": "right", "right": "right"
}
OPPOSITE: dict[str, Side] = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class SentenceUnit:
    """A claim-bearing sentence: its provenance, its parse and its position in the article."""

    article_id: str
    start: int
    end: int
    text: str
    span: Span
    position: int


@dataclass(frozen=True)
class Alignment:
    """The story's sentences, their pairwise similarity and their grouping into claims."""

    units: list[SentenceUnit]
    similarity: np.ndarray
    groups: list[list[int]]
    method: str
    threshold: float


def side_of(leaning: str | None) -> Side | None:
    """left / center / right for a leaning label, None when unknown."""
    return SIDES.get((leaning or "").strip().lower().replace(" ", "-"))


def outlet_of(article: Article) -> str:
    """The outlet name, or the article id when the outlet is unknown."""
    return article.outlet or article.id


def sentence_units(context: StoryContext) -> list[SentenceUnit]:
    """Claim-bearing sentences of every analysed article, in article order: photo captions
    and widget labels are page furniture, not claims."""
    per_article = context.extracted("sentences")
    cap = max(MIN_WORDS, MAX_SENTENCES // max(1, len(context.articles)))
    units = []
    for article in context.articles:
        doc = context.docs[article.id]
        skip = furniture(article.text)
        position = 0
        for sentence in per_article[article.id]:
            for start, end in paragraph_pieces(article.text, sentence.start, sentence.end):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None or sum(t.is_alpha for t in span) < MIN_WORDS or overlaps(skip, start, end):
                    continue
                units.append(SentenceUnit(article.id, start, end, article.text[start:end], span, position))
                position += 1
            if position >= cap:
                break
    return units


def paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at blank lines, each piece stripped: a parser sentence
    that runs over a paragraph break is two statements (a quote's closing mark, a caption)."""
    pieces = []
    breaks = re.finditer(r"\n\s*\n", text[start:end])
    bounds = [start, *(b for m in breaks for b in (start + m.start(), start + m.end())), end]
    for left, right in zip(bounds[::2], bounds[1::2], strict=True):
        piece = text[left:right]
        stripped = piece.strip()
        if stripped:
            first = left + len(piece) - len(piece.lstrip())
            pieces.append((first, first + len(stripped)))
    return pieces


def group_sentences(article_ids: Sequence[str], similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Constrained average-linkage clusters of sentence indices (see module docstring).

    Groups are returned largest first, then by their first sentence.
    """
    n = len(article_ids)
    above = np.argwhere(np.triu(similarity >= threshold, k=1)).tolist()
    pairs = [(i, j) for i, j in above if article_ids[i] != article_ids[j]]
    pairs.sort(key=lambda p: (-float(similarity[p[0], p[1]]), p))
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if {article_ids[k] for k in a} & {article_ids[k] for k in b}:
            continue
        if float(similarity[np.ix_(a, b)].mean()) < threshold:
            continue
        a.extend(b)
        for k in b:
            group_of[k] = gi
        del members[gj]
    return sorted((sorted(g) for g in members.values()), key=lambda g: (-len(g), g[0]))


def align(context: StoryContext, method: str | None = None, threshold: float | None = None) -> Alignment:
    """Sentence units of the story grouped into claims by ``method`` (default: :func:`default_similarity`)."""
    method = method or default_similarity()
    units = sentence_units(context)
    similar, default_threshold = SIMILARITIES[method]
    threshold = default_threshold if threshold is None else threshold
    matrix = similar([u.span for u in units]) if units else np.zeros((0, 0), dtype=np.float32)
    groups = group_sentences([u.article_id for u in units], matrix, threshold)
    return Alignment(units, matrix, groups, method, threshold)


def coverage_of(outlets: int, total: int) -> Coverage:
    """all / several / single, by the number of outlets reporting a claim."""
    if outlets <= 1:
        return "single"
    return "all" if outlets >= total else "several"


def make_claims(alignment: Alignment, articles: Sequence[Article]) -> list[Claim]:
    """Claim records, most widely reported first."""
    by_id = {a.id: a for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}
    total_outlets = len({outlet_of(a) for a in articles})
    story_sides = {s for a in articles if (s := side_of(a.leaning))}
    claims = []
    for group in alignment.groups:
        units = sorted((alignment.units[k] for k in group), key=lambda u: (order[u.article_id], u.start))
        article_ids = list(dict.fromkeys(u.article_id for u in units))
        outlets = list(dict.fromkeys(outlet_of(by_id[a]) for a in article_ids))
        outlet_sides = {outlet_of(by_id[a]): side_of(by_id[a].leaning) for a in article_ids}
        sides = Counter(s for s in outlet_sides.values() if s)
        claims.append(
            Claim(
                id="",
                sentences=[
                    ClaimSentence(article_id=u.article_id, start=u.start, end=u.end, text=u.text) for u in units
                ],
                article_ids=article_ids,
                outlets=outlets,
                coverage=coverage_of(len(outlets), total_outlets),
                sides=dict(sorted(sides.items())),
                one_sided=one_sided_side(set(sides), story_sides),
            )
        )
    claims.sort(key=lambda c: -len(c.outlets))  # stable: ties keep alignment order
    return [c.model_copy(update={"id": f"C{i}"}) for i, c in enumerate(claims, 1)]


def one_sided_side(claim_sides: set[Side], story_sides: set[Side]) -> Side | None:
    """The side a claim is confined to, when the story has the opposite side too."""
    partisan = claim_sides - {"center"}
    if len(partisan) != 1 or "center" in claim_sides:
        return None
    side = partisan.pop()
    return side if OPPOSITE[side] in story_sides else None


def story_coverage(claims: Sequence[Claim], articles: Sequence[Article], alignment: Alignment) -> ClaimCoverage:
    """Per-side counts and the story-level one-sidedness flag."""
    outlet_sides = {outlet_of(a): s for a in articles if (s := side_of(a.leaning))}
    outlets_by_side = Counter(outlet_sides.values())
    known = sum(outlets_by_side.values())
    one_sided: Side | None = None
    for side in ("left", "right"):
        if known and outlets_by_side[side] / known >= ONE_SIDED_SHARE:
            one_sided = side
    return ClaimCoverage(
        similarity=alignment.method,
        threshold=alignment.threshold,
        outlets_by_side=dict(sorted(outlets_by_side.items())),
        claims_by_side=dict(sorted(Counter(s for c in claims for s in c.sides).items())),
        one_sided_claims=dict(sorted(Counter(c.one_sided for c in claims if c.one_sided).items())),
        one_sided_share=ONE_SIDED_SHARE,
        one_sided=one_sided,
    )


@register_section("claims")
def build_claims(context: StoryContext) -> None:
    alignment = align(context)
    claims = make_claims(alignment, context.articles)
    context.analysis.claims = claims
    context.analysis.claim_coverage = story_coverage(claims, context.articles, alignment)
