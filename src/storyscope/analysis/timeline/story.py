"""Story-level timeline: publication windows for undated articles, and events merged across outlets.

Two mentions date the same event when their intervals overlap and their event clauses share
enough content words (lemmas, reporting verbs left out: "said Friday" is not an event about
saying). Mentions whose clauses are very similar but whose day-precise dates are disjoint are
the same event dated differently by different outlets: they are merged and flagged.

An undated article's publication day is chosen by cross-reference: every candidate day
around the story's dated coverage is tried as an anchor, and the days under which most of the
article's day-precise events land on the same day as a matching event in a dated article win.
Without such evidence only a lower bound is given (an open interval). No precise day is invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from storyscope.analysis.timeline.expressions import Found
from storyscope.analysis.timeline.mentions import resolve_in_order
from storyscope.model.timeline import TemporalMention, TimelineEntry

#: Lemmas that say how something was reported, not what happened.
REPORTING_LEMMAS = frozenset({"say", "tell", "announce", "state", "add", "report", "claim", "insist", "argue",
                              "write", "tweet", "note", "accord", "speak", "ask", "call", "declare"})
#: Content-word overlap (see :func:`similarity`) for two mentions of one event with compatible dates.
MERGE_SIMILARITY = 0.5
#: Stricter overlap for calling disjoint dates a conflict rather than two events.
CONFLICT_SIMILARITY = 0.6
#: Lemmas two clauses must share before their different dates count as a conflict.
CONFLICT_SHARED_WORDS = 3
#: Candidate publication days tried before the first and after the last dated article; without
#: cross-reference, an undated article is taken to be published no earlier than this many days before
#: the story's first dated article (it was grouped into the story), with no upper bound.
INFERENCE_MARGIN_DAYS = 21
#: Corroborated events needed before cross-reference narrows the window.
MIN_VOTES = 2
#: Largest gap between two dates of one event that may still be a conflict rather than two events.
CONFLICT_MAX_DAYS = 31
#: Distinct word sets per cluster that newcomers are compared with.
MAX_SAMPLES = 24
#: Open clusters a new mention is compared with (the most recent ones), which bounds time on odd input.
MAX_ACTIVE = 200
#: Longest description, in characters.
MAX_DESCRIPTION = 220
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True, slots=True)
class EventWords:
    """Content lemmas of an event clause: all of them, the common (non-name) ones, and the verbs."""

    words: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()


def event_words(doc: Doc, event: tuple[int, int] | None, expression: tuple[int, int]) -> EventWords:
    """Content lemmas of an event's clause, without the date words of ``expression`` themselves."""
    span = doc.char_span(event[0], event[1], alignment_mode="expand") if event else None
    if span is None:
        return EventWords()
    tokens = [
        token for token in span
        if token.is_alpha and not token.is_stop and token.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
        and token.lemma_.lower() not in REPORTING_LEMMAS and not (expression[0] <= token.idx < expression[1])
    ]
    return EventWords(
        words=frozenset(t.lemma_.lower() for t in tokens),
        common=frozenset(t.lemma_.lower() for t in tokens if t.pos_ != "PROPN"),
        actions=frozenset(t.lemma_.lower() for t in tokens if t.pos_ == "VERB"),
    )


def similarity(a: EventWords, b: EventWords) -> float:
    """Overlap coefficient of two events' lemmas; 0 unless they share two lemmas, one of them used as
    a common word (not a name) by at least one side ("the agency" / "Border Enforcement Agency").

    Overlap rather than Jaccard, because one outlet's clause is often a short form of another's
    ("the council voted on March 3" / "the council voted … to adopt a resolution sponsored by …").
    """
    shared = a.words & b.words
    if len(shared) < 2 or not (shared & (a.common | b.common)):
        return 0.0
    return overlap(a, b)


def same_event_dated_differently(a: EventWords, b: EventWords) -> bool:
    """Strict test for a date conflict: very similar clauses that share their action verb."""
    return (similarity(a, b) >= CONFLICT_SIMILARITY and bool(a.actions & b.actions)
            and len(a.words & b.words) >= CONFLICT_SHARED_WORDS)


