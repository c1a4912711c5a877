"""Timeline: one test per resolution rule, captions, events, merging, inference. Fictional text only."""

from __future__ import annotations

from datetime import date

import jsonschema
import pytest

import storyscope
from storyscope.analysis.timeline import extract_temporal_mentions
from storyscope.analysis.timeline.expressions import find_expressions, quoted_ranges
from storyscope.analysis.timeline.mentions import resolve_over_window
from storyscope.model import Article
from storyscope.model.schema import story_analysis_schema
from storyscope.nlp.layout import caption_paragraphs
from storyscope.report import render
from tests.conftest import EXAMPLES, OUTLETS, assert_offsets_exact


def resolved(nlp, text: str, published: str | None = "2018-03-16") -> dict[str, str]:
    """Surface string → resolved date for every expression in ``text`` (published Friday 2018-03-16)."""
    article = Article(id="t", text=text, published=published)
    mentions = extract_temporal_mentions(article, nlp(text))
    for m in mentions:
        assert text[m.start : m.end] == m.text
        if m.event is not None:
            assert text[m.event.start : m.event.end] == m.event.text
    return {m.text: m.resolved for m in mentions}


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # weekday, past clause: the latest such day on or before publication (the example)
        ("The council voted on Tuesday to close the pier.", "Tuesday", "2018-03-13"),
        # weekday equal to the publication day is that day
        ("The mayor said Friday that the pier would stay closed.", "Friday", "2018-03-16"),
        # future clause: the next such day
        ("The state will file a lawsuit Monday against the agency.", "Monday", "2018-03-19"),
        ("Officials plan to reopen the road Wednesday.", "Wednesday", "2018-03-21"),
        # "last"/"next" are strict whatever the tense
        ("At a news conference last Friday, the chief resigned.", "last Friday", "2018-03-09"),
        ("The board meets next Tuesday.", "next Tuesday", "2018-03-20"),
        # past perfect with "by": still looks back
        ("Attendance had not recovered by Monday, she said.", "Monday", "2018-03-12"),
        # month without year: past looks back, future forward
        ("The ferry last ran in July, according to records.", "July", "2017-07"),
        ("The ferry will run again in May.", "May", "2018-05"),
        # month and day without year: past clause, latest on or before publication
        ("The letter arrived on Feb. 26.", "Feb. 26", "2018-02-26"),
        # a deadline may lie ahead even in a past clause
        ("The letter gave recipients until March 28 to answer.", "March 28", "2018-03-28"),
        # a date inside a noun phrase takes the nearest year, not the clause's tense
        ("Lawyers will challenge a Feb. 26 order in court.", "Feb. 26", "2018-02-26"),
        # explicit dates in common formats
        ("On March 3, 2017, the council voted.", "March 3, 2017", "2017-03-03"),
        ("The filing is dated 2017-11-04.", "2017-11-04", "2017-11-04"),
        ("The report was published 12/01/2017.", "12/01/2017", "2017-12-01"),
        ("The mill closed in 4 June 2016 after a fire.", "4 June 2016", "2016-06-04"),
        # relative units
        ("The agency sent a letter last month.", "last month", "2018-02"),
        ("The agency wrapped up the operation last week.", "last week", "2018-03-05/2018-03-11"),
        ("The council passed a resolution earlier this month.", "earlier this month", "2018-03"),
        ("The bridge closed three days ago.", "three days ago", "2018-03-13"),
        ("The ship docked yesterday.", "yesterday", "2018-03-15"),
        ("The office said it would file the papers today.", "today", "2018-03-16"),
        ("Sales fell sharply last year.", "last year", "2017"),
        # modals look ahead; a scheduling participle looks ahead
        ("Critics said the closure could cost the mayor her job in November.", "November", "2018-11"),
        ("The Senate sent the bill to the House for a vote expected Tuesday.", "Tuesday", "2018-03-20"),
        # an infinitive takes the nearest date; a gerund takes its head verb's tense
        ("The permit, due to expire on June 30, covers the pier.", "June 30", "2018-06-30"),
        ("Ferries stopped running on March 25 after the pier collapsed.", "March 25", "2017-03-25"),
        # a possessive date inside a noun phrase takes the nearest day
        ("It is unclear what the board will do after Wednesday's vote.", "Wednesday", "2018-03-14"),
        # "the weekend" by tense; "the past week" is the seven days before publication
        ("Ferry service resumed over the weekend.", "the weekend", "2018-03-10/2018-03-11"),
        ("Crews will work through the weekend.", "the weekend", "2018-03-17/2018-03-18"),
        ("Residents met several times over the past week.", "the past week", "2018-03-09/2018-03-15"),
        ("The memo is dated 2018/02/03.", "2018/02/03", "2018-02-03"),
        ("The memo is dated 3/11/17.", "3/11/17", "2017-03-11"),
        # a weekday with month/day and no year (a bare "2/25" could be a score)
        ("Activists posted warnings of raids on Sunday 2/25.", "Sunday 2/25", "2018-02-25"),
        # tokenised spacing around commas
        ("Workers gathered on Monday , March 12 , 2018 , outside the terminal.", "Monday , March 12 , 2018",
         "2018-03-12"),
    ],
)
def test_resolution_rules(nlp, sentence, expression, expected):
    assert resolved(nlp, sentence).get(expression) == expected


