"""Page furniture: captions (with their title line) and widget labels."""

from __future__ import annotations

from storyscope.nlp.layout import caption_paragraphs, furniture, overlaps, widget_labels

PAGE = (
    "Harbor rally\nA rider holds a sign outside the ferry terminal on May 2. Dana Holt/Coastline Wire\n\n"
    "The council voted on Tuesday to close the ferry.\n\nWATCH:\n\n"
    "The vote came after a long meeting.\nPhoto: the terminal at dawn.\n\nFerry riders said: they were angry."
)


def slices(ranges):
    return [PAGE[a:b] for a, b in ranges]


def test_caption_takes_its_title_line():
    assert slices(caption_paragraphs(PAGE)) == [
        "Harbor rally\nA rider holds a sign outside the ferry terminal on May 2. Dana Holt/Coastline Wire",
        "Photo: the terminal at dawn.",  # the line above ends like a sentence: not a title
    ]


def test_widget_label_alone_on_its_line():
    assert slices(widget_labels(PAGE)) == ["WATCH:"]


def test_furniture_is_sorted_and_body_is_not_furniture():
    ranges = furniture(PAGE)
    assert ranges == sorted(ranges) and len(ranges) == 3
    body = PAGE.index("The council voted")
    assert not overlaps(ranges, body, body + 20)
    assert overlaps(ranges, 0, 5)
