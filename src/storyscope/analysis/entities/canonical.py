"""Which mentions across a story's articles name the same entity.

Rules, in the order they apply (each merge is recorded as an alias with its rule):

- same-name: the same normalised form; for people, the same first name and surname
  (middle names, initials and suffixes aside), so "Renata Okafor" = "Renata A. Okafor";
- misspelling: a surname that is a rare near-spelling (rapidfuzz ratio ≥ 80) of a
  full name's surname ("Okafur" → "Okafor"); guards keep different people apart: both
  forms start with the same letter, are at least 4 letters long, the rare form occurs
  in one article and fewer articles than the other, and when both come with a first
  name those first names agree;
- surname: a bare surname is the person with that surname named most recently before
  it in the same article; else the only such person in the article; else the only one
  in the story; otherwise it stays on its own (two Pryces are never guessed between);
- acronym: a short form defined anywhere in the story ("Long Form (LF)"), or one whose
  letters are exactly the initials of a single multi-word organisation in the story;
- name-variant: an organisation without a leading country qualifier and with "Department
  of X" read as "X Department" ("U.S. Department of Justice" = "Justice Department");
- short-form: an organisation's head noun alone ("the Chronicle", "the Coalition"; heads
  from :data:`SHORTENABLE_HEADS`, so "the House" never becomes "the White House"), when
  exactly one multi-word organisation named earlier in the same article has it as its
  last word or before its "of"/"for" ("Coalition for Lawful Borders"); or its words before
  "of", "for" or "de" when they are two or more ("Centro Legal" for "Centro Legal de la Raza"),
  whatever the tagger's type for either form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from storyscope.analysis.entities.mentions import normalise_name
from storyscope.model import EntityMention

MISSPELLING_MIN_SCORE = 80.0
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Last words that make a multi-word name an organisation.
ORGANISATION_HEADS = frozenset({
    "institute", "agency", "department", "council", "coalition", "association", "committee", "foundation",
    "center", "centre", "union", "party", "bureau", "service", "administration", "commission", "board",
    "office", "university", "college", "company", "corporation", "inc", "corp", "ltd", "group", "collective",
    "network", "alliance", "federation", "society", "league", "caucus", "ministry", "authority", "court",
})
#: Last words of newspaper and broadcaster names ("the Chronicle", "the Times"), which news
#: writing shortens a name to.
MEDIA_HEADS = frozenset({
    "chronicle", "times", "journal", "gazette", "post", "herald", "tribune", "ledger", "courier", "sentinel",
    "observer", "examiner", "register", "inquirer", "dispatch", "guardian", "telegraph", "globe", "star",
    "bulletin", "beacon", "record", "monitor", "independent", "mirror", "standard", "wire",
})
#: Words a multi-word organisation may be shortened to: its head noun when that says "organisation".
SHORTENABLE_HEADS = ORGANISATION_HEADS | MEDIA_HEADS
_QUALIFIER_PREFIXES = ("u s ", "us ", "united states ", "federal ")
_INVERTIBLE_HEADS = frozenset({"department", "ministry", "office", "bureau"})
_MINOR_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "de", "&"})
_PREFIX_ENDS = frozenset({"of", "for", "de"})


@dataclass
class Resolution:
    """The entity key each mention resolves to, and why surface forms were merged."""

    keys: list[str]
    rules: dict[tuple[str, str], tuple[str, float | None]] = field(default_factory=dict)


def name_parts(text: str) -> list[str]:
    """Normalised name tokens without generational suffixes ("Jr.")."""
    parts = normalise_name(text).split()
    while len(parts) > 1 and parts[-1] in _NAME_SUFFIXES:
        parts.pop()
    return parts


def form_types(mentions: list[EntityMention]) -> dict[str, str]:
    """Majority type of each normalised surface form across the story.

    A label from a fix (acronym definition, title context) counts twice: it is
    evidence from the text around the mention, not just the tagger's guess; an
    organisation's head noun at the end of a multi-word name counts three times.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        form = normalise_name(mention.text)
        votes[form][mention.label] += 1 if mention.source == "ner" else 2
        if len(form.split()) >= 2 and form.split()[-1] in ORGANISATION_HEADS:
            votes[form]["ORG"] += 3  # "… Institute", "… Agency": the head noun says what it is
    return {form: counter.most_common(1)[0][0] for form, counter in votes.items()}


def misspelt_surnames(mentions: list[EntityMention], types: dict[str, str]) -> dict[str, tuple[str, float]]:
    """Rare near-spellings of full names' surnames → (surname, score); see module doc for guards."""
    surname_articles: dict[str, set[str]] = defaultdict(set)
    first_names: dict[str, set[str]] = defaultdict(set)
    single_articles: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        parts = name_parts(mention.text)
        if len(parts) >= 2 and types.get(normalise_name(mention.text)) == "PERSON":
            surname_articles[parts[-1]].add(mention.article_id)
            first_names[parts[-1]].add(parts[0])
        elif len(parts) == 1 and mention.text[:1].isupper():
            single_articles[parts[0]].add(mention.article_id)
    targets = sorted(surname_articles)
    sources = sorted(set(targets) | set(single_articles))
    if not targets or not sources:
        return {}
    mapping: dict[str, tuple[str, float]] = {}
    for source in sources:
        matches = process.extract(source, targets, scorer=fuzz.ratio, score_cutoff=MISSPELLING_MIN_SCORE, limit=5)
        for target, score, _ in matches:
            source_articles = surname_articles[source] | single_articles[source]
            if (
                target != source and len(source) >= 4 and len(target) >= 4 and source[0] == target[0]
                and source not in (target + "s", target + "es")  # "the Clintons" is a family, not a typo
                and len(source_articles) == 1 and len(source_articles) < len(surname_articles[target])
                and (not first_names[source] or first_names[source] & first_names[target])
            ):
                mapping[source] = (target, score)
                break
    return mapping


