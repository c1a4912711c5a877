"""Contested points: facts the outlets report with figures that disagree.

A quantity fact whose articles' intervals do not overlap (status ``conflicting`` in
:mod:`storyscope.analysis.quantities`: "more than 800 escaped" against "about 200
escaped") is a contested point. The neutral summary tells it from both sides, so each
point names two sentences: the one stating each of two disagreeing figures, from two
different articles (the first such pair in the articles' order). Points are ranked by
how many articles report the fact, then by where it first appears.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from storyscope.analysis.claims import SentenceUnit
from storyscope.analysis.quantities import Interval
from storyscope.model import QuantityFact, QuantityMention


@dataclass(frozen=True)
class ContestedPoint:
    """A conflicting fact and, for each of its two sides, the sentence units (indices) stating it."""

    fact_id: str
    sides: tuple[tuple[int, ...], tuple[int, ...]]


def disagreeing_pair(mentions: Sequence[QuantityMention]) -> tuple[QuantityMention, QuantityMention] | None:
    """The first two mentions from different articles whose figures cannot both be true."""
    for a, b in combinations(mentions, 2):
        if a.article_id != b.article_id and not Interval(a.low, a.high).overlaps(Interval(b.low, b.high)):
            return a, b
    return None


class _UnitFinder:
    """Which sentence unit holds a character range of an article (binary search per article)."""

    def __init__(self, units: Sequence[SentenceUnit]) -> None:
        self._by_article: dict[str, list[tuple[int, int, int]]] = {}
        for k, unit in enumerate(units):
            self._by_article.setdefault(unit.article_id, []).append((unit.start, unit.end, k))
        for spans in self._by_article.values():
            spans.sort()

    def find(self, article_id: str, start: int, end: int) -> int | None:
        spans = self._by_article.get(article_id, [])
        i = bisect.bisect_right(spans, (start, float("inf"), 0)) - 1
        if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
            return spans[i][2]
        return None


def contested_points(units: Sequence[SentenceUnit], facts: Sequence[QuantityFact]) -> list[ContestedPoint]:
    """Every conflicting fact with a claim sentence on each side."""
    finder = _UnitFinder(units)
    ranked: list[tuple[int, int, ContestedPoint]] = []
    for fact in facts:
        pair = disagreeing_pair(fact.mentions) if fact.status == "conflicting" else None
        if pair is None:
            continue
        one, other = (Interval(m.low, m.high) for m in pair)
        sides: tuple[list[int], list[int]] = ([], [])
        for mention in fact.mentions:
            value = Interval(mention.low, mention.high)
            k = finder.find(mention.article_id, mention.start, mention.end)
            if k is not None and value.overlaps(one) != value.overlaps(other):
                sides[0 if value.overlaps(one) else 1].append(k)
        if sides[0] and sides[1]:
            point = ContestedPoint(fact.id, (tuple(dict.fromkeys(sides[0])), tuple(dict.fromkeys(sides[1]))))
            ranked.append((-len(fact.article_ids), min(sides[0] + sides[1]), point))
    return [point for _, _, point in sorted(ranked, key=lambda r: (r[0], r[1]))]
