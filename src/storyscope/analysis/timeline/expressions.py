"""Find temporal expressions in a parsed article: where they are, their tense, the event they date.

Candidates are the matches of :data:`~storyscope.analysis.timeline.resolve.EXPRESSION` plus
spaCy DATE entities that are a bare year ("in 2019"), which the patterns leave out because a
four-digit number alone is too often not a year. The dependency parse gives each expression
its governing clause: its verb decides the tense (and so the direction of "Tuesday" or
"in July"), and the clause (or the noun phrase, for "a news conference on March 4") is the
event the expression dates. Photo captions are recognised by their credit line and flagged, so
their dates stay out of the story timeline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyscope.analysis.timeline.resolve import EXPRESSION, Expression, describe
from storyscope.model.timeline import Tense
from storyscope.nlp.layout import caption_paragraphs

#: Verbs that, governing an infinitive, put it in the future ("plans to sue Monday").
FUTURE_GOVERNORS = frozenset({"plan", "intend", "expect", "schedule", "set", "vow", "promise", "threaten", "go",
                              "aim", "hope", "prepare", "decide", "agree"})
#: Participles that, without an auxiliary, schedule something ahead ("a vote expected Friday").
SCHEDULING_PARTICIPLES = frozenset({"expect", "schedule", "set", "slate", "plan", "due"})
#: Modal auxiliaries: the clause is about what may, must or would happen.
MODALS = frozenset({"would", "could", "might", "may", "can", "should", "must", "ca"})
#: Prepositions that make a date the end of a period granted, which may lie after the anchor even in a
#: past clause ("gave them until March 28"); "by" is left out: "had not recovered by Monday" looks back.
DEADLINE_WORDS = frozenset({"until", "till", "through"})
#: Dependents that start another clause: left out of the event a date belongs to.
OTHER_CLAUSE_DEPS = frozenset({"parataxis", "conj", "cc", "relcl"})
#: Conjunctions that open a clause about another event ("…, before the vote began").
RELATIVE_EVENT_MARKS = frozenset({"after", "before", "since", "while", "as", "when", "because", "although", "though",
                                  "if", "until", "once", "whereas"})
#: Prepositions whose phrase is another event ("hours after the news conference"); "before" and
#: "until" are left out, being as often about place or a period ("before the cameras", "until May").
RELATIVE_EVENT_PREPOSITIONS = frozenset({"after", "since", "following"})
#: Longest event excerpt, in tokens before and after its head.
MAX_EVENT_LEFT = 15
MAX_EVENT_RIGHT = 30
#: An expression farther than this (tokens) from its governing word is not read as that word's event.
MAX_EVENT_REACH = 120
#: Steps up the dependency tree before giving up on a governor (bounds time on odd parses).
MAX_CLIMB = 12


@dataclass(frozen=True, slots=True)
class Found:
    """A temporal expression in one article, with everything about it that no anchor changes."""

    start: int
    end: int
    text: str
    expression: Expression
    tense: Tense
    caption: bool
    quoted: bool
    sentence_start: int
    event: tuple[int, int] | None


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paragraph by paragraph (an unclosed quote ends with
    its paragraph). Straight quotes toggle; curly quotes open and close."""
    ranges = []
    for para in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        for mark in re.finditer(r'["“”]', para.group(0)):
            char, at = mark.group(0), para.start() + mark.start()
            if opened is None and char in '"“':
                opened = at
            elif opened is not None and char in '"”':
                ranges.append((opened, at + 1))
                opened = None
        if opened is not None:
            ranges.append((opened, para.end()))
    return ranges


def _governor(span: Span) -> Token:
    """The verb whose clause the expression sits in (or the expression's root when there is none)."""
    token = span.root
    for _ in range(MAX_CLIMB):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"}:
            return token
        if token.head is token:
            break
        token = token.head
    return token


