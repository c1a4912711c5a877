"""Normalise temporal expressions to ISO intervals, anchored on a publication date.

News text dates events relative to the day it was written. The same word resolves
differently by tense: "Tuesday" in a past-tense clause is the latest Tuesday on or before
the anchor, in a future clause ("will file a lawsuit Monday") the next one; a month without
a year ("in July") is the latest such month in a past clause and the next in a future one.
Calendar forms ("Feb. 26", "March 3, 2025", "3/11/2025") are read by dateparser; the year a
yearless date falls in is then chosen here from tense, because dateparser only knows
"prefer past" or "prefer future" for a whole call.

Expressions are recognised by :data:`EXPRESSION` (one regular expression, linear time) and
described by an :class:`Expression`, which holds everything that does not depend on the anchor,
so an undated article can be resolved cheaply against many candidate anchors.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from storyscope.model.timeline import Granularity, Tense

#: How the date of an expression is chosen relative to the anchor.
Direction = Literal["past", "future", "nearest", "strict_past", "strict_future", "same"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "the": 1}

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_NUM = r"(?:\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"

#: Every recognised form, one named group each; alternatives are tried left to right at each position.
EXPRESSION = re.compile(
    r"(?<![\w/])(?:"
    rf"(?P<calendar>(?:{_WD}\s?,?\s+)?(?:{_MONTH}\s+{_DAY}(?:\s?,?\s+{_YEAR})?"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s?,?\s+{_YEAR})?"
    rf"|{_MONTH}\s?,?\s+{_YEAR}|\d{{4}}-\d\d-\d\d|\d{{4}}/\d\d/\d\d|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d)"
    rf"|{_WD}\s+\d{{1,2}}/\d{{1,2}}(?![/\d])))"
    r"|(?P<follow>(?i:the\s+(?:next|following|previous|prior)\s+day)"
    rf"|{_NUM}\s+(?i:days?|weeks?)\s+(?i:later|earlier)"
    rf"|(?:{_NUM}|(?i:the))\s+(?i:days?|weeks?)\s+(?i:after|before))"
    rf"|(?P<ago>{_NUM}\s+(?i:days?|weeks?|months?|years?)\s+(?i:ago))"
    r"|(?P<unit>(?i:(?:earlier|later|early|late)\s+this|(?:the\s+)?(?:past|last)|next|this|coming)"
    r"\s+(?i:week(?:end)?|month|year)|(?i:the\s+weekend))"
    rf"|(?P<weekday>(?:(?i:this\s+past|this\s+coming|last|next|this|coming|past)\s+)?{_WD}"
    r"(?:\s+(?i:morning|afternoon|evening|night))?)"
    r"|(?P<deictic>(?i:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?i:morning|afternoon|evening|night))?)"
    rf"|(?P<month>(?:(?i:last|next|this|early|late|mid-?)\s*)?{_MONTH}(?!\s+{_DAY}\b))"
    r")(?!\w)"
)

#: Words before a bare month name that make it a date ("in July"), not a verb or a name ("May said").
_MONTH_CUES = frozenset({"in", "since", "until", "till", "by", "through", "during", "of", "from", "to", "before",
                         "after", "early", "late", "mid", "last", "next", "this", "that"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """An ISO interval with the granularity it was stated at."""

    resolved: str
    granularity: Granularity
    earliest: date
    latest: date


def day_resolution(day: date) -> Resolution:
    return Resolution(day.isoformat(), "day", day, day)


def month_resolution(year: int, month: int) -> Resolution:
    last = calendar.monthrange(year, month)[1]
    return Resolution(f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last))


def year_resolution(year: int) -> Resolution:
    return Resolution(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def interval_resolution(first: date, last: date, granularity: Granularity) -> Resolution:
    return Resolution(f"{first.isoformat()}/{last.isoformat()}", granularity, first, last)


def week_of(day: date) -> Resolution:
    """The Monday-to-Sunday week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return interval_resolution(monday, monday + timedelta(days=6), "week")


@dataclass(frozen=True, slots=True)
class Expression:
    """What a matched temporal expression says, independent of any anchor.

    ``kind`` is the :data:`EXPRESSION` group that matched; ``offset`` a signed count of
    ``unit`` (days, weeks, …); ``direction`` how to pick among the dates it could name.
    """

    kind: str
    text: str
    direction: Direction
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    unit: str | None = None
    offset: int = 0
    portion: str | None = None
    has_complement: bool = False


