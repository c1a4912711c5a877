"""The story timeline: dated events across outlets, with relative dates resolved.

Per article (``storyscope extract``): every temporal expression that resolves, with its ISO
interval, granularity, tense and the event it dates. Per story: undated articles get an inferred
publication window, captions are kept apart (``timeline_captions``), and the remaining dated
events are merged across outlets into :class:`~storyscope.model.TimelineEntry` records.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc

from storyscope.analysis.registry import StoryContext, register_section
from storyscope.analysis.timeline.expressions import Found, find_expressions
from storyscope.analysis.timeline.mentions import publication_date, resolve_in_order, resolve_over_window, to_mentions
from storyscope.analysis.timeline.story import (
    INFERENCE_MARGIN_DAYS,
    Dated,
    build_entries,
    dated,
    event_words,
    infer_window,
    window_label,
)
from storyscope.model import Article, TemporalMention

__all__ = ["build_timeline", "extract_temporal_mentions", "find_expressions"]


def extract_temporal_mentions(article: Article, doc: Doc) -> list[TemporalMention]:
    """Resolved temporal expressions of one article, anchored on its own publication date."""
    found = find_expressions(doc)
    anchor = publication_date(article.published)
    return to_mentions(article.id, article.text, found, resolve_in_order(found, anchor), article.published, False)


def _open_window(mentions: list[TemporalMention], published: list[date]) -> str | None:
    """"YYYY-MM-DD/..": published no earlier than the latest past event the article itself dates, nor
    than three weeks before the story's first dated article."""
    # A bare year is left out: past clauses often name years ahead ("a goal set for 2030").
    floors = [date.fromisoformat(m.earliest) for m in mentions
              if not m.caption and m.tense == "past" and m.granularity in {"day", "month"}]
    if published:
        floors.append(min(published) - timedelta(days=INFERENCE_MARGIN_DAYS))
    return f"{max(floors).isoformat()}/.." if floors else None


@register_section("timeline", extract=extract_temporal_mentions)
def build_timeline(context: StoryContext) -> None:
    found: dict[str, list[Found]] = {a.id: find_expressions(context.docs[a.id]) for a in context.articles}
    mentions: dict[str, list[TemporalMention]] = {}
    inferred: dict[str, str | None] = {}
    dated_articles = [a for a in context.articles if publication_date(a.published) is not None]
    for article in dated_articles:
        resolutions = resolve_in_order(found[article.id], publication_date(article.published))
        mentions[article.id] = to_mentions(article.id, article.text, found[article.id], resolutions,
                                           article.published, False)
    known = [_dated(context, m) for a in dated_articles for m in mentions[a.id]
             if m.granularity == "day" and not m.caption]
    published = [d for a in dated_articles if (d := publication_date(a.published)) is not None]
    for article in context.articles:
        if article.id in mentions:
            continue
        items, doc = found[article.id], context.docs[article.id]
        window = infer_window(items, [event_words(doc, f.event, (f.start, f.end)) for f in items], known, published)
        if window:
            label = window_label(window)
            mentions[article.id] = to_mentions(article.id, article.text, items, resolve_over_window(items, window),
                                               label, True)
            inferred[article.id] = label
        else:
            mentions[article.id] = to_mentions(article.id, article.text, items, resolve_in_order(items, None), None,
                                               False)
            inferred[article.id] = _open_window(mentions[article.id], published)
    _mark_inferred_publication(context, inferred)
    everything = [m for a in context.articles for m in mentions[a.id]]
    context.analysis.timeline_captions = [m for m in everything if m.caption]
    context.analysis.timeline = build_entries([_dated(context, m) for m in everything if not m.caption])


def _dated(context: StoryContext, mention: TemporalMention) -> Dated:
    """A mention with its interval and its event's words, ready for merging."""
    event = (mention.event.start, mention.event.end) if mention.event else None
    return dated(mention, event_words(context.docs[mention.article_id], event, (mention.start, mention.end)))


def _mark_inferred_publication(context: StoryContext, inferred: dict[str, str | None]) -> None:
    """Set ``published_inferred`` on undated articles; a near-duplicate dates from its original on."""
    by_id = {a.id: a for a in context.analysis.articles}
    updated = []
    for article in context.analysis.articles:
        label = inferred.get(article.id)
        if article.published is None and article.duplicate_of is not None:
            original = by_id.get(article.duplicate_of)
            start = original.published if original is not None else None
            start = start or inferred.get(article.duplicate_of)
            label = f"{start.split('/')[0]}/.." if start else None
        if article.published is None and label is not None:
            article = article.model_copy(update={"published_inferred": label})
        updated.append(article)
    context.analysis.articles = updated