@dataclass(slots=True)
class Dated:
    mention: TemporalMention
    lemmas: EventWords
    earliest: date
    latest: date

    def overlaps(self, other: Dated) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest


def dated(mention: TemporalMention, lemmas: EventWords) -> Dated:
    return Dated(mention, lemmas, date.fromisoformat(mention.earliest), date.fromisoformat(mention.latest))


def infer_window(
    found: Sequence[Found], lemmas: Sequence[EventWords], known: Sequence[Dated], published: Sequence[date]
) -> list[date]:
    """Candidate publication days of an undated article, by cross-reference with dated coverage.

    ``lemmas`` is aligned with ``found``; ``known`` are day-precise events of dated articles.
    Days the article's own dates rule out (a past event after the day) are dropped first. Of the
    rest, the days under which the most of its events corroborate a dated event on the same day
    win, if at least :data:`MIN_VOTES` do (one match can be chance): the run of consecutive winning
    days around the best-matching one (summed word overlap). Without such evidence: no days.
    """
    if not published:
        return []
    first = min(published) - timedelta(days=INFERENCE_MARGIN_DAYS)
    days = [first + timedelta(days=i) for i in range((max(published) - first).days + INFERENCE_MARGIN_DAYS + 1)]
    by_day: dict[date, list[Dated]] = {}
    for entry in known:
        by_day.setdefault(entry.earliest, []).append(entry)
    conflicts: dict[date, int] = {}
    votes: dict[date, list[float]] = {}
    for day in days:
        conflicts[day], votes[day] = 0, []
        for item, resolution, words in zip(found, resolve_in_order(found, day), lemmas, strict=True):
            if resolution is None or item.caption:
                continue
            if item.tense == "past" and resolution.earliest > day and item.expression.kind == "calendar":
                conflicts[day] += 1
            elif resolution.granularity == "day" and not item.quoted:  # a quote speaks from its own day
                strength = max((overlap(words, other.lemmas) for other in by_day.get(resolution.earliest, [])
                                if corroborates(words, other.lemmas)), default=0.0)
                if strength:
                    votes[day].append(strength)
    fewest = min(conflicts.values())
    possible = [day for day in days if conflicts[day] == fewest]
    most = max(len(votes[day]) for day in possible)
    if most >= MIN_VOTES:
        tops = {day for day in possible if len(votes[day]) == most}
        # Tied days can form separate runs; keep the run holding the best-matching day, whole.
        pivot = max(sorted(tops), key=lambda day: sum(votes[day]))
        run = [pivot]
        while run[0] - timedelta(days=1) in tops:
            run.insert(0, run[0] - timedelta(days=1))
        while run[-1] + timedelta(days=1) in tops:
            run.append(run[-1] + timedelta(days=1))
        return run
    return []