@lru_cache(maxsize=1)
def _calendar_parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=4096)
def parse_calendar(text: str) -> tuple[int | None, int, int | None] | None:
    """(year or None, month, day or None) of a calendar form, read by dateparser.

    The year is None unless the text states it, so the caller can anchor it by tense.
    """
    cleaned = re.sub(rf"^{_WD}\s?,?\s+", "", text.strip())
    cleaned = re.sub(r"(?i)^(?:early|late|mid-?|last|next|this)\s*", "", cleaned)
    data = _calendar_parser().get_date_data(cleaned)
    if data.date_obj is None:
        return None
    parsed: datetime = data.date_obj
    explicit_year = re.search(rf"{_YEAR}|\d/\d+/\d\d$", cleaned) is not None
    day = parsed.day if data.period == "day" else None
    return (parsed.year if explicit_year else None), parsed.month, day


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)


def _modifier_direction(modifier: str, tense_direction: Direction) -> Direction:
    """"last Tuesday" is strictly before the anchor, "next Tuesday" strictly after; "this" follows tense."""
    modifier = " ".join(modifier.lower().split())
    if modifier in {"last", "past", "this past"}:
        return "strict_past"
    if modifier in {"next", "coming", "this coming"}:
        return "strict_future"
    return tense_direction


def tense_direction(tense: Tense, deadline: bool) -> Direction:
    """Past clauses look back, future clauses forward; present ones and deadlines ("until") take the nearest."""
    if deadline or tense == "present":
        return "nearest"
    return "past" if tense == "past" else "future"


def describe(match: re.Match[str], tense: Tense, deadline: bool = False, has_complement: bool = False,
             preceding_word: str = "") -> Expression | None:
    """The anchor-free reading of one :data:`EXPRESSION` match, or None for a non-date (a bare "May")."""
    kind = match.lastgroup or ""
    text = match.group(0)
    words = text.lower().split()
    direction = tense_direction(tense, deadline)
    if kind == "calendar":
        parsed = parse_calendar(text)
        if parsed is None:
            return None
        year, month, day = parsed
        return Expression(kind, text, direction, month=month, day=day, year=year)
    if kind == "month":
        cue = re.match(r"(?i)(early|late|mid-?|last|next|this)\s*", text)
        if cue is None and preceding_word.lower() not in _MONTH_CUES:
            return None
        parsed = parse_calendar(text)
        if parsed is None:
            return None
        return Expression(kind, text, _modifier_direction(cue.group(1) if cue else "", direction), month=parsed[1])
    if kind == "weekday":
        name = next(w for w in words if w in WEEKDAYS)
        modifier = " ".join(words[: words.index(name)])
        return Expression(kind, text, _modifier_direction(modifier, direction), weekday=WEEKDAYS.index(name))
    if kind == "deictic":
        offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(words[0], 0)
        return Expression(kind, text, "same", unit="day", offset=offset)
    if kind == "ago":
        return Expression(kind, text, "same", unit=words[1].rstrip("s"), offset=-_count(words[0]))
    if kind == "unit":
        unit = words[-1]
        modifier = " ".join(words[:-1]).removeprefix("the ")
        offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(modifier, 0)
        portion = {"earlier this": "before", "early this": "before", "later this": "after", "late this": "after",
                   "past": "rolling"}
        # "over the weekend" names no week: the tense says which one.
        how: Direction = tense_direction(tense, False) if text.lower().startswith("the weekend") else "same"
        return Expression(kind, text, how, unit=unit, offset=offset, portion=portion.get(modifier))
    if kind == "follow":
        unit = "week" if any(w.startswith("week") for w in words) else "day"
        if words[-1] == "day":  # "the next day", "the previous day": counted from the date mentioned before
            sign = 1 if words[1] in {"next", "following"} else -1
            return Expression(kind, text, "same", unit=unit, offset=sign)
        sign = 1 if words[-1] in {"after", "later"} else -1
        if has_complement and words[-1] in {"after", "before"}:
            # "X, a day after Y": Y happened a day before X, so the complement's date is X minus one day.
            sign = -sign
        return Expression(kind, text, "same", unit=unit, offset=sign * _count(words[0]), has_complement=has_complement)
    return None


