"""The neutral summary: verbatim, cited sentences; shared facts first; loaded wording avoided."""

from __future__ import annotations

import pytest

import storyscope
from storyscope import StoryscopeError
from storyscope.analysis import build_analysis
from storyscope.analysis.claims import align, make_claims
from storyscope.analysis.lexicon import loaded_lexicon, nrc_vad_lexicon
from storyscope.analysis.registry import StoryContext
from storyscope.analysis.summary import (
    PENALTIES,
    SIGNALS,
    SummaryConfig,
    candidate_signals,
    dangling,
    select_sentences,
)
from storyscope.model import Article, StoryAnalysis, SummarySentence
from storyscope.pipeline import parse_articles
from tests.conftest import EXAMPLES, OUTLETS, assert_offsets_exact

# Fictional: three outlets report a reservoir closure; one says it with loaded words.
RESERVOIR = [
    {"id": "r1", "outlet": "Lakeside Post", "text": (
        "The county closed the Fenwick reservoir on Monday after tests found high levels of algae toxins. "
        "Health director Ines Mbeki said the water would be tested again next week. "
        "Boat rentals at the marina were cancelled for the month.")},
    {"id": "r2", "outlet": "County Herald", "text": (
        "Fenwick reservoir was closed by the county on Monday because tests found algae toxins. "
        "Ines Mbeki, the health director, said new tests are planned for next week. "
        "A fishing tournament planned for Saturday was moved to Lake Orla.")},
    {"id": "r3", "outlet": "Valley Voice", "text": (
        "Disaster! The county finally shut the toxic, disgusting Fenwick reservoir on Monday "
        "after horrific tests found algae toxins! "
        "Who trusts these incompetent officials now? "
        "Ines Mbeki said new tests will come next week.")},
]


def test_summary_cites_verbatim_sentences_and_supporters():
    analysis = storyscope.analyze(storyscope.load(EXAMPLES, outlets=OUTLETS))
    data = analysis.to_json_dict()
    assert_offsets_exact(data)
    texts = {a.id: a.text for a in analysis.articles}
    claims = {c.id: c for c in analysis.claims}
    assert 3 <= len(analysis.summary) <= 7
    for item in analysis.summary:
        assert texts[item.article_id][item.start : item.end] == item.text
        claim = claims[item.claim_id]
        assert set(item.supporting_article_ids) == set(claim.article_ids) - {item.article_id}
    told = [s.claim_id for s in analysis.summary if s.contested_fact_id is None]
    contested = {s.claim_id for s in analysis.summary if s.contested_fact_id is not None}
    assert len(set(told)) == len(told) and not contested & set(told)  # no claim twice (a contested one: both sides)
    first = claims[analysis.summary[0].claim_id]
    assert len(first.outlets) == max(len(c.outlets) for c in analysis.claims)  # most shared fact first
    words = sum(len(s.text.split()) for s in analysis.summary)
    assert words <= 150 + max(len(s.text.split()) for s in analysis.summary)


def test_shared_fact_told_in_neutral_words():
    analysis = storyscope.analyze(RESERVOIR)
    chosen = [s.text for s in analysis.summary]
    assert any("Fenwick" in text for text in chosen[:1])
    assert all("!" not in text and not text.endswith("?") for text in chosen)
    closure = next(c for c in analysis.claims if any("Disaster" in s.text or "toxic," in s.text for s in c.sentences))
    assert len(closure.outlets) == 3
    assert analysis.summary[0].article_id in {"r1", "r2"}
    assert analysis.summary[0].claim_id == closure.id