def test_day_after_dates_the_complement_from_the_main_clause(nlp):
    text = "The mayor said Friday that she had no regrets, a day after the agency announced its arrests."
    found = resolved(nlp, text)
    assert found["Friday"] == "2018-03-16"
    assert found["a day after"] == "2018-03-15"


def test_next_day_counts_from_the_previous_date(nlp):
    text = "The two spoke on March 3.\n\nThe next day, the mayor went before the cameras."
    assert resolved(nlp, text)["The next day"] == "2018-03-04"


def test_week_after_in_present_clause_counts_from_publication(nlp):
    text = "A week after agents swept through the town, families are still keeping children home."
    assert resolved(nlp, text)["A week after"] == "2018-03-05/2018-03-11"


def test_unanchored_relative_dates_are_left_unresolved(nlp):
    found = resolved(nlp, "The council voted on Tuesday, and on March 3, 2017, it voted again.", published=None)
    assert found == {"March 3, 2017": "2017-03-03"}


def test_date_words_inside_names_are_not_dates(nlp):
    assert resolved(nlp, "The mayor spoke to USA Today about the ferry.") == {}
    assert resolved(nlp, "The score was 2/25 at halftime.") == {}


def test_modal_may_and_durations_are_not_dates(nlp):
    found = resolved(nlp, "Residents may leave. The ferry has run for 19 years and a two-day sweep ended.")
    assert found == {}


def test_bare_year_from_spacy_date_entity(nlp):
    assert resolved(nlp, "The ferry terminal opened in 1962.").get("1962") == "1962"


def test_granularity_and_interval_bounds(nlp):
    text = "The council passed a resolution earlier this month."
    mention = extract_temporal_mentions(Article(id="t", text=text, published="2018-03-16"), nlp(text))[0]
    assert (mention.granularity, mention.earliest, mention.latest) == ("month", "2018-03-01", "2018-03-15")


def test_caption_paragraphs_detected_by_credit_line():
    text = (
        "The council met on Tuesday.\n\nProtesters gather outside City Hall on January 25. Ana Ruiz/Harbor Post\n\n"
        "Families wait outside the clinic on March 7. (Lee Park/The Ledger)\n\nCosts and/or delays grew.\n\n"
        "A boy joins a vigil outside City Hall on May 2. LENA ORTIZ/AFP/Getty"
    )
    captions = [text[a:b] for a, b in caption_paragraphs(text)]
    assert captions == ["Protesters gather outside City Hall on January 25. Ana Ruiz/Harbor Post",
                        "Families wait outside the clinic on March 7. (Lee Park/The Ledger)",
                        "A boy joins a vigil outside City Hall on May 2. LENA ORTIZ/AFP/Getty"]