def _pick(values: list[int], target: int, direction: Direction) -> int | None:
    """The value the direction selects relative to ``target`` (ordinals of days or months)."""
    if direction == "past":
        return max((v for v in values if v <= target), default=None)
    if direction == "strict_past":
        return max((v for v in values if v < target), default=None)
    if direction == "future":
        return min((v for v in values if v >= target), default=None)
    if direction == "strict_future":
        return min((v for v in values if v > target), default=None)
    # nearest; a tie goes to the past, where news mostly looks
    return min(values, key=lambda v: (abs(v - target), v > target), default=None)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_unit(expr: Expression, anchor: date) -> Resolution:
    """"last week", "this month", "earlier this year", "next weekend", "the past week"."""
    unit = expr.unit
    rolling: dict[str, tuple[relativedelta, Granularity]] = {
        "week": (relativedelta(weeks=1), "week"), "month": (relativedelta(months=1), "month"),
        "year": (relativedelta(years=1), "year"),
    }
    if expr.portion == "rolling" and unit in rolling:
        # "the past week" is the seven days before the anchor, not the previous calendar week.
        span, granularity = rolling[unit]
        return interval_resolution(anchor - span, anchor - timedelta(days=1), granularity)
    if unit == "week":
        base = week_of(anchor + timedelta(weeks=expr.offset))
    elif unit == "weekend":
        saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5, weeks=expr.offset)
        if expr.direction != "same":  # "the weekend": the one the tense points to
            saturdays = [(saturday + timedelta(weeks=k)).toordinal() for k in (-1, 0, 1)]
            # A weekend counts as past once its Saturday has begun, so compare with the anchor's end.
            picked = _pick(saturdays, anchor.toordinal() - (1 if expr.direction == "future" else 0), expr.direction)
            saturday = date.fromordinal(picked) if picked is not None else saturday
        base = interval_resolution(saturday, saturday + timedelta(days=1), "week")
    elif unit == "month":
        shifted = anchor + relativedelta(months=expr.offset)
        base = month_resolution(shifted.year, shifted.month)
    else:
        base = year_resolution(anchor.year + expr.offset)
    if expr.portion == "before" and base.earliest < anchor:
        return Resolution(base.resolved, base.granularity, base.earliest, anchor - timedelta(days=1))
    if expr.portion == "after" and anchor < base.latest:
        return Resolution(base.resolved, base.granularity, anchor + timedelta(days=1), base.latest)
    return base


def _count_back(expr: Expression, origin: date) -> Resolution:
    """A date ``offset`` units from ``origin`` ("three days ago", "the next day", "two weeks later")."""
    if expr.unit == "day":
        return day_resolution(origin + timedelta(days=expr.offset))
    if expr.unit == "week":
        return week_of(origin + timedelta(weeks=expr.offset))
    if expr.unit == "month":
        shifted = origin + relativedelta(months=expr.offset)
        return month_resolution(shifted.year, shifted.month)
    return year_resolution(origin.year + expr.offset)


def resolve(expr: Expression, anchor: date | None, reference: date | None = None) -> Resolution | None:
    """The interval ``expr`` names for an article published on ``anchor``.

    ``reference`` is the date mentioned just before, which "the next day" and "a day after" count
    from. Returns None when the expression needs an anchor or reference it does not have.
    """
    if expr.kind == "calendar" and expr.year is not None and expr.month is not None:
        if expr.day is None:
            return month_resolution(expr.year, expr.month)
        day = _valid_date(expr.year, expr.month, expr.day)
        return day_resolution(day) if day else None
    if expr.kind == "year" and expr.year is not None:
        return year_resolution(expr.year)
    if expr.kind == "follow":
        return _count_back(expr, reference) if reference is not None else None
    if anchor is None:
        return None
    if expr.kind == "calendar" and expr.month is not None and expr.day is not None:
        days = [d.toordinal() for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if (d := _valid_date(y, expr.month, expr.day)) is not None]
        picked = _pick(days, anchor.toordinal(), expr.direction)
        return day_resolution(date.fromordinal(picked)) if picked is not None else None
    if expr.kind in {"calendar", "month"} and expr.month is not None:
        months = [y * 12 + expr.month - 1 for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        target = anchor.year * 12 + anchor.month - 1
        picked = target if expr.direction == "same" else _pick(months, target, expr.direction)
        return month_resolution(picked // 12, picked % 12 + 1) if picked is not None else None
    if expr.kind == "weekday" and expr.weekday is not None:
        first = anchor - timedelta(days=7)
        days = [(first + timedelta(days=i)).toordinal() for i in range(15)
                if (first + timedelta(days=i)).weekday() == expr.weekday]
        picked = _pick(days, anchor.toordinal(), expr.direction)
        return day_resolution(date.fromordinal(picked)) if picked is not None else None
    if expr.kind in {"deictic", "ago"}:
        return _count_back(expr, anchor)
    if expr.kind == "unit":
        return _shift_unit(expr, anchor)
    return None