def test_candidate_signals_score_shared_and_loaded_wording(nlp):
    articles = [Article(**a) for a in RESERVOIR]
    docs = parse_articles(articles, nlp)
    analysis = build_analysis(StoryAnalysis(id="s", model="m", articles=articles), docs)
    alignment = align(StoryContext(analysis=analysis, docs=docs))
    claims = make_claims(alignment, articles)
    candidates = candidate_signals(alignment, claims, articles, loaded_lexicon(), analysis.framing)
    assert candidates.signals.shape == (len(candidates.index), len(SIGNALS))
    row = {" ".join(alignment.units[k].text.split()[:3]): candidates.signals[i] for i, k in enumerate(candidates.index)}
    column = {name: j for j, name in enumerate(SIGNALS)}
    shared, aside, loaded = row["The county closed"], row["Boat rentals at"], row["The county finally"]
    assert shared[column["shared_words"]] > aside[column["shared_words"]]  # told in the words the others use
    assert shared[column["coverage"]] == 1.0 and aside[column["coverage"]] == 1 / 3
    assert loaded[column["punctuation"]] == 1.0 and shared[column["punctuation"]] == 0.0  # "…toxins!"
    assert loaded[column["loaded"]] > 0 and loaded[column["unattributed"]] == 1.0
    assert shared[column["loaded"]] == 0.0
    weights = SummaryConfig().signal_weights()
    assert all((weights[column[name]] <= 0) == (name in PENALTIES) for name in SIGNALS if weights[column[name]])
    relevance = candidates.signals @ weights
    assert relevance[list(row).index("The county closed")] > relevance[list(row).index("The county finally")]


def test_loaded_lexicon_from_vader_and_user_nrc_file(tmp_path):
    vader = loaded_lexicon()
    assert vader.name == "vader" and vader.is_loaded("Horrific") and not vader.is_loaded("reservoir")
    path = tmp_path / "nrc.txt"
    path.write_text("Word\tValence\tArousal\tDominance\nfury\t0.1\t0.95\t0.6\ncalm\t0.8\t0.1\t0.5\n", encoding="utf-8")
    nrc = nrc_vad_lexicon(str(path))
    assert nrc.name == "nrc-vad" and nrc.loaded == {"fury"}
    assert nrc.loaded_share(["fury", "calm", "sea", "sky"]) == 0.25


# Fictional: three outlets report a flood; several sentences open with a connective.
FLOOD = [
    {"id": "f1", "outlet": "Lakeside Post", "text": (
        "The river flooded the lower town of Brenna on Sunday night, forcing about 300 families to leave their homes. "
        "Mayor Ilse Varga opened the school gym as a shelter. "
        "Meanwhile, the army sent two boats to help with the rescue.")},
    {"id": "f2", "outlet": "County Herald", "text": (
        "About 300 families left their homes in Brenna on Sunday night after the river flooded the lower town. "
        "Mayor Ilse Varga said the school gym would serve as a shelter. "
        "But the water kept rising through the night, cutting the road to the hospital.")},
    {"id": "f3", "outlet": "Valley Voice", "text": (
        "The river flooded the lower town of Brenna on Sunday, sending water into hundreds of homes. "
        "However, the dam upstream held, the regional water board said. "
        "The school gym became a shelter for the night, opened by Mayor Ilse Varga.")},
]


def test_trimmed_items_stay_verbatim_spans_of_their_claim_sentence():
    analysis = storyscope.analyze(FLOOD)
    assert_offsets_exact(analysis.to_json_dict())
    texts = {a.id: a.text for a in analysis.articles}
    claims = {c.id: c for c in analysis.claims}
    trimmed = [s for s in analysis.summary if s.trimmed]
    assert trimmed  # the connectives "Meanwhile," / "But" / "However," cannot open a summary sentence
    for item in analysis.summary:
        assert texts[item.article_id][item.start : item.end] == item.text
        assert item.text.split()[0].strip(",") not in {"But", "However", "Meanwhile", "And"}
        full = next(s for s in claims[item.claim_id].sentences if s.article_id == item.article_id)
        assert full.start <= item.start and item.end <= full.end
        assert item.trimmed == ((item.start, item.end) != (full.start, full.end))
    for fmt in ("md", "html"):
        assert "trimmed at a clause boundary" in storyscope.render(analysis, fmt)