def test_caption_dates_are_flagged(nlp):
    text = "The council met on Tuesday.\n\nProtesters gather outside City Hall on January 25. Ana Ruiz/Harbor Post"
    mentions = extract_temporal_mentions(Article(id="t", text=text, published="2018-03-16"), nlp(text))
    assert {m.text: m.caption for m in mentions} == {"Tuesday": False, "January 25": True}


def test_event_is_the_governing_clause(nlp):
    text = "The Calder harbor board voted narrowly on Tuesday to bar the sale of the pier."
    mention = extract_temporal_mentions(Article(id="t", text=text, published="2018-03-16"), nlp(text))[0]
    assert mention.event is not None and "voted narrowly on Tuesday" in mention.event.text
    assert mention.tense == "past"


def test_event_is_the_noun_phrase_a_date_modifies(nlp):
    text = "The mayor warned residents at a news conference on March 4."
    mention = extract_temporal_mentions(Article(id="t", text=text, published="2018-03-16"), nlp(text))[0]
    assert mention.event is not None and mention.event.text == "a news conference on March 4"


def test_window_keeps_only_what_every_candidate_day_supports(nlp):
    doc = nlp("The council voted Monday. The office said Friday it was closed.")
    found = find_expressions(doc)
    days = [date(2018, 3, 13), date(2018, 3, 16)]  # Tuesday and Friday
    combined = resolve_over_window(found, days)
    assert [r.resolved if r else None for r in combined] == ["2018-03-12", "2018-03"]


@pytest.fixture(scope="module")
def harbor():
    return storyscope.analyze(storyscope.load(EXAMPLES, outlets=OUTLETS))


def test_harbor_story_merges_the_vote_and_flags_the_conflicting_date(harbor):
    vote = [e for e in harbor.timeline if "2025-03-05" in e.dates and "2025-03-03" in e.dates]
    assert len(vote) == 1
    entry = vote[0]
    assert entry.date == "2025-03-03" and entry.date_conflict
    labels = {harbor.article(i).label for i in entry.article_ids}
    assert {"The Calder Ledger", "Coastline Wire", "The Patriot Standard"} <= labels
    assert {m.text for m in entry.mentions} >= {"March 3", "March 5", "Monday night"}


def test_harbor_story_caption_date_kept_out_of_timeline(harbor):
    assert [m.text for m in harbor.timeline_captions] == ["January 25"]
    assert all(m.text != "January 25" for e in harbor.timeline for m in e.mentions)


def test_harbor_story_relative_dates(harbor):
    by_outlet: dict[tuple[str, str], set[str]] = {}
    for entry in harbor.timeline:
        for m in entry.mentions:
            by_outlet.setdefault((harbor.article(m.article_id).label, m.text), set()).add(m.resolved)
    assert by_outlet[("Coastline Wire", "last Thursday")] == {"2025-03-06"}
    assert by_outlet[("Coastline Wire", "Monday")] == {"2025-03-17"}
    assert by_outlet[("Coastline Wire", "July")] == {"2024-07"}
    assert by_outlet[("The Patriot Standard", "Last Thursday")] == {"2025-03-13"}
    assert by_outlet[("Frontier Daily", "The next day")] == {"2025-03-04"}
    assert by_outlet[("Bayline Public Radio", "Monday night")] == {"2025-03-03"}


def test_harbor_story_undated_articles_get_windows_not_invented_days(harbor):
    bayline = next(a for a in harbor.articles if a.label == "Bayline Public Radio")
    assert bayline.published is None
    first, last = bayline.published_inferred.split("/")
    assert first < last and first <= "2025-03-07" <= last  # the true day is inside, no single day is claimed
    gazette = next(a for a in harbor.articles if a.label == "Harbor Valley Gazette")
    assert gazette.published_inferred == "2025-03-11/.."
    dated = next(a for a in harbor.articles if a.label == "Coastline Wire")
    assert dated.published_inferred is None


