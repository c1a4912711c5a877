"""The ``entities`` section: people, organisations, places, … across a story's outlets.

Per article (``storyscope extract``): spaCy NER mentions, cleaned and completed by
the fixes in :mod:`.mentions`, each person mention with the titles the article gives
it (:mod:`.titles`). Across the story: surface forms recognised in one article are
found in the others too (an acronym defined in one article, a name the tagger missed
in another, a name the tagger cut short: "U.S. Immigration" before "and Customs
Enforcement"), mentions are resolved to entities (:mod:`.canonical`), each entity gets
its titles per article, a title-conflict flag and a salience score, and entities are
numbered in salience order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from storyscope.analysis.entities.canonical import Resolution, form_types, name_parts, name_variant, resolve
from storyscope.analysis.entities.mentions import (
    Found,
    MentionSet,
    extract_entity_mentions,
    find_acronym_definitions,
    normalise_name,
    to_record,
)
from storyscope.analysis.entities.titles import conflicting_titles, is_title_word
from storyscope.analysis.registry import StoryContext, register_section
from storyscope.model import Article, Entity, EntityAlias, EntityMention, Title

#: Characters that are not part of a name as printed ("[Donald] Trump" in an edited quote).
_ODD_PUNCT = re.compile(r"[\[\]{}()<>|/\\]")

__all__ = ["build_entities", "extract_entity_mentions", "group_mentions", "normalise_name"]


#: Merge rules whose forms say little about the entity's type.
SHORT_RULES = frozenset({"acronym", "short-form"})


def _fits_match(doc: Doc, start: int, end: int) -> bool:
    """A story form found in another article: a proper name there, not part of a longer one."""
    if end - start == 1 and not (doc[start].pos_ == "PROPN" or (doc[start].is_upper and len(doc[start]) > 1)):
        return False
    for i in (start - 1, end):
        if 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and not is_title_word(doc[i]):
            return False
    return True


def story_form_mentions(
    articles: list[Article], docs: dict[str, Doc], per_article: dict[str, list[EntityMention]]
) -> dict[str, list[EntityMention]]:
    """Each article's mentions plus every surface form the story recognised elsewhere and this
    article's tagger missed or cut short (PhraseMatcher on exact token text)."""
    all_mentions = [m for a in articles for m in per_article[a.id]]
    types = form_types(all_mentions)
    acronym_forms = {m.text for m in all_mentions if m.source == "acronym" and " " not in m.text}
    patterns: dict[str, Doc] = {}
    for article in articles:
        doc = docs[article.id]
        for mention in per_article[article.id]:
            span = doc.char_span(mention.start, mention.end)
            if span is None or not mention.text[:1].isupper():
                continue
            if mention.text not in patterns:
                patterns[mention.text] = Doc(doc.vocab, words=[t.text for t in span])
            surname = span[-1].text
            if len(span) >= 2 and types[normalise_name(mention.text)] == "PERSON" and surname[:1].isupper():
                # A person's surname alone ("Pryce said") is a mention the tagger often misses.
                patterns.setdefault(surname, Doc(doc.vocab, words=[surname]))
                types.setdefault(normalise_name(surname), "PERSON")
    completed: dict[str, list[EntityMention]] = {}
    matcher = PhraseMatcher(docs[articles[0].id].vocab, attr="ORTH") if articles else None
    for text, pattern in patterns.items():
        matcher.add(text, [pattern])  # type: ignore[union-attr]
    for article in articles:
        doc = docs[article.id]
        spans = MentionSet(doc)
        for mention in per_article[article.id]:
            span = doc.char_span(mention.start, mention.end)
            if span is not None:
                spans.add(Found(span.start, span.end, mention.label, mention.source))
        added, cut = [], set()
        for match in filter_spans(matcher(doc, as_spans=True)):  # type: ignore[misc]
            hit = spans.covering(match.start, match.end)
            label = types[normalise_name(match.text)]
            if hit is None and _fits_match(doc, match.start, match.end):
                found = Found(match.start, match.end, label, "acronym" if match.text in acronym_forms else "story-form")
            elif hit is not None and _truncated(hit, match.start, match.end, spans):
                # The tagger cut a name the story knows: "Border Enforcement" | "Agency of Calder".
                spans.remove(hit)
                cut.add(doc[hit.start : hit.end].start_char)
                found = Found(min(hit.start, match.start), match.end, label, "story-form")
            else:
                continue
            spans.add(found)
            added.append(to_record(doc, article.id, found))
        kept = [m for m in per_article[article.id] if m.start not in cut]
        completed[article.id] = sorted([*kept, *added], key=lambda m: m.start)
    return completed