def _event_head(span: Span) -> Token:
    """The noun ("a news conference on March 4") or verb the expression modifies."""
    token = span.root
    if token.head is not token and token.head.dep_ == "prep" and token.dep_ == "pobj":
        prep = token.head
        if prep.head.pos_ in {"NOUN", "PROPN"} and prep.head.i < span.start:
            return prep.head
    if token.dep_ in {"compound", "nmod", "npadvmod"} and token.head.pos_ == "NOUN" and token.head.i > span.end - 1:
        return token.head  # "a Feb. 26 letter"
    return _governor(span)


def clause_tense(verb: Token, depth: int = 0) -> Tense:
    """Tense of the clause headed by ``verb``, as far as dating goes.

    Future: will/shall, modals of possibility or obligation (could, may, must, …), "plans to",
    and scheduling participles ("a vote expected Friday"). Past: past and perfect forms. Present:
    present forms, and infinitives ("due to expire on June 30"), whose time is not fixed by their
    own form, so the nearest date is taken. Gerunds and bare verbs take their head verb's tense.
    """
    aux_words = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if aux_words & {"will", "'ll", "shall", "wo"} or verb.lower_ in {"will", "shall"}:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_GOVERNORS:
        return "future"
    if verb.tag_ == "VBN" and not aux_words and verb.lemma_ in SCHEDULING_PARTICIPLES:
        return "future"
    if aux_words & {"had", "has", "have", "was", "were", "did"}:
        return "past"
    if aux_words & MODALS:
        return "future"
    if verb.tag_ in {"VBD", "VBN"} or "Past" in verb.morph.get("Tense", []):
        return "past"
    if verb.tag_ in {"VBZ", "VBP"} or aux_words & {"is", "are", "am", "do", "does"}:
        return "present"
    if verb.tag_ in {"VB", "VBG"}:
        infinitive = any(child.tag_ == "TO" for child in verb.children)
        head = verb.head
        if not infinitive and head is not verb and head.pos_ in {"VERB", "AUX"} and depth < MAX_CLIMB:
            return clause_tense(head, depth + 1)  # "stopped running on March 25", "will work … and introduce"
        return "present"
    return "past"


def _tense(span: Span, complement: Token | None) -> Tense:
    """The tense that decides the expression's direction.

    A date inside a noun phrase ("a Feb. 26 letter") is not governed by the clause's tense, so it
    counts as present (nearest date). "A week after Y, families are still …" takes the main clause's
    tense, since the expression counts from the main clause's time.
    """
    root = span.root
    if complement is not None:
        main = complement.head if complement.dep_ in {"advcl", "pcomp", "pobj"} else complement
        if main.pos_ not in {"VERB", "AUX"}:
            main = _governor(main.doc[main.i : main.i + 1])
        return clause_tense(main) if main.pos_ in {"VERB", "AUX"} else "past"
    if root.dep_ in {"compound", "nmod", "amod", "poss"} and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i >= span.end:
        return "present"
    verb = _governor(span)
    return clause_tense(verb) if verb.pos_ in {"VERB", "AUX"} else "past"


def _other_event(child: Token) -> bool:
    """A dependent that tells of another event: a coordinated or parenthetical clause, a relative
    clause, or a clause or phrase placing this event relative to another ("hours after the news
    conference", "before the vote began"). Purpose and complement clauses ("voted to adopt …",
    "called for the mayor to resign") stay: they say what the event was."""
    if child.dep_ in OTHER_CLAUSE_DEPS:
        return True
    if child.dep_ == "advcl":
        return any(mark.dep_ == "mark" and mark.lower_ in RELATIVE_EVENT_MARKS for mark in child.children)
    return child.dep_ == "prep" and child.lower_ in RELATIVE_EVENT_PREPOSITIONS


