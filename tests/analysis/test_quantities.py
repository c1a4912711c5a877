"""Numeric claims and facts across outlets. Every text here is fictional, written for these tests."""

import pytest

import storyscope
from storyscope.analysis.quantities import apply_qualifier, extract_quantities, number_interval
from storyscope.model import Article
from tests.conftest import EXAMPLES, OUTLETS, assert_offsets_exact


def quantities(nlp, text):
    return extract_quantities(Article(id="x", text=text), nlp(text))


def story(*texts):
    return storyscope.analyze(
        [{"id": f"a{i}", "outlet": f"Outlet {i}", "text": text} for i, text in enumerate(texts, 1)]
    )


def fact_with(analysis, text):
    return next(f for f in analysis.quantities if any(m.text == text for m in f.mentions))


@pytest.mark.parametrize(
    ("core", "qualifier", "expected"),
    [
        ("800", "lower", (800, None)),
        ("hundreds", None, (200, 999)),
        ("1,500", "lower", (1500, None)),
        ("two dozen", "lower", (24, None)),
        ("2.5 million", None, (2_450_000, 2_550_000)),
        ("2 million", None, (2_000_000, 2_000_000)),
        ("4.40", None, (4.395, 4.405)),
        ("210", "approx", (189, 231)),
        ("half", "nearly", (45, 50)),
        ("twelve", None, (12, 12)),
        ("500", "upper", (None, 500)),
    ],
)
def test_number_and_qualifier_give_the_interval(core, qualifier, expected):
    interval = apply_qualifier(qualifier, *number_interval(core))
    assert (interval.low, interval.high) == pytest.approx(expected)


def test_claims_carry_qualifier_counted_thing_and_offsets(nlp):
    text = ("Inspectors found more than 40 cracked beams on the bridge. The city has set aside $3 million "
            "for repairs, and about 900 daily riders will need buses.")
    found = {m.text: m for m in quantities(nlp, text)}
    beams = found["more than 40"]
    assert (beams.qualifier, beams.low, beams.high, beams.unit) == ("more than", 40, None, "count")
    assert beams.counted.text == "cracked beams"
    assert found["$3 million"].unit == "money" and found["$3 million"].low == 3_000_000
    assert found["about 900"].counted.text == "daily riders"
    for m in found.values():
        assert text[m.start : m.end] == m.text
        assert text[m.counted.start : m.counted.end] == m.counted.text if m.counted else True


def test_dates_ages_times_bills_and_furniture_are_not_amounts(nlp):
    text = ("Rosa Lind, 45, said the ferry has run since 1962. AB 450 passed on March 3 at 4:15 p.m. "
            "The office at 220 Harbor Street closed. The council voted 6-1.\n\n"
            "LISTEN: 12 minutes with the mayor\n\nThe 45-year-old captain said 30 boats were idle.")
    assert [m.text for m in quantities(nlp, text)] == ["30"]


def test_vague_amounts_are_found(nlp):
    text = "Hundreds of residents marched, and half of them carried signs. A dozen shops closed."
    found = {m.text: (m.low, m.high, m.unit) for m in quantities(nlp, text)}
    assert found["Hundreds"] == (200, 999, "count")
    assert found["half"] == (50, 50, "percent")
    assert found["A dozen"] == (12, 12, "count")


def test_planned_and_made_stay_apart_and_conflicts_are_marked():
    analysis = story(
        "The port authority had planned to inspect 1,500 containers this week. Inspectors checked 232 containers "
        "by Friday, the authority said.",
        "Inspectors checked more than 200 containers, far short of the 1,500 containers the authority had planned "
        "to inspect.",
        "The port authority had planned to inspect about 1,500 containers. Inspectors checked 180 containers, "
        "the authority said.",
    )
    made, planned = fact_with(analysis, "232"), fact_with(analysis, "1,500")
    assert made.id != planned.id
    assert {m.text for m in made.mentions} == {"232", "more than 200", "180"}
    assert made.status == "conflicting" and made.modality == "actual"
    assert planned.status == "consistent" and planned.modality == "planned"
    assert set(planned.article_ids) == {"a1", "a2", "a3"}


def test_single_source_and_consistent_facts():
    analysis = story(
        "The council approved a $4 million budget for the ferry. Lena Ortiz said 30 dock workers will lose "
        "their jobs.",
        "The council approved a budget of about $4 million for the ferry.",
    )
    assert fact_with(analysis, "$4 million").status == "consistent"
    assert fact_with(analysis, "30").status == "single-source"


def test_harbor_story_numbers():
    analysis = storyscope.analyze(storyscope.load(EXAMPLES, outlets=OUTLETS))
    assert_offsets_exact(analysis.to_json_dict())
    letters = fact_with(analysis, "21")
    assert letters.status == "conflicting" and "more than two dozen" in {m.text for m in letters.mentions}
    planned = fact_with(analysis, "about 1,400")
    assert planned.modality == "planned" and planned.status == "consistent" and len(planned.article_ids) >= 4
    assert "212" not in {m.text for m in planned.mentions}


@pytest.mark.parametrize("text", ["1 " * 5000, "more than " * 5000, "(" * 5000, "½ ¾ 1e9 ∞ " * 1000])
def test_bad_input_raises_nothing_and_keeps_offsets(text, nlp):
    found = extract_quantities(Article(id="x", text=text), nlp(text))
    assert all(text[m.start : m.end] == m.text for m in found)


def test_many_numbers_in_a_story():
    analysis = story("The town counted 3 boats. " * 800, "Officials said 4 boats sank. " * 800)
    assert analysis.quantities


def test_extract_lines_carry_entity_titles_and_quantities():
    from storyscope.pipeline import extract

    text = "Port Commissioner Ines Duarte said more than 30 boats were damaged."
    (line,) = extract([Article(id="x", text=text)])
    (duarte,) = line["entities"]  # "Port" before a title is not taken for an organisation
    assert [t["text"] for t in duarte["titles"]] == ["Port Commissioner"]
    (boats,) = line["quantities"]
    assert (boats["text"], boats["low"], boats["high"], boats["counted"]["text"]) == ("more than 30", 30, None, "boats")


def test_money_counts_what_it_is_for(nlp):
    (fund,) = quantities(nlp, "The collective said it has raised $2 million for a legal defense fund.")
    assert (fund.unit, fund.counted.text, fund.verb) == ("money", "legal defense fund", "raise")