def _truncated(hit: Found, start: int, end: int, spans: MentionSet) -> bool:
    """Whether mention ``hit`` is a name the tagger cut short: it ends inside the story form at tokens
    [start, end), which runs on past it and overlaps no other mention."""
    if not (start < hit.end < end and hit.start <= start) or end - start < 2:
        return False
    return all(spans.owner[i] in (None, hit.start) for i in range(start, end))


def _canonical(key: str, group: list[EntityMention]) -> str:
    """Display name: the most frequent clean form that spells the key out in full (ties: longer)."""
    if key.startswith("person:"):
        full = [m.text for m in group if len(name_parts(m.text)) >= 2]
    else:
        full = [m.text for m in group if name_variant(normalise_name(m.text)) == key.removeprefix("form:")]
    counts = Counter(full or [m.text for m in group])
    return max(counts, key=lambda text: (not _ODD_PUNCT.search(text), counts[text], len(text), text))


def _unique_titles(group: list[EntityMention]) -> list[Title]:
    titles = {(t.article_id, t.start, t.end): t for m in group for t in m.titles}
    return [titles[k] for k in sorted(titles)]


def group_mentions(mentions: list[EntityMention], resolution: Resolution, article_count: int) -> list[Entity]:
    """Entities from resolved mentions, numbered E1, E2, … in salience order."""
    types = form_types(mentions)
    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for mention, key in zip(mentions, resolution.keys, strict=True):
        groups[key].append(mention)
    max_mentions = max((len(g) for g in groups.values()), default=1)
    entities = []
    for key, group in groups.items():
        article_ids = list(dict.fromkeys(m.article_id for m in group))
        salience = 0.5 * len(article_ids) / max(article_count, 1) + 0.5 * len(group) / max_mentions
        # An acronym or short form takes its long form's type: the short form alone says little.
        named = [m for m in group if resolution.rules.get((key, m.text), ("",))[0] not in SHORT_RULES] or group
        kind = "PERSON" if key.startswith("person:") else Counter(
            types[normalise_name(m.text)] for m in named).most_common(1)[0][0]
        canonical = _canonical(key, group)
        aliases = []
        for text, count in Counter(m.text for m in group).items():
            same = normalise_name(text) == normalise_name(canonical)
            rule, score = ("same-name", None) if same else resolution.rules.get((key, text), ("same-name", None))
            aliases.append(EntityAlias(text=text, rule=rule, score=score, count=count))  # type: ignore[arg-type]
        titles = _unique_titles(group)
        conflicts = conflicting_titles(titles)
        entities.append(Entity(
            id="", canonical=canonical, type=kind, mentions=group, article_ids=article_ids,
            aliases=aliases, titles=titles, title_conflict=bool(conflicts), conflicting_titles=conflicts,
            salience=round(salience, 4),
        ))
    entities.sort(key=lambda e: (-e.salience, -len(e.article_ids), e.canonical))
    return [e.model_copy(update={"id": f"E{i}"}) for i, e in enumerate(entities, 1)]


def outlet_typed(mention: EntityMention, outlets: set[str]) -> EntityMention:
    """A mention of one of the story's outlets (``Article.outlet``) is an organisation, whatever
    the tagger said ("Coastline Wire" tagged PERSON in its own byline)."""
    if mention.label != "ORG" and normalise_name(mention.text) in outlets:
        return mention.model_copy(update={"label": "ORG"})
    return mention


@register_section("entities", extract=extract_entity_mentions)
def build_entities(context: StoryContext) -> None:
    per_article = {a.id: list(context.extracted("entities")[a.id]) for a in context.articles}
    defined = {
        normalise_name(d.short.text): normalise_name(d.long.text)
        for a in context.articles for d in find_acronym_definitions(context.docs[a.id])
    }
    completed = story_form_mentions(context.articles, context.docs, per_article)
    outlets = {normalise_name(a.outlet) for a in context.articles if a.outlet}
    mentions = [outlet_typed(m, outlets) for a in context.articles for m in completed[a.id]]
    context.analysis.entities = group_mentions(mentions, resolve(mentions, defined), len(context.articles))