def _initials(form: str) -> str:
    return "".join(word[0] for word in form.split() if word not in _MINOR_WORDS)


def acronym_links(forms: set[str], types: dict[str, str], defined: dict[str, str]) -> dict[str, str]:
    """Short form → long form: the story's definitions, then exact initials of one organisation."""
    links = {short: long for short, long in defined.items() if short in forms}
    long_forms = [f for f in forms if len(f.split()) >= 2 and types.get(f) != "PERSON"]
    for form in forms:
        if form in links or " " in form or not 2 <= len(form) <= 6:
            continue
        matches = [long for long in long_forms if _initials(long) == form]
        if len(matches) == 1:
            links[form] = matches[0]
    return links


def name_variant(form: str) -> str:
    """One key for an organisation's usual variants: without a leading country qualifier, and
    "department of X" as "X department" ("U.S. Department of Justice" = "Justice Department")."""
    for prefix in _QUALIFIER_PREFIXES:
        if form.startswith(prefix) and len(form[len(prefix) :].split()) >= 2:
            form = form[len(prefix) :]
            break
    words = form.split()
    if len(words) >= 3 and words[0] in _INVERTIBLE_HEADS and words[1] == "of":
        words = [*words[2:], words[0]]
    return " ".join(words)


def organisation_heads(form: str) -> set[str]:
    """Words a multi-word organisation's name may be shortened to: its last word, and the
    word before its first "of"/"for" ("coalition" in "coalition for lawful borders")."""
    words = form.split()
    heads = {words[-1]}
    for i, word in enumerate(words[1:], 1):
        if word in _MINOR_WORDS:
            heads.add(words[i - 1])
            break
    return heads & SHORTENABLE_HEADS


def leading_name(form: str) -> str | None:
    """A name's words before its first "of", "for" or "de" when they are two or more, the form
    news writing shortens such names to ("centro legal" in "centro legal de la raza")."""
    words = form.split()
    for i, word in enumerate(words):
        if word in _PREFIX_ENDS:
            return " ".join(words[:i]) if i >= 2 else None
    return None


def resolve(mentions: list[EntityMention], defined_acronyms: dict[str, str]) -> Resolution:
    """Entity key of every mention (mentions in article order, each article's in text order)."""
    types = form_types(mentions)
    misspelt = misspelt_surnames(mentions, types)
    forms = {normalise_name(m.text) for m in mentions}
    acronyms = acronym_links(forms, types, defined_acronyms)
    rules: dict[tuple[str, str], tuple[str, float | None]] = {}

    def surname(part: str) -> str:
        return misspelt[part][0] if part in misspelt else part

    people_in: dict[str, set[str]] = defaultdict(set)  # article → person keys
    people_by_surname: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        parts = name_parts(mention.text)
        if len(parts) >= 2 and types[normalise_name(mention.text)] == "PERSON":
            key = f"person:{parts[0]} {surname(parts[-1])}"
            people_in[mention.article_id].add(key)
            people_by_surname[surname(parts[-1])].add(key)

    keys: list[str] = []
    recent: dict[tuple[str, str], str] = {}  # (article, surname) → the person named last with it
    organisations: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # article → last word → forms
    for mention in mentions:
        form = normalise_name(mention.text)
        parts = name_parts(mention.text)
        variant = name_variant(acronyms.get(form, form))
        key = f"form:{variant}"
        # Whatever its tag: the small tagger often calls "the Gazette" a person.
        longer = organisations[mention.article_id].get(form, set())
        if form in acronyms:
            rules[(key, mention.text)] = ("acronym", None)
        elif len(longer) == 1 and (" " not in form or types[form] != "PERSON"):
            key = f"form:{name_variant(next(iter(longer)))}"
            rules[(key, mention.text)] = ("short-form", None)
        elif variant != form:
            rules[(key, mention.text)] = ("name-variant", None)
        if types[form] == "ORG" and " " in form:
            for head in organisation_heads(form):
                organisations[mention.article_id][head].add(form)
        leading = leading_name(form) if types[form] != "PERSON" else None
        if leading is not None:
            organisations[mention.article_id][leading].add(form)
        if len(parts) >= 2 and types[form] == "PERSON":
            name = surname(parts[-1])
            key = f"person:{parts[0]} {name}"
            recent[(mention.article_id, name)] = key
            if parts[-1] in misspelt:
                rules[(key, mention.text)] = ("misspelling", misspelt[parts[-1]][1])
        elif len(parts) == 1 and (mention.article_id, surname(parts[0])) in recent:
            name = surname(parts[0])
            key = recent[(mention.article_id, name)]
            rules[(key, mention.text)] = ("misspelling", misspelt[parts[0]][1]) if parts[0] in misspelt else (
                "surname", None)
        elif len(parts) == 1 and types[form] == "PERSON":
            name = surname(parts[0])
            in_article = people_in[mention.article_id] & people_by_surname[name]
            candidates = in_article or people_by_surname[name]
            if len(candidates) == 1:
                key = next(iter(candidates))
                rules[(key, mention.text)] = ("misspelling", misspelt[parts[0]][1]) if parts[0] in misspelt else (
                    "surname", None)
        keys.append(key)
    return Resolution(keys=keys, rules=rules)
