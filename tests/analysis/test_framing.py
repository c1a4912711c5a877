"""Framing: Monroe et al. log-odds terms, own voice vs quoted voice, tone, quoted speakers."""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

import pytest

import storyscope
from storyscope.analysis.framing import (
    QuoteView,
    SpanIndex,
    dirichlet_prior,
    frame_articles,
    log_odds_z,
    story_quotes,
    term_occurrences,
)
from storyscope.analysis.registry import Background, StoryContext
from storyscope.model import Article
from storyscope.report import render
from tests.conftest import EXAMPLES, OUTLETS, assert_offsets_exact

# Fictional coverage of a warehouse raid in the invented town of Dunmore.
PLAIN = (
    "Federal agents detained 40 undocumented immigrants at a Dunmore warehouse on Monday. "
    "Relatives of the undocumented immigrants gathered outside the county jail. "
    "Lawyers said several undocumented immigrants had pending asylum cases. "
    "Advocates for undocumented immigrants planned a vigil. "
    "Most undocumented immigrants in the county work in farming. "
    "The warehouse owner declined to comment."
)
LOADED = (
    "Federal agents rounded up 40 illegal aliens at a Dunmore warehouse on Monday. "
    "The illegal aliens were hiding in a back room, officials said. "
    "Sheriff Rita Kowal praised the raid. \"We finally caught the undocumented immigrants,\" Kowal said. "
    "Neighbors say illegal aliens have taken local jobs. "
    "More illegal aliens could be found in other warehouses. "
    "The county spends millions on illegal aliens every year."
)
NEUTRAL = (
    "Agents arrested 40 people at a Dunmore warehouse on Monday, the county said. "
    "The owner of the warehouse declined to comment. "
    "Court hearings are set for next week."
)


def quote_in(text: str, words: str, article_id: str, speaker: str) -> QuoteView:
    start = text.index(words)
    return QuoteView(article_id=article_id, speaker=speaker, direct=True, spans=((start, start + len(words)),))


@pytest.fixture()
def dunmore(nlp):
    articles = [Article(id="p", outlet="Plain Post", text=PLAIN), Article(id="l", outlet="Loud Ledger", text=LOADED),
                Article(id="n", outlet="Neutral News", text=NEUTRAL)]
    docs = {a.id: nlp(a.text) for a in articles}
    quotes = [quote_in(LOADED, "We finally caught the undocumented immigrants,", "l", "Rita Kowal"),
              QuoteView(article_id="l", speaker="Rita Kowal", direct=False, spans=()),
              QuoteView(article_id="l", speaker="officials", direct=False, spans=())]
    return articles, frame_articles(articles, docs, quotes)


class CountingCorpus:
    """A TermCorpus over a fixed background plus whatever is added (once per hash)."""

    def __init__(self, counts: Counter[str], articles: int) -> None:
        self.counts, self.articles, self.seen = Counter(counts), articles, set()

    def add(self, counts):
        for digest, terms in counts.items():
            if digest not in self.seen:
                self.seen.add(digest)
                self.counts += terms
                self.articles += 1

    def background(self, terms):
        return Background(Counter({t: self.counts[t] for t in terms}), sum(self.counts.values()), self.articles)


def test_log_odds_z_signs():
    alpha = dirichlet_prior(Background(Counter({"aliens": 10, "immigrants": 10, "city": 40}), 60, 3), 6.0)
    assert alpha == pytest.approx({"aliens": 1.0, "immigrants": 1.0, "city": 4.0})
    z = log_odds_z(Counter({"aliens": 8, "city": 20}), Counter({"immigrants": 8, "city": 20}), alpha, 6.0)
    assert z["aliens"] > 1.645 and abs(z["city"]) < 0.5 and "immigrants" not in z
    assert log_odds_z(Counter(), Counter({"a": 1}), alpha, 6.0) == {}
    assert "unseen" not in log_odds_z(Counter({"unseen": 3, "city": 1}), Counter({"city": 4}), alpha, 6.0)


def test_phrases_counted_once_with_offsets(nlp):
    doc = nlp("The illegal aliens left. Officials said so.")
    occurrences = term_occurrences(doc)
    assert [o for o in occurrences if o[0] == "illegal aliens"] == [("illegal aliens", 4, 18)]
    assert all(doc.text[s:e].lower() == t for t, s, e in occurrences)
    assert not any("said" in t for t, _, _ in occurrences)  # attribution is not framing


def test_distinctive_terms_own_voice_vs_quotes(dunmore):
    articles, framing = dunmore
    by_id = {f.article_id: f for f in framing}
    plain = {t.term: t for t in by_id["p"].distinctive_terms}
    loud = {t.term: t for t in by_id["l"].distinctive_terms}
    assert "undocumented immigrants" in plain and plain["undocumented immigrants"].count == 5
    assert "illegal aliens" in loud and loud["illegal aliens"].count == 5
    assert loud["illegal aliens"].log_odds_z >= 1.645 and loud["illegal aliens"].quoted_count == 0
    assert "undocumented immigrants" not in loud  # only inside the sheriff's quote there
    immigrants = plain["undocumented immigrants"]
    assert immigrants.others_count == 0  # the quoted use in "l" is not the outlet's voice
    texts = {a.id: a.text for a in articles}
    for f in framing:
        for term in f.distinctive_terms:
            assert len(term.mentions) == term.count
            assert all(texts[m.article_id][m.start : m.end].lower() == term.term for m in term.mentions)
    assert by_id["l"].tone.quoted_segments == 1 and by_id["p"].tone.quoted_voice is None
    speakers = [(s.name, s.quotes, s.direct) for s in by_id["l"].quoted_speakers]
    assert speakers == [("Rita Kowal", 2, 1), ("officials", 1, 0)]
    assert not any("aliens" in t.term for t in by_id["n"].distinctive_terms)


