"""Section ``quotes``: who said what in each article, and the story's quote ledger across outlets.

Per article, the ``storyscope_attribution`` component's rules (:mod:`.attribution`)
run on the parsed Doc; each attribution becomes a :class:`~storyscope.model.Quote`
whose speaker is linked to the story's entities. At story level the quotes are
merged into ledger entries (:mod:`.ledger`).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from storyscope.analysis.entities import normalise_name
from storyscope.analysis.entities.titles import RANK_WORDS, role_word
from storyscope.analysis.quotes.attribution import Attribution, Fragments
from storyscope.analysis.quotes.component import annotate
from storyscope.analysis.quotes.ledger import build_ledger
from storyscope.analysis.quotes.lexicon import PRONOUN_GENDER
from storyscope.analysis.registry import StoryContext, register_section
from storyscope.model import Article, Entity, EntityMention, Quote, SpanText, Title
from storyscope.nlp.layout import furniture, overlaps

__all__ = ["annotate", "build_quotes", "extract_quotes", "link_speakers"]


def span_text(text: str, fragments: Fragments) -> SpanText:
    """A role's fragments with their joined surface text (the convention of :class:`SpanText`)."""
    return SpanText(text=" ".join(text[s:e] for s, e in fragments), spans=[(s, e) for s, e in fragments])


def to_quote(article: Article, number: int, attribution: Attribution) -> Quote:
    text = article.text
    return Quote(
        id=f"{article.id}#q{number}",
        article_id=article.id,
        source=span_text(text, attribution.source) if attribution.source else None,
        cue=span_text(text, attribution.cue),
        content=span_text(text, attribution.content),
        direct=attribution.direct,
        speaker=attribution.speaker,
    )


def extract_quotes(article: Article, doc: Doc) -> list[Quote]:
    """Every attribution in one article, numbered in text order; a photo caption's
    (page furniture, :mod:`storyscope.nlp.layout`) is the caption writer's, not a quote."""
    skip = furniture(article.text)
    kept = [a for a in annotate(doc) if not any(overlaps(skip, s, e) for s, e in a.cue)]
    return [to_quote(article, number, a) for number, a in enumerate(kept, 1)]


#: Entity types a pronoun source may refer to, checked against the story's canonical entities.
_PRONOUN_TYPES = {
    **{pronoun: frozenset({"PERSON"}) for pronoun in PRONOUN_GENDER},
    "it": frozenset({"ORG", "GPE"}),
    "they": frozenset({"ORG", "GPE", "NORP"}),
}


#: Words that make a name the complement of the source, not its head ("a spokesman for Schaaf"), or one
#: of several speakers ("the parish and Ana Paulo").
_COMPLEMENT_WORDS = frozenset({
    "for", "to", "of", "with", "by", "from", "at", "on", "near", "under", "'s", "’s", "and", "or", "nor",
})


def named_heads(entities: list[Entity]) -> dict[tuple[str, int], EntityMention]:
    """Person mentions by ``(article_id, end offset)``: a source that ends with a person's
    name (after its title) is that person."""
    return {
        (mention.article_id, mention.end): mention
        for entity in entities
        if entity.type == "PERSON"
        for mention in entity.mentions
    }


def head_speaker(source: SpanText, article_id: str, heads: dict[tuple[str, int], EntityMention]) -> str | None:
    """The person a source ends with, unless a preposition or possessive makes that name a
    complement ("a spokesman for Schaaf", "the mayor's aide")."""
    start, end = source.spans[-1]
    mention = heads.get((article_id, end))
    if mention is None or mention.start < start:
        return None
    before = source.text[: len(source.text) - (end - mention.start)].split()
    return None if before and before[-1].lower() in _COMPLEMENT_WORDS else mention.text


def named_in_source(source: SpanText, article_id: str, key: str, entities: list[Entity]) -> str | None:
    """The one entity mentioned inside the source whose name holds the speaker's words: the
    speaker "Collective" of "The Calder Legal Aid Collective, which …" is that organisation."""
    words = set(key.split())
    found = {
        entity.id
        for entity in entities
        for mention in entity.mentions
        if mention.article_id == article_id
        and any(s <= mention.start and mention.end <= e for s, e in source.spans)
        and words <= set(normalise_name(mention.text).split())
    }
    return found.pop() if len(found) == 1 else None


#: Words after which a description's head is over: what follows is its complement ("the director of
#: the port") or a clause about it.
_HEAD_BREAKS = frozenset({"for", "of", "at", "with", "from", "to", "in", "on", "who", "whose", "that", ","})


def _office(role: str) -> tuple[str, ...]:
    """A title's role without its rank words ("acting director" -> ("director",))."""
    return tuple(word for word in role.split() if word not in RANK_WORDS)


#: Words for whoever leads an organisation ("the head of the port authority") …
_LEADER_WORDS = frozenset({"head", "chief", "leader", "boss"})
#: … the offices that lead one, and the ranks that make an office a subordinate one.
_LEADER_OFFICES = frozenset({
    "director", "chief", "head", "president", "chairman", "chairwoman", "chair", "ceo", "commissioner",
    "secretary", "leader", "administrator",
})
_SUBORDINATE_RANKS = frozenset({"deputy", "assistant", "associate", "vice", "under", "former", "ex"})


def _holders(head: list[str], entities: list[Entity]) -> list[Entity]:
    """People some outlet gives the office that ends ``head`` ("state's attorney general")."""
    return [
        entity
        for entity in entities
        if entity.type == "PERSON"
        and any((office := _office(t.role)) and tuple(head[-len(office) :]) == office for t in entity.titles)
    ]


