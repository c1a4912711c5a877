"""Line breaks as sentence boundaries: headings and captions are not glued to the next sentence."""

from __future__ import annotations

from storyscope.nlp import pipeline_id
from storyscope.nlp.line_breaks import mark_line_breaks


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_heading_line_is_its_own_sentence(nlp):
    text = "Ferry protest\nA rider holds a sign outside the terminal. Dana Holt/Coastline Wire\n\nThe council voted on Tuesday."
    got = sentences(nlp, text)
    assert got[0] == "Ferry protest"
    assert "The council voted on Tuesday." in got
    assert not any(s.startswith("Dana Holt/Coastline Wire") and "council" in s for s in got)


def test_first_word_of_a_line_is_not_cut_off(nlp):
    # Given a preset boundary the small parser may make a line's first word a sentence of its
    # own ("Calder" | "City Council voted …"); the component forbids a boundary right after it.
    doc = mark_line_breaks(nlp.make_doc("Jane Roe/Wire\n\nCalder City Council voted on Tuesday."))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Calder"] is True and starts["City"] is False and starts["Council"] is None
    got = sentences(nlp, "Photo: Jane Roe/Wire\n\nCalder Port Commission members backed the ferry levy late on Friday.")
    assert "Calder Port Commission members backed the ferry levy late on Friday." in got


def test_hard_wrapped_lines_stay_one_sentence(nlp):
    text = "The mayor said the ferry\nwould run again\nonce repairs were finished."
    assert sentences(nlp, text) == [text]


def test_pipeline_id_names_the_component(nlp):
    assert "storyscope_line_breaks" in nlp.pipe_names
    assert "+line_breaks" in pipeline_id(nlp)
