"""Line breaks as sentence boundaries: headings and captions are not glued to the next sentence."""

from __future__ import annotations

from storyscope.nlp import pipeline_id


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_heading_line_is_its_own_sentence(nlp):
    text = "Ferry protest\nA rider holds a sign outside the terminal. Dana Holt/Coastline Wire\n\nThe council voted on Tuesday."
    got = sentences(nlp, text)
    assert got[0] == "Ferry protest"
    assert "The council voted on Tuesday." in got
    assert not any(s.startswith("Dana Holt/Coastline Wire") and "council" in s for s in got)


def test_first_word_of_a_line_is_not_cut_off(nlp):
    got = sentences(nlp, "Photo: Jane Roe/Wire\n\nHarbor City Council voted unanimously on Tuesday to bar any branch.")
    assert "Harbor City Council voted unanimously on Tuesday to bar any branch." in got


def test_hard_wrapped_lines_stay_one_sentence(nlp):
    text = "The mayor said the ferry\nwould run again\nonce repairs were finished."
    assert sentences(nlp, text) == [text]


def test_pipeline_id_names_the_component(nlp):
    assert "storyscope_line_breaks" in nlp.pipe_names
    assert pipeline_id(nlp).endswith("+line_breaks")