def test_harbor_story_offsets_schema_and_report(harbor):
    data = harbor.to_json_dict()
    assert assert_offsets_exact(data) > 300
    jsonschema.validate(data, story_analysis_schema())
    html = render(harbor, "html")
    assert 'class="tl"' in html and "outlets disagree" in html and "<script" not in html
    assert "## Timeline" in render(harbor, "md")


def test_report_escapes_article_text(nlp):
    text = "The <b>council</b> voted on Tuesday to close the <script>pier</script>."
    analysis = storyscope.analyze([{"id": "x", "text": text, "published": "2018-03-16"}])
    html = render(analysis, "html")
    assert "<script>pier" not in html and "&lt;script&gt;" in html
    assert "<b>council" not in render(analysis, "md")


HOSTILE = {
    "quote marks": '"' * 5000,
    "no sentences": "...",
    "weekday flood": "monday Tuesday " * 3000,
    "100k-char paragraph": ("On Monday the council met and on March 3 it voted and last week it paused " * 1400)[:100_000],
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_raises_nothing_and_keeps_offsets(nlp, name):
    text = HOSTILE[name]
    mentions = extract_temporal_mentions(Article(id="bad", text=text, published="2018-03-16"), nlp(text))
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize("name", ["quote marks", "no sentences"])
def test_hostile_text_in_a_story(name):
    analysis = storyscope.analyze([{"id": "bad", "text": HOSTILE[name], "published": "2018-03-16"},
                                   {"id": "other", "text": "The council voted Monday.", "published": None}])
    assert analysis.timeline is not None and analysis.timeline_captions is not None


def test_long_paragraph_story_has_a_timeline():
    text = HOSTILE["100k-char paragraph"]
    analysis = storyscope.analyze([{"id": "bad", "text": text, "published": "2018-03-16"}])
    assert analysis.timeline


def test_extract_lines_carry_resolved_expressions():
    from storyscope.pipeline import extract

    article = Article(id="x", text="The council voted on Tuesday to close the pier.", published="2018-03-16")
    line = next(extract([article]))
    assert [(m["text"], m["resolved"], m["granularity"]) for m in line["timeline"]] == [
        ("Tuesday", "2018-03-13", "day")
    ]


def test_inferred_publication_windows():
    dated = {"id": "a", "published": "2018-03-16",
             "text": "The council voted on Tuesday to close the ferry terminal. The mayor signed the order on Wednesday."}
    cross_referenced = {"id": "b", "text": "The council voted Tuesday to close the ferry terminal.\n\n"
                                           "The mayor signed the order Wednesday, officials said."}
    no_dates = {"id": "c", "text": "Residents were upset about the ferry terminal."}
    ruled_out = {"id": "d", "text": "On March 20, 2018, the council met again about the terminal."}
    analysis = storyscope.analyze([dated, cross_referenced, no_dates, ruled_out])
    inferred = {a.id: a.published_inferred for a in analysis.articles}
    # both events land on the dated article's days for anchors Wednesday 14 … Monday 19
    assert inferred["b"] == "2018-03-14/2018-03-19"
    # no evidence: no earlier than three weeks before the dated coverage, no upper bound
    assert inferred["c"] == "2018-02-23/.."
    # a past event on March 20 rules out every earlier day
    assert inferred["d"] == "2018-03-20/.."
    assert inferred["a"] is None
    vote = next(e for e in analysis.timeline if "b" in e.article_ids and e.date == "2018-03-13")
    assert vote.article_ids == ["a", "b"] and not vote.date_conflict
    assert [m.inferred for m in vote.mentions] == [False, True]


def test_quoted_ranges_do_not_raise_on_odd_quote_marks():
    text = 'He said "we sail today" and “we dock tomorrow” then "never closed\nNext paragraph "'
    assert [text[a:b] for a, b in quoted_ranges(text)] == ['"we sail today"', "“we dock tomorrow”", '"never closed', '"']


def test_quoted_dates_do_not_vote_on_publication_day(nlp):
    doc = nlp('The pilot wrote: "We sailed today." The crew rested.')
    assert [f.quoted for f in find_expressions(doc)] == [True]
