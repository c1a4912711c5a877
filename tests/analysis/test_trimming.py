"""Trimming at clause boundaries: verbatim edges cut, attribution and conditions kept."""

from __future__ import annotations

import pytest

from storyscope.analysis.claims import SentenceUnit
from storyscope.analysis.summary import trim_to_budget
from storyscope.analysis.trimming import clause_trims, leading_trims

# Fictional sentences, written for these tests.
CONNECTIVE = "However, the harbor board approved the new ferry schedule on Monday."
TRAILING = "The storm flooded the coastal road near Fenwick, forcing dozens of families to leave their homes."
LEADING = "Amid heavy rain in the valley and rising water, the county closed the old bridge to trucks."
ATTRIBUTED = "The reservoir will stay closed until the tests are done, according to the health director."
SAYING = "The mayor defended the new curfew on Monday, saying the streets were unsafe at night."
CONDITION = "If the council approves the budget next week, the library will reopen in the spring."
DATED = "On Thursday, the harbor board approved a new ferry schedule for the islands."
QUOTED = 'In a "stunning move, the board closed the pier to all boats."'


def trims(nlp, text):
    doc = nlp(text)
    return doc, clause_trims(doc[:], min_words=6)


def kept(doc, trim):
    return doc.text[trim.keep_start : trim.keep_end]


def test_leading_connective_goes(nlp):
    doc, found = trims(nlp, CONNECTIVE)
    assert [(t.kind, t.edge) for t in found] == [("connective", "lead")]
    assert kept(doc, found[0]) == "the harbor board approved the new ferry schedule on Monday."


def test_trailing_participial_modifier_can_go(nlp):
    doc, found = trims(nlp, TRAILING)
    assert [(t.kind, t.edge) for t in found] == [("modifier", "tail")]
    assert kept(doc, found[0]) == "The storm flooded the coastal road near Fenwick"


def test_leading_adverbial_modifier_can_go(nlp):
    doc, found = trims(nlp, LEADING)
    assert [(t.kind, t.edge) for t in found] == [("modifier", "lead")]
    assert kept(doc, found[0]) == "the county closed the old bridge to trucks."


@pytest.mark.parametrize("text", [ATTRIBUTED, SAYING, CONDITION, DATED])
def test_attribution_conditions_and_dates_are_never_cut(nlp, text):
    _, found = trims(nlp, text)
    assert found == []


def test_no_cut_leaves_a_quotation_open(nlp):
    doc = nlp(QUOTED)
    assert leading_trims(doc[:])  # a modifier by the parse, but its cut would split the quotation
    assert clause_trims(doc[:], min_words=6) == []


def test_too_short_a_remainder_is_not_cut(nlp):
    _, found = trims(nlp, "Still, it rained.")
    assert found == []


def unit(doc, article_id="a"):
    span = doc[:]
    return SentenceUnit(article_id, span.start_char, span.end_char, span.text, span, 0)


def test_only_the_sentence_that_overflows_the_budget_loses_a_modifier(nlp):
    first, last = nlp(TRAILING), nlp(LEADING)
    units = [unit(first, "a"), unit(last, "b")]
    words = len(TRAILING.split()) + len(LEADING.split())
    # Over budget: the last sentence chosen gives up its modifier, the first stays whole.
    bounds = trim_to_budget(units, words - 3, {"a": set(), "b": set()}, 6)
    assert bounds[0] == (0, len(TRAILING))
    assert LEADING[slice(*bounds[1])] == "the county closed the old bridge to trucks."
    # Within budget: nothing but connectives is cut.
    assert trim_to_budget(units, words, {"a": set(), "b": set()}, 6) == [(0, len(TRAILING)), (0, len(LEADING))]


def test_pathological_sentences_raise_nothing(nlp):
    texts = ['"' * 3000, "word, " * 3000, "But " + "and then " * 2000 + "stop."]
    for text in texts:
        doc = nlp(text)
        for sent in doc.sents:
            for trim in clause_trims(sent, min_words=6):
                assert sent.start_char <= trim.keep_start < trim.keep_end <= sent.end_char
