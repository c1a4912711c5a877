from storyscope.ingest.text import split_text_metadata


def test_date_prefix_is_metadata_and_body_is_a_slice():
    raw = " date 2024-05-08 Millbrook Mayor Clara Voss said the ferry would close."
    fields = split_text_metadata(raw)
    assert fields.published == "2024-05-08"
    assert fields.body.startswith("Millbrook Mayor")
    assert raw[fields.offset : fields.offset + len(fields.body)] == fields.body


def test_posted_by_line_and_categories_are_removed():
    raw = "Posted by on May 9, 2024\nCategories: Local News\n\nThe council met on Tuesday night."
    fields = split_text_metadata(raw)
    assert fields.published == "2024-05-09"
    assert fields.title is None
    assert fields.body == "The council met on Tuesday night."


def test_posted_by_with_author():
    fields = split_text_metadata("Posted by Jane Roe on March 3, 2025\nBody text starts here.")
    assert fields.published == "2025-03-03"
    assert fields.body == "Body text starts here."


def test_headline_line_becomes_title():
    fields = split_text_metadata("Council Closes Eastside Ferry After Heated Vote\n\nThe council voted on Tuesday.")
    assert fields.title == "Council Closes Eastside Ferry After Heated Vote"
    assert fields.body == "The council voted on Tuesday."


def test_sentence_first_line_is_not_a_title():
    fields = split_text_metadata("The council voted on Tuesday to close the ferry.\n\nMore text.")
    assert fields.title is None
    assert fields.offset == 0


def test_dateline_is_recorded_and_kept_in_text():
    fields = split_text_metadata("MILLBROOK, Ore. (CW) — The council voted.")
    assert fields.dateline == "MILLBROOK, Ore. (CW)"
    assert fields.body.startswith("MILLBROOK")
