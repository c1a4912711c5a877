"""A quoted question or exclamation followed by its lower-case cue clause is one sentence."""

from __future__ import annotations

from storyscope.nlp import pipeline_id
from storyscope.nlp.quoted_ends import join_quoted_ends


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_quoted_question_and_its_cue_are_one_sentence(nlp):
    text = "The mayor was blunt. “Who pays for the pier?” she asked during the hearing. “Not us.”"
    got = sentences(nlp, text)
    assert "“Who pays for the pier?” she asked during the hearing." in got
    assert not any(s.startswith("she asked") for s in got)


def test_straight_quotes_and_exclamations(nlp):
    got = sentences(nlp, 'Voss waved. "Hold the ferry!" he shouted at the crew, and ran.')
    assert got[-1] == '"Hold the ferry!" he shouted at the crew, and ran.'


def test_capitalised_word_after_the_mark_still_starts_a_sentence(nlp):
    doc = join_quoted_ends(nlp.make_doc("“Who pays?” Voss asked. Why now? Nobody knew."))
    assert all(t.is_sent_start is not False for t in doc)
    doc = join_quoted_ends(nlp.make_doc("“Who pays?”\nthe sign read"))
    assert all(t.is_sent_start is not False for t in doc)


def test_marks_set_on_the_closing_quote_and_the_word(nlp):
    doc = join_quoted_ends(nlp.make_doc("“Who pays?” she asked."))
    assert [t.text for t in doc if t.is_sent_start is False] == ["”", "she"]


def test_pipeline_id_names_the_component(nlp):
    assert "storyscope_quoted_ends" in nlp.pipe_names
    assert pipeline_id(nlp).endswith("+line_breaks+quoted_ends")