def _event_range(head: Token, expression: Span) -> tuple[int, int]:
    """Character range of the clause (or noun phrase) ``head`` governs, without other clauses.

    Only a window of tokens around ``head`` (widened to take in the expression) is looked at, so a
    flat parse of a huge paragraph (thousands of dependents on one token) costs no more than a
    normal sentence.
    """
    doc = head.doc
    if not head.i - MAX_EVENT_REACH <= expression.start < expression.end <= head.i + MAX_EVENT_REACH:
        head = expression.root  # a head this far off is a flat parse's, not the event's
    left = max(head.left_edge.i, min(head.i - MAX_EVENT_LEFT, expression.start))
    right = min(head.right_edge.i, max(head.i + MAX_EVENT_RIGHT, expression.end - 1))
    edges = {head.left_edge.i, head.right_edge.i}
    for token in doc[left : right + 1]:
        if token.i == head.i or token.head.i != head.i:
            continue
        holds_expression = token.left_edge.i <= expression.start and expression.end <= token.right_edge.i + 1
        if (_other_event(token) and not holds_expression) or (token.dep_ == "punct" and token.i in edges):
            if token.i > head.i:
                right = min(right, token.left_edge.i - 1)
            else:
                left = max(left, token.right_edge.i + 1)
    while right > max(left, head.i) and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < min(right, head.i) and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _complement(span: Span) -> Token | None:
    """For "a day after the vote" / "a day after X announced": the token the "after"/"before" introduces."""
    word = span[-1]
    if word.lower_ not in {"after", "before"}:
        return None
    if word.dep_ == "mark":
        return word.head
    objects = [child for child in word.children if child.dep_ in {"pobj", "pcomp"}]
    return objects[0] if objects else None


def _candidate_spans(doc: Doc) -> list[tuple[int, int, re.Match[str] | None]]:
    """Pattern matches plus bare-year DATE entities, longest first where they overlap."""
    spans: list[tuple[int, int, re.Match[str] | None]] = [(m.start(), m.end(), m) for m in EXPRESSION.finditer(doc.text)]
    for ent in doc.ents:
        if ent.label_ == "DATE" and re.fullmatch(r"(?:1[89]|20)\d\d", ent.text):
            spans.append((ent.start_char, ent.end_char, None))
    # A date word inside a longer name is not a date: "USA Today", "the Good Friday Agreement".
    names = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ not in {"DATE", "TIME"}]
    name_starts = [start for start, _ in names]  # entities do not overlap, so they are sorted by start

    def inside_name(start: int, end: int) -> bool:
        index = bisect_right(name_starts, start) - 1
        return index >= 0 and names[index][1] >= end and names[index] != (start, end)

    spans = [s for s in spans if not inside_name(s[0], s[1])]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, re.Match[str] | None]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _inside(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted, non-overlapping ``ranges`` (``starts`` their starts)."""
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < ranges[index][1]


def find_expressions(doc: Doc) -> list[Found]:
    """Every temporal expression in ``doc`` with its tense, caption flag and event."""
    text = doc.text
    captions = caption_paragraphs(text)
    caption_starts = [start for start, _ in captions]
    quotes = quoted_ranges(text)
    quote_starts = [start for start, _ in quotes]
    # Sentence starts once, not Span.sent per expression, which walks the sentence each time.
    sentence_starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    found = []
    for start, end, match in _candidate_spans(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        deadline = before is not None and before.lower_ in DEADLINE_WORDS
        complement = _complement(span) if match is not None and match.lastgroup == "follow" else None
        tense = _tense(span, complement)
        if match is None:
            expression: Expression | None = Expression("year", text[start:end], "same", year=int(text[start:end]))
        else:
            expression = describe(match, tense, deadline, complement is not None,
                                  before.text if before is not None else "")
        if expression is None:
            continue
        head = complement if complement is not None else _event_head(span)
        found.append(Found(
            start=start, end=end, text=text[start:end], expression=expression, tense=tense,
            caption=_inside(captions, caption_starts, start),
            quoted=_inside(quotes, quote_starts, start),
            sentence_start=sentence_starts[max(bisect_right(sentence_starts, start) - 1, 0)],
            event=_event_range(head, span),
        ))
    return found
