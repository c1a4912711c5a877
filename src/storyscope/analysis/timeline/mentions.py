"""Turn found expressions into resolved :class:`TemporalMention` records for one article.

Expressions are resolved in text order, because "the next day" and "a day after" count from
the last day-precise date the article gave. An undated article is resolved against every
candidate publication day at once: an expression keeps a day only when every candidate gives
the same day, else the month they share, else it is left unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storyscope.analysis.timeline.expressions import Found
from storyscope.analysis.timeline.resolve import Resolution, month_resolution, resolve
from storyscope.model import Mention
from storyscope.model.timeline import TemporalMention


def resolve_in_order(found: Sequence[Found], anchor: date | None) -> list[Resolution | None]:
    """Each expression's resolution against ``anchor``, aligned with ``found``."""
    resolutions: list[Resolution | None] = []
    reference: date | None = None
    reference_sentence = -1
    for item in found:
        expr = item.expression
        if expr.has_complement:
            # "X, a day after Y" counts from X, which must be in the same sentence; "A week after Y,
            # families are still …" counts from the present, the anchor.
            if reference_sentence == item.sentence_start:
                origin = reference
            else:
                origin = anchor if item.tense == "present" else None
        else:
            origin = reference
        resolution = resolve(expr, anchor, origin)
        resolutions.append(resolution)
        if resolution is not None and resolution.granularity == "day" and not item.caption and not expr.has_complement:
            reference, reference_sentence = resolution.earliest, item.sentence_start
    return resolutions


def resolve_over_window(found: Sequence[Found], anchors: Sequence[date]) -> list[Resolution | None]:
    """Resolutions that hold for every anchor in ``anchors`` (an undated article's candidate days).

    Never more precise than the text supports: disagreeing days within one month give that month.
    """
    if not anchors:
        return [None] * len(found)
    per_anchor = [resolve_in_order(found, anchor) for anchor in anchors]
    combined: list[Resolution | None] = []
    for options in zip(*per_anchor, strict=True):
        if any(option is None for option in options):
            combined.append(None)
            continue
        resolved = [option for option in options if option is not None]
        if all(option == resolved[0] for option in resolved):
            combined.append(resolved[0])
            continue
        months = {(option.earliest.year, option.earliest.month) for option in resolved}
        months |= {(option.latest.year, option.latest.month) for option in resolved}
        combined.append(month_resolution(*months.pop()) if len(months) == 1 else None)
    return combined


def to_mentions(
    article_id: str, text: str, found: Sequence[Found], resolutions: Sequence[Resolution | None],
    anchor_label: str | None, inferred: bool,
) -> list[TemporalMention]:
    """Records for the expressions that resolved, with exact offsets into ``text``."""
    mentions = []
    for item, resolution in zip(found, resolutions, strict=True):
        if resolution is None:
            continue
        event = None
        if item.event is not None:
            start, end = item.event
            event = Mention(article_id=article_id, start=start, end=end, text=text[start:end])
        mentions.append(TemporalMention(
            article_id=article_id, start=item.start, end=item.end, text=text[item.start:item.end],
            resolved=resolution.resolved, granularity=resolution.granularity,
            earliest=resolution.earliest.isoformat(), latest=resolution.latest.isoformat(),
            anchor=anchor_label, tense=item.tense, caption=item.caption, inferred=inferred, event=event,
        ))
    return mentions


def publication_date(published: str | None) -> date | None:
    """The article's own publication day, when its metadata gives a full date."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
