"""Page furniture: captions (with their title line) and widget labels."""

from __future__ import annotations

from storyscope.nlp.layout import caption_paragraphs, furniture, link_lines, overlaps, widget_labels

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


def test_lines_a_link_label_opens():
    text = (
        "The council voted on Tuesday.\n\nRelated: What the harbor letter actually says\n\n"
        "LISTEN: Ana Bell reports from the pier (4:12)\n\nMayor Ana Voss: \"We will reopen in May.\"\n"
        "Correction: An earlier version misstated the date."
    )
    got = [text[a:b] for a, b in link_lines(text)]
    # a speaker's line is no link, and an editorial note is still the outlet's text
    assert got == ["Related: What the harbor letter actually says", "LISTEN: Ana Bell reports from the pier (4:12)"]
    assert all(text[a:b] in got for a, b in furniture(text))