def _names(entity: Entity) -> set[str]:
    """Every normalised name an entity goes by (its canonical name and aliases)."""
    return {normalise_name(entity.canonical), *(normalise_name(a.text) for a in entity.aliases)}


def _leads(title: Title, names: set[str]) -> bool:
    """Whether a title makes its holder the leader of the organisation called one of ``names``."""
    office = _office(title.role)
    return (
        bool(office) and office[-1] in _LEADER_OFFICES and not set(title.role.split()) & _SUBORDINATE_RANKS
        and any(f" {name} " in f" {normalise_name(title.text)} " for name in names)
    )


def _leaders(organisation: str, entities: list[Entity]) -> list[Entity]:
    """People titled as leading ``organisation`` under any of its names ("ICE Director" for "the head
    of Immigration and Customs Enforcement"); a deputy or former one does not lead it."""
    key = normalise_name(organisation)
    named = [e for e in entities if e.type != "PERSON" and key in _names(e)]
    if len(named) != 1:
        return []
    names = _names(named[0])
    return [e for e in entities if e.type == "PERSON" and any(_leads(t, names) for t in e.titles)]


def described_entity(description: str, article_id: str, entities: list[Entity]) -> str | None:
    """The one person a definite description names by office: "the state's attorney general" is the
    person the story's outlets title attorney general, and "the head of the port authority" the one
    they title as leading it, when one person in the article (else in the story) fits. An indefinite
    description ("a spokesman") names nobody in particular, and one that fits two people neither."""
    words = description.replace(",", " , ").split()
    if len(words) < 2 or words[0].lower() != "the":
        return None
    k = next((k for k in range(1, len(words)) if words[k].lower() in _HEAD_BREAKS), len(words))
    head = [role_word(word) for word in words[1:k]]
    if len(head) == 1 and head[0] in _LEADER_WORDS and k < len(words) and words[k].lower() == "of":
        holders = _leaders(" ".join(words[k + 1 :]), entities)
    else:
        holders = _holders(head, entities)
    for pool in ([e for e in holders if article_id in e.article_ids], holders):
        if pool:
            return pool[0].id if len(pool) == 1 else None
    return None


def link_speakers(quotes: list[Quote], entities: list[Entity]) -> list[Quote]:
    """Set ``speaker_entity_id``: the entity named like the speaker in the same article, else anywhere,
    and name a linked speaker by the entity's canonical name ("Schaaf" -> "Libby Schaaf").

    Entities are matched by their normalised mention text, so the link follows however
    the entities section canonicalises names; a source that names no entity stays null.
    A pronoun source resolved to an entity of the wrong kind (``she`` to an organisation,
    ``it`` to a person) is left unresolved, its surface pronoun kept.
    """
    in_article: dict[tuple[str, str], str] = {}
    anywhere: dict[str, str] = {}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            key = normalise_name(mention.text)
            in_article.setdefault((mention.article_id, key), entity.id)
            anywhere.setdefault(key, entity.id)
        canonical = normalise_name(entity.canonical)
        anywhere.setdefault(canonical, entity.id)
        if entity.type == "PERSON" and len(canonical.split()) > 1:
            by_surname[canonical.split()[-1]].add(entity.id)
    types = {entity.id: entity.type for entity in entities}
    canonical_names = {entity.id: entity.canonical for entity in entities}
    heads = named_heads(entities)
    linked = []
    for quote in quotes:
        named = head_speaker(quote.source, quote.article_id, heads) if quote.source is not None else None
        if named is not None and (quote.speaker is None or named in quote.speaker):
            # "acting director of the port Mira Okafor": the name the source ends with is the speaker.
            quote = quote.model_copy(update={"speaker": named})
        key = normalise_name(quote.speaker) if quote.speaker else ""
        entity_id = (in_article.get((quote.article_id, key)) or anywhere.get(key)) if key else None
        if key and " " not in key and len(by_surname.get(key, ())) == 1:
            # A bare surname the article never expands: the story's one full name with that surname.
            entity_id = next(iter(by_surname[key]))
        if entity_id is None and key and quote.source is not None:
            entity_id = named_in_source(quote.source, quote.article_id, key, entities)
        if entity_id is None and quote.source is not None:
            entity_id = described_entity(quote.speaker or quote.source.text, quote.article_id, entities)
        wanted = _PRONOUN_TYPES.get(quote.source.text.lower()) if quote.source else None
        if wanted is not None and entity_id is not None and types[entity_id] not in wanted:
            # "she" resolved to a name the story's entities say is not a person: leave it unresolved.
            linked.append(quote.model_copy(update={"speaker": None, "speaker_entity_id": None}))
            continue
        speaker = canonical_names[entity_id] if entity_id is not None else quote.speaker
        linked.append(quote.model_copy(update={"speaker_entity_id": entity_id, "speaker": speaker}))
    return linked


@register_section("quotes", extract=extract_quotes)
def build_quotes(context: StoryContext) -> None:
    """Quotes of every analysed article linked to entities, and the ledger across articles."""
    per_article = context.extracted("quotes")
    quotes = [q for a in context.articles for q in per_article[a.id]]
    quotes = link_speakers(quotes, context.analysis.entities or [])
    context.analysis.quotes = quotes
    context.analysis.ledger = build_ledger(quotes)


