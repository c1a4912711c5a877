"""Contested points (figures outlets disagree on). Every text here is fictional."""

from storyscope.analysis.claims import SentenceUnit
from storyscope.analysis.contested import contested_points, disagreeing_pair
from storyscope.model import QuantityFact, QuantityMention

TEXTS = {
    "a1": "Harbor officials said 40 boats were damaged in the storm on Monday. The ferry resumes on Friday.",
    "a2": "The pier reopened. The storm damaged about 300 boats in the harbor on Monday, dock workers said.",
}


def units() -> list[SentenceUnit]:
    found = []
    for article_id, text in TEXTS.items():
        start = 0
        for position, sentence in enumerate(text.split(". ")):
            end = start + len(sentence) + (0 if sentence.endswith(".") else 1)
            found.append(SentenceUnit(article_id, start, end, text[start:end], None, position))  # type: ignore[arg-type]
            start = end + 1
    return found


def quantity(article_id: str, text: str, low: float | None, high: float | None) -> QuantityMention:
    start = TEXTS[article_id].index(text)
    return QuantityMention(article_id=article_id, start=start, end=start + len(text), text=text, low=low, high=high,
                           unit="count")


def fact(fact_id: str, status: str, mentions: list[QuantityMention]) -> QuantityFact:
    return QuantityFact(id=fact_id, fact="boats · damage", unit="count", modality="actual", status=status,
                        mentions=mentions, article_ids=list(dict.fromkeys(m.article_id for m in mentions)))


def test_a_conflicting_figure_names_the_sentence_of_each_side():
    story = units()
    facts = [
        fact("Q1", "consistent", [quantity("a1", "40", 40, 40), quantity("a2", "about 300", 30, 50)]),
        fact("Q2", "conflicting", [quantity("a1", "40", 40, 40), quantity("a2", "about 300", 270, 330)]),
    ]
    (point,) = contested_points(story, facts)
    assert point.fact_id == "Q2"
    assert [[story[k].text for k in side] for side in point.sides] == [
        ["Harbor officials said 40 boats were damaged in the storm on Monday."],
        ["The storm damaged about 300 boats in the harbor on Monday, dock workers said."],
    ]


def test_figures_that_can_both_be_true_do_not_disagree():
    open_ended = [quantity("a1", "40", 40, None), quantity("a2", "about 300", 270, 330)]
    assert disagreeing_pair(open_ended) is None
    same_article = [quantity("a1", "40", 40, 40), quantity("a1", "40", 300, 300)]
    assert disagreeing_pair(same_article) is None


def test_the_summary_tells_a_contested_figure_from_both_sides():
    import storyscope

    analysis = storyscope.analyze([
        {"id": "a1", "outlet": "Calder Ledger",
         "text": "Harbor officials said 40 boats were damaged in the storm on Monday. "
                 "The ferry will resume service on Friday, the port said."},
        {"id": "a2", "outlet": "Coastline Wire",
         "text": "The storm damaged about 300 boats in the harbor on Monday, according to dock workers. "
                 "Repairs will take weeks."},
    ])
    (fact,) = [f for f in analysis.quantities if f.status == "conflicting"]
    sides = [s for s in analysis.summary if s.contested_fact_id == fact.id]
    assert [s.article_id for s in sides] == ["a1", "a2"]
    assert all("boats" in s.text for s in sides)
    assert analysis.summary[-2:] == sides  # after the facts the outlets share