def test_quoted_words_counted_apart(nlp):
    text = 'Officials praised the illegal aliens plan. "The illegal aliens must go," Kowal said.'
    start = text.index("The illegal")
    spans = ((start, start + len("The illegal aliens must go,")),)
    occurrences = [o for o in term_occurrences(nlp(text)) if o[0] == "illegal aliens"]
    assert [SpanIndex(spans).contains(s, e) for _, s, e in occurrences] == [False, True]


def test_span_index_finds_containing_and_overlapping_spans():
    index = SpanIndex([(50, 60), (0, 40), (10, 20)])
    assert [index.contains(s, e) for s, e in ((12, 18), (35, 45), (52, 60), (60, 61))] == [True, False, True, False]
    assert sorted(index.overlapping(15, 55)) == [(0, 40), (10, 20), (50, 60)]
    assert index.overlapping(40, 50) == [] and SpanIndex([]).overlapping(0, 10) == []


def test_story_quotes_reads_the_attribution_interface():
    quotes = [{"article_id": "a", "source": {"text": "the mayor", "spans": [[0, 9]]},
               "cue": {"text": "said", "spans": []}, "content": {"text": "no", "spans": [[20, 22]]},
               "direct": True, "speaker": "Mayor Lin", "speaker_entity_id": None},
              {"article_id": "a", "source": None, "cue": None, "content": {"text": "x", "spans": [[30, 31]]},
               "direct": False, "speaker": "Ana Ruiz"}]
    context = StoryContext(analysis=SimpleNamespace(quotes=quotes), docs={})
    views = story_quotes(context)
    assert views == [QuoteView("a", "Mayor Lin", True, ((20, 22),)), QuoteView("a", "Ana Ruiz", False, ((30, 31),))]
    assert story_quotes(StoryContext(analysis=SimpleNamespace(), docs={})) == []


def test_harbor_framing_evidence_without_verdicts():
    analysis = storyscope.analyze(storyscope.load(EXAMPLES, outlets=OUTLETS))
    assert_offsets_exact(analysis.to_json_dict())
    terms = {f.outlet: {t.term for t in f.distinctive_terms} for f in analysis.framing}
    assert "aliens" in terms["The Patriot Standard"]
    for outlet in ("The Calder Ledger", "Bayline Public Radio", "Coastline Wire"):
        assert not any("alien" in t for t in terms[outlet])
    assert not any(t in {"frontier", "daily", "frontier daily"} for t in terms["Frontier Daily"])
    speakers = {f.outlet: {s.name for s in f.quoted_speakers} for f in analysis.framing}  # from the quotes section
    assert any("Greeley" in name for name in speakers["Coastline Wire"])
    assert all(f.tone.quoted_segments > 0 for f in analysis.framing)
    for fmt in ("html", "md"):
        page = render(analysis, fmt).lower()
        assert "distinctive" in page and "aliens" in page
        assert not any(word in page for word in ("biased", "bias ", "propaganda", "slanted"))


def test_corpus_background_sets_the_prior(dunmore, nlp):
    articles, story_prior = dunmore
    docs = {a.id: nlp(a.text) for a in articles}
    # A corpus where "illegal aliens" is everyday usage: the outlet's use of it stands out less.
    corpus = CountingCorpus(Counter({"illegal aliens": 500, "illegal": 500, "aliens": 500, "warehouse": 10}), 40)
    with_corpus = frame_articles(articles, docs, [], corpus)
    story_z = {t.term: t.log_odds_z for t in story_prior[1].distinctive_terms}
    corpus_z = {t.term: t.log_odds_z for t in with_corpus[1].distinctive_terms}
    assert corpus_z.get("illegal aliens", 0.0) < story_z["illegal aliens"]
    assert {f.prior_articles for f in story_prior} == {3} and {f.prior_articles for f in with_corpus} == {43}
    frame_articles(articles, docs, [], corpus)  # the same story again adds nothing
    assert corpus.articles == 43


def test_names_of_people_are_coverage_not_framing(nlp):
    kowal = (
        "Sheriff Rita Kowal led the raid at a Dunmore warehouse on Monday. Kowal said the warehouse was empty. "
        "Kowal thanked the agents. Kowal will brief the county board. Kowal plans a second visit, and Kowal "
        "expects more arrests."
    )
    articles = [Article(id="k", outlet="County Watch", text=kowal), Article(id="n", outlet="Neutral News", text=NEUTRAL),
                Article(id="p", outlet="Plain Post", text=PLAIN)]
    docs = {a.id: nlp(a.text) for a in articles}
    people = {"k": [(m.start(), m.end()) for m in re.finditer(r"(?:Rita )?Kowal", kowal)]}
    with_names = {t.term for t in frame_articles(articles, docs, [])[0].distinctive_terms}
    without = {t.term for t in frame_articles(articles, docs, [], people=people)[0].distinctive_terms}
    assert "kowal" in with_names
    assert not any("kowal" in term for term in without)
