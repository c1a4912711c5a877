from __future__ import annotations

import re

import pytest

import storyscope
from storyscope.model import Article
from storyscope.report import format_for, md_escape, render

HOSTILE = 'Mayor Clara Voss said <script>alert("x")</script> the ferry <img src=x onerror=alert(1)> would close.'


@pytest.fixture(scope="module")
def hostile_analysis():
    return storyscope.analyze(
        [
            Article(id="h1", outlet="<b>Evil</b> Outlet", title="<i>Headline</i>", text=HOSTILE),
            Article(id="h2", outlet="Calm Outlet", url="javascript:alert(1)", text="Clara Voss spoke on Tuesday."),
        ]
    )


def test_html_escapes_everything_from_articles(hostile_analysis):
    html = render(hostile_analysis, "html")
    assert "<script>" not in html and "<img" not in html and "<b>Evil" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_html_is_self_contained(hostile_analysis):
    html = render(hostile_analysis, "html")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "@import" not in html and "url(" not in html


def test_markdown_escapes_markup():
    assert md_escape("<b>|x|</b> *y*") == r"\<b\>\|x\|\</b\> \*y\*"


def test_markdown_and_json(hostile_analysis):
    md = render(hostile_analysis, "md")
    assert "<script>" not in md and "## People, organisations and places" in md
    assert render(hostile_analysis, "json").startswith("{")


def test_format_from_suffix():
    assert format_for("r.html") == "html" and format_for("r.md") == "md" and format_for("out") == "html"
    with pytest.raises(ValueError):
        format_for("r.pdf")


def test_entity_title_conflicts_and_number_conflicts_are_highlighted():
    analysis = storyscope.analyze([
        {"id": "a1", "outlet": "North Post", "text": "Transit Director Omar Haddad said 40 buses were late on Monday."},
        {"id": "a2", "outlet": "South Star", "text": "Deputy Director Omar Haddad said 12 buses were late on Monday."},
    ])
    html = render(analysis, "html")
    assert 'class="warn">title conflict' in html and ">Deputy Director</mark>" in html
    assert ">12</mark>" in html and ">40</mark>" in html
    md = render(analysis, "md")
    assert "**Deputy Director**" in md and "**conflicting**" in md and "**12**" in md


def test_summary_says_who_a_quoted_pronoun_is():
    from storyscope.model import Quote, SpanText, StoryAnalysis, SummarySentence
    from storyscope.report import pronoun_speakers

    text = "Mayor Ana Ruiz spoke on Friday. “We are not hiding anyone,” she said. “The pier stays open,” Ruiz said."
    first = text.index("“We")
    end = text.index("said.") + len("said.")
    second = text.index("“The")

    def quote(qid: str, source: str, at: int, speaker: str) -> Quote:
        return Quote(id=qid, article_id="a", source=SpanText(text=source, spans=[(at, at + len(source))]),
                     cue=SpanText(text="said", spans=[(at + len(source) + 1, at + len(source) + 5)]),
                     content=SpanText(text="x", spans=[(0, 1)]), direct=True, speaker=speaker)

    analysis = StoryAnalysis(
        id="s", model="m", articles=[Article(id="a", text=text)],
        quotes=[quote("q1", "she", text.index("she"), "Ana Ruiz"), quote("q2", "Ruiz", text.index("Ruiz said"), "Ana Ruiz")],
        summary=[
            SummarySentence(article_id="a", start=first, end=end, text=text[first:end], supporting_article_ids=[]),
            SummarySentence(article_id="a", start=second, end=len(text), text=text[second:], supporting_article_ids=[]),
        ],
    )
    assert pronoun_speakers(analysis) == [[("she", "Ana Ruiz")], []]
    assert "[“she”: Ana Ruiz]" in render(analysis, "md")
    assert "[“she”: Ana Ruiz]" in render(analysis, "html")


def test_markdown_ledger_says_which_words_an_outlet_adds_or_drops():
    from storyscope.analysis.quotes.ledger import build_ledger
    from storyscope.model import Quote, SpanText, StoryAnalysis

    def quote(qid: str, article: str, content: str) -> Quote:
        span = SpanText(text=content, spans=[(0, len(content))])
        return Quote(id=qid, article_id=article, source=span, cue=span, content=span, direct=True,
                     speaker="Ana Ruiz", speaker_entity_id="E1")

    quotes = [quote("a#q1", "a", "the pier will reopen by the summer season"),
              quote("b#q1", "b", "the old pier will reopen by summer season")]
    analysis = StoryAnalysis(id="s", model="m", articles=[Article(id="a", text="x"), Article(id="b", text="y")],
                             quotes=quotes, ledger=build_ledger(quotes))
    md = render(analysis, "md")
    assert "adds “old”" in md and "drops “the”" in md
    assert " → ;" not in md and "( → " not in md
