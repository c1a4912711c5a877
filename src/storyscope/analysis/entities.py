"""Named entities from the spaCy NER, grouped across articles by normalised text.

The grouping key drops case, a leading "the", possessive "'s" and punctuation,
so "the Justice Department" and "Justice Department's" are one entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from storyscope.analysis.registry import StoryContext, register_section
from storyscope.model import Article, Entity, EntityMention

#: NER labels that name things (numbers and dates belong to other sections).
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})


def normalise_name(text: str) -> str:
    """Grouping key of an entity surface string."""
    key = text.lower().replace("\u2019", "'")
    key = re.sub(r"'s?\b", "", key)
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"[^\w]+", " ", key)
    return key.strip()


def _trimmed(span: Span) -> tuple[int, int]:
    """Character offsets of an entity without a trailing possessive."""
    doc = span.doc
    end = span.end
    while end > span.start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_space):
        end -= 1
    return doc[span.start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def extract_entity_mentions(article: Article, doc: Doc) -> list[EntityMention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS or not normalise_name(ent.text):
            continue
        start, end = _trimmed(ent)
        mentions.append(
            EntityMention(article_id=article.id, start=start, end=end, text=article.text[start:end], label=ent.label_)
        )
    return mentions


def group_mentions(mentions: list[EntityMention]) -> list[Entity]:
    """One entity per normalised name; ordered by how many articles, then mentions, involve it."""
    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for mention in mentions:
        groups[normalise_name(mention.text)].append(mention)
    ranked = sorted(
        groups.values(),
        key=lambda ms: (-len({m.article_id for m in ms}), -len(ms), normalise_name(ms[0].text)),
    )
    entities = []
    for index, group in enumerate(ranked, 1):
        canonical = Counter(m.text for m in group).most_common(1)[0][0]
        label = Counter(m.label for m in group).most_common(1)[0][0]
        article_ids = list(dict.fromkeys(m.article_id for m in group))
        entities.append(Entity(id=f"E{index}", canonical=canonical, type=label, mentions=group, article_ids=article_ids))
    return entities


@register_section("entities", extract=extract_entity_mentions)
def build_entities(context: StoryContext) -> None:
    per_article = context.extracted("entities")
    context.analysis.entities = group_mentions([m for a in context.articles for m in per_article[a.id]])