def overlap(a: EventWords, b: EventWords) -> float:
    """Shared lemmas over the smaller set (0 when either is empty)."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / min(len(a.words), len(b.words))


def corroborates(a: EventWords, b: EventWords) -> bool:
    """Looser than :func:`similarity`, for voting on a publication day: one shared common lemma, or two
    shared lemmas. A chance match on a wrong day is outvoted, because every weekday reference of
    the article moves with the candidate day."""
    return bool(a.common & b.common) or len(a.words & b.words) >= 2


def window_label(days: Sequence[date]) -> str:
    """ISO date for one day, else an ISO interval START/END."""
    first, last = min(days), max(days)
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"


class EventCluster:
    """Mentions of one event, with the date most outlets give kept up to date as mentions join.

    ``samples`` holds up to :data:`MAX_SAMPLES` distinct word sets to compare newcomers with, so
    a text repeating one sentence thousands of times still clusters in linear time.
    """

    __slots__ = ("items", "samples", "article_ids", "representative", "_rank", "_support", "_first")

    def __init__(self, item: Dated) -> None:
        self.items: list[Dated] = []
        self.samples: list[EventWords] = []
        self.article_ids: set[str] = set()
        self._rank = len(_GRANULARITY_RANK)
        self._support: dict[str, set[str]] = {}
        self._first: dict[str, Dated] = {}
        self.add(item)

    def add(self, item: Dated) -> None:
        self.items.append(item)
        self.article_ids.add(item.mention.article_id)
        if len(self.samples) < MAX_SAMPLES and item.lemmas not in self.samples:
            self.samples.append(item.lemmas)
        rank = _GRANULARITY_RANK[item.mention.granularity]
        if rank < self._rank:
            self._rank, self._support, self._first = rank, {}, {}
        if rank == self._rank:
            self._support.setdefault(item.mention.resolved, set()).add(item.mention.article_id)
            self._first.setdefault(item.mention.resolved, item)
            # The finest-grained date given by the most articles (ties: the earliest).
            chosen = min(self._support, key=lambda resolved: (-len(self._support[resolved]), resolved))
            self.representative: Dated = self._first[chosen]

    def extend(self, other: EventCluster) -> None:
        for item in other.items:
            self.add(item)

    @property
    def date_conflict(self) -> bool:
        """Some two mentions give disjoint dates (intervals on a line overlap pairwise iff they share a point)."""
        return max(item.earliest for item in self.items) > min(item.latest for item in self.items)

    def score(self, words: EventWords) -> float:
        return max(similarity(words, sample) for sample in self.samples)


def cluster_events(items: Sequence[Dated]) -> list[EventCluster]:
    """Greedy clustering: same-event mentions with overlapping dates, then conflicting ones."""
    clusters: list[EventCluster] = []
    active: list[EventCluster] = []
    for item in sorted(items, key=lambda x: (x.earliest, _GRANULARITY_RANK[x.mention.granularity])):
        # Items come in date order, so a cluster whose date has ended can never take another one.
        active = [c for c in active if c.representative.latest >= item.earliest][-MAX_ACTIVE:]
        best, best_score = None, MERGE_SIMILARITY
        for cluster in active:
            if item.overlaps(cluster.representative):
                score = cluster.score(item.lemmas)
                if score >= best_score:
                    best, best_score = cluster, score
        if best is None:
            best = EventCluster(item)
            clusters.append(best)
            active.append(best)
        else:
            best.add(item)
    merged: list[EventCluster] = []
    for cluster in sorted(clusters, key=lambda c: -len(c.article_ids)):
        head = cluster.representative
        target = None
        for other in merged:
            rep = other.representative
            if (head.overlaps(rep) or head.mention.granularity != "day" or rep.mention.granularity != "day"
                    or abs((head.earliest - rep.earliest).days) > CONFLICT_MAX_DAYS
                    or cluster.article_ids & other.article_ids):
                continue
            if any(same_event_dated_differently(a, b) for a in cluster.samples for b in other.samples):
                target = other
                break
        if target is None:
            merged.append(cluster)
        else:
            target.extend(cluster)
    return merged


def _description(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1].rstrip() + "…"


def build_entries(items: Sequence[Dated]) -> list[TimelineEntry]:
    """Timeline entries in date order, one per event, listing every outlet's mention."""
    entries = []
    clusters = cluster_events(items)
    clusters.sort(key=lambda c: (c.representative.earliest, _GRANULARITY_RANK[c.representative.mention.granularity]))
    for index, cluster in enumerate(clusters, 1):
        rep = cluster.representative
        ordered = sorted(cluster.items, key=lambda x: (x.mention.article_id, x.mention.start))
        event = rep.mention.event
        entries.append(TimelineEntry(
            id=f"T{index}",
            date=rep.mention.resolved,
            granularity=rep.mention.granularity,
            inferred=all(x.mention.inferred for x in ordered),
            description=_description(event.text if event else rep.mention.text),
            mentions=[x.mention for x in ordered],
            article_ids=list(dict.fromkeys(x.mention.article_id for x in ordered)),
            date_conflict=cluster.date_conflict,
            dates=sorted({x.mention.resolved for x in ordered}),
        ))
    return entries
