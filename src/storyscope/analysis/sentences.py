"""Sentence segmentation, as the parser gives it, with offsets."""

from __future__ import annotations

from spacy.tokens import Doc

from storyscope.analysis.registry import StoryContext, register_section
from storyscope.model import Article, SentenceSpan


def extract_sentences(article: Article, doc: Doc) -> list[SentenceSpan]:
    """Every non-blank sentence, trimmed of surrounding whitespace."""
    spans = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        spans.append(SentenceSpan(article_id=article.id, start=start, end=start + len(text), text=text))
    return spans


@register_section("sentences", extract=extract_sentences)
def build_sentences(context: StoryContext) -> None:
    per_article = context.extracted("sentences")
    context.analysis.sentences = [s for a in context.articles for s in per_article[a.id]]