# Fictional: three outlets report a ferry strike; two disagree on how many workers joined it.
FERRY = [
    {"id": "k1", "outlet": "Lakeside Post", "text": (
        "Ferry workers in Dunmore walked off the job on Tuesday, halting every crossing to Orla Island. "
        "The union said 300 workers joined the strike. "
        "Island shops ran short of bread and milk by Wednesday, according to the island council. "
        "Talks between the union and the ferry company resumed on Thursday in the town hall, "
        "ending without a deal after six hours.")},
    {"id": "k2", "outlet": "County Herald", "text": (
        "Every ferry crossing to Orla Island was halted on Tuesday after Dunmore ferry workers walked off the job. "
        "The ferry company said 120 workers joined the strike. "
        "Talks between the union and the company resumed on Thursday, ending without a deal. "
        "A water taxi began carrying patients to the mainland hospital, charging twice the usual fare.")},
    {"id": "k3", "outlet": "Valley Voice", "text": (
        "Dunmore ferry workers walked off the job on Tuesday, halting crossings to Orla Island. "
        "Island shops ran short of bread and milk, the island council said. "
        "The strike is the first on the ferry line since 1998, when a walkout lasted nine days.")},
]


def test_the_sentence_that_takes_the_summary_over_budget_is_the_one_trimmed(nlp):
    articles = [Article(**a) for a in FERRY]
    docs = parse_articles(articles, nlp)
    analysis = build_analysis(StoryAnalysis(id="s", model="m", articles=articles), docs)
    alignment = align(StoryContext(analysis=analysis, docs=docs))

    def summarise(budget: int, max_sentences: int = 7) -> list[SummarySentence]:
        config = SummaryConfig(word_budget=budget, min_sentences=1, max_sentences=max_sentences)
        return select_sentences(alignment, analysis.claims, articles, config, analysis.framing, analysis.quantities)

    texts = {a.id: a.text for a in articles}
    overflow_shown_before_others = 0
    for budget in range(40, 101, 5):
        summary = summarise(budget)
        assert any(s.contested_fact_id for s in summary)  # 300 against 120 workers, told last
        # Greedy selection: the same story with one sentence fewer allowed is the summary minus the last pick.
        earlier = {(s.article_id, s.claim_id) for s in summarise(budget, len(summary) - 1)}
        (last_pick,) = [s for s in summary if (s.article_id, s.claim_id) not in earlier]
        for item in summary:
            assert texts[item.article_id][item.start : item.end] == item.text
            assert not item.trimmed or item is last_pick
        words = sum(len(s.text.split()) for s in summary)
        if last_pick.trimmed:
            assert words - len(last_pick.text.split()) < budget  # the others fitted; it took the summary over
            overflow_shown_before_others += summary.index(last_pick) < len(summary) - 1
    assert overflow_shown_before_others  # the case that matters: not the last sentence in display order


def test_candidates_can_be_scored_by_another_relevance_model(nlp):
    articles = [Article(**a) for a in RESERVOIR]
    docs = parse_articles(articles, nlp)
    analysis = build_analysis(StoryAnalysis(id="s", model="m", articles=articles), docs)
    alignment = align(StoryContext(analysis=analysis, docs=docs))
    config = SummaryConfig()

    def pick(relevance_of=None):
        chosen = select_sentences(alignment, analysis.claims, articles, config, analysis.framing, None, relevance_of)
        return [(s.article_id, s.start, s.end) for s in chosen]

    weighted = pick(lambda candidates: candidates.signals @ config.signal_weights())
    assert weighted == pick()
    loud = pick(lambda candidates: candidates.signals[:, SIGNALS.index("punctuation")])  # prefers "!" and "?"
    assert loud != weighted and "!" in articles[2].text[loud[0][1] : loud[0][2]]


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("The harbor board is appealing those decisions.", True),
        ("That union has not answered any calls since Friday.", True),
        ("It also seems to run a hotline for ferry riders.", True),
        ("The harbor board voted on Tuesday to close the pier.", False),
        ("It is unclear whether the ferry will run on Friday.", False),  # an "it" holding a clause's place
        ('"It is over for the pier," she said.', False),  # inside a quotation; the report names "she"
    ],
)
def test_a_sentence_leaning_on_an_earlier_one(nlp, text, leans):
    assert dangling(nlp(text)[:]) is leans


def test_summary_length_is_configurable_from_the_api(millbrook):
    def words(summary_words: int | None) -> int:
        summary = storyscope.analyze(millbrook, summary_words=summary_words).summary
        assert 3 <= len(summary) <= 7
        return sum(len(s.text.split()) for s in summary)

    assert words(40) < words(None) < words(200)
    with pytest.raises(StoryscopeError):
        storyscope.analyze(millbrook, summary_words=0)
