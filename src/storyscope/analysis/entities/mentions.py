"""Entity mentions in one article: the spaCy NER, cleaned, plus the fixes it needs on news text.

Fixes, each general rather than tied to names:

- spans are cleaned: a leading "the", a trailing possessive, a paragraph break or a
  verb the tagger ran on into, an outlet possessive before a name ("Bayline's Theo Marchetti") and a title or
  honorific inside a PERSON span ("Superintendent Grace Tamura") are cut off, and a photo
  credit the tagger calls a person ("Jane Roe/Reuters") is dropped;
- acronyms defined in the text ("Border Enforcement Agency (BEA)") are found with the
  Schwartz & Hearst algorithm (A simple algorithm for identifying abbreviation
  definitions in biomedical text, PSB 2003) and every use of the short form is a mention;
- title-noun context: capitalised words after a person title are a person
  ("Mayor Renata Okafor"), and the words before an office title are a place for
  jurisdiction offices ("Port Calder Mayor") or an organisation for others ("ICE Director"; an
  acronym the tagger dropped is added, other words are only retyped);
- given names: a run of proper nouns the tagger left untyped that opens with a given name
  (``gender_guesser``'s list) and acts like a person (a verb's subject, or the speaker after a
  quotation) is a person ("…," quipped Baron Fellowes);
- coordination: a one-word mention listed with two or more mentions of one other type
  takes their type ("Sacramento, Sonoma, and Monterey");
- quotation marks: a "title" (WORK_OF_ART) that touches a quotation mark without being the
  whole quotation, and does not read as a name, is words the tagger read across the mark
  ("“Can the Harbor Board name a date?”", "“Urgent Notice! Ferries stop…”"), not a title, and is dropped;
- platforms: a one-word "person" where something is posted ("wrote on Chirper", "took to
  Chirper") is the platform, an organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from storyscope.analysis.entities.titles import (
    HONORIFICS,
    ORG_TITLES,
    PLACE_TITLES,
    RANK_WORDS,
    ROLE_WORDS,
    appositive_titles,
    is_title_word,
    pre_name_title,
    role_word,
)
from storyscope.model import Article, EntityMention
from storyscope.nlp.names import is_given_name

#: NER labels that name things (numbers and dates belong to other sections).
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
#: Labels an acronym's long form keeps; anything else defined by an acronym is an organisation.
ACRONYM_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_LEADING_WORDS = frozenset({"the", "a", "an"})
_TRAILING = frozenset(",;:'\"“”‘’()-—")
_MAX_NAME_RUN = 4


def normalise_name(text: str) -> str:
    """Grouping key of an entity surface string: no case, leading "the", possessive or punctuation."""
    key = text.lower().replace("\u2019", "'")
    key = re.sub(r"'s?\b", "", key)
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"[^\w]+", " ", key)
    return key.strip()


@dataclass(frozen=True)
class Found:
    """A mention as token indices, before it becomes a record."""

    start: int
    end: int
    label: str
    source: str = "ner"


@dataclass(frozen=True)
class AcronymDefinition:
    """"Long Form (LF)" in one article: the long form's and the short form's token spans."""

    long: Span
    short: Span


#: A photo credit: a name joined by a slash to an agency ("Jane Roe/Reuters", "JANE ROE/AFP/Getty").
_PHOTO_CREDIT = re.compile(r"\w/\w")


def _breaks_before(doc: Doc, i: int) -> bool:
    """A paragraph or line break between token i-1 and token i."""
    return "\n" in doc[i - 1].whitespace_ or doc[i].is_space or doc[i - 1].is_space


def _with_brackets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name with an editor's bracket in it ("[Donald] Trump" in a quotation) keeps the bracket's
    other half (within a few words), so the mention reads as the text does, not "Donald] Trump"; when
    a title would come in with it ("[President Donald] Trump") the name is the part after the bracket."""
    text = doc[start:end].text
    if text.count("]") > text.count("["):
        opening = next((i for i in range(start - 1, max(start - 4, -1), -1) if doc[i].text == "["), None)
        if opening is not None and not any(is_title_word(t) for t in doc[opening + 1 : start]):
            start = opening
        else:  # "[President Donald] Trump": the title stays out, so the name is what follows the bracket
            start = next(t.i for t in doc[start:end] if t.text == "]") + 1
    if text.count("[") > text.count("]"):
        closing = next((i for i in range(end, min(end + 3, len(doc))) if doc[i].text == "]"), None)
        end = closing + 1 if closing is not None else end
    return start, end


def clean_span(doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Token range of an entity without the parts that are not its name (see module doc)."""
    for i in range(start + 1, end):
        # A paragraph break or a lower-case verb ("Schaaf told KPIX") is never inside a name.
        if _breaks_before(doc, i) or (doc[i].pos_ in ("VERB", "AUX") and doc[i].is_lower):
            end = i
            break
    if label == "PERSON":
        for i in range(start, end - 1):
            if doc[i].tag_ == "POS":
                start = i + 1
    while start < end and (doc[start].lower_ in _LEADING_WORDS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_space or doc[end - 1].text in _TRAILING
        or doc[end - 1].lower_.replace("\u2019", "'") in ("'s", "s'")
    ):
        end -= 1
    if label == "PERSON":
        while end - start > 1 and is_title_word(doc[start]):
            start += 1
    start, end = _with_brackets(doc, start, end)
    if start >= end or not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    if label == "PERSON" and _PHOTO_CREDIT.search(doc[start:end].text):
        return None  # "Jane Roe/Reuters" under a photo is a credit, not a mention of a person
    return start, end


def _best_long_form(short: str, long: str) -> int | None:
    """Schwartz & Hearst: where in ``long`` the long form of ``short`` starts, or None."""
    s, li = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while li >= 0 and (long[li].lower() != char or (s == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        s -= 1
    return long.rfind(" ", 0, li + 1) + 1


def _looks_like_acronym(token: Token) -> bool:
    text = token.text
    return 2 <= len(text) <= 10 and text[0].isalpha() and sum(c.isupper() for c in text) >= 2


def find_acronym_definitions(doc: Doc) -> list[AcronymDefinition]:
    """Every "Long Form (LF)" in the text whose long form spells the acronym."""
    found = []
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not _looks_like_acronym(doc[i + 1]):
            continue
        short = doc[i + 1].text
        window_start = max(0, i - min(len(short) + 5, 2 * len(short)))
        window_start = next((j for j in range(i - 1, window_start, -1) if doc[j].is_sent_start), window_start)
        window = doc[window_start:i]
        if not window.text.strip():
            continue
        offset = _best_long_form(short, window.text)
        if offset is None:
            continue
        long = doc.char_span(window.start_char + offset, window.end_char, alignment_mode="expand")
        if long is None or len(long) < 2 or not long[0].text[:1].isupper():
            continue
        found.append(AcronymDefinition(long=long, short=doc[i + 1 : i + 2]))
    return found


class MentionSet:
    """Non-overlapping mentions of one doc, indexed by token so lookups stay constant-time."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_start: dict[int, Found] = {}
        self.owner: list[int | None] = [None] * len(doc)

    def covering(self, start: int, end: int) -> Found | None:
        """The mention overlapping tokens [start, end), if any."""
        for i in range(start, end):
            if self.owner[i] is not None:
                return self.by_start[self.owner[i]]  # type: ignore[index]
        return None

    def add(self, found: Found) -> None:
        self.by_start[found.start] = found
        for i in range(found.start, found.end):
            self.owner[i] = found.start

    def remove(self, found: Found) -> None:
        del self.by_start[found.start]
        for i in range(found.start, found.end):
            self.owner[i] = None

    def add_or_relabel(self, new: Found, add: bool = True) -> None:
        """Add ``new`` (when ``add``); a mention exactly at its tokens takes its label; partial overlaps stay."""
        hit = self.covering(new.start, new.end)
        if hit is None:
            if add:
                self.add(new)
        elif (hit.start, hit.end) == (new.start, new.end) and hit.label != new.label:
            self.add(replace(hit, label=new.label, source=new.source))

    def sorted(self) -> list[Found]:
        return [self.by_start[k] for k in sorted(self.by_start)]


def acronym_mentions(doc: Doc, definitions: list[AcronymDefinition], spans: MentionSet) -> None:
    """Long forms and every use of their short forms, added to ``spans`` in place."""
    short_labels: dict[str, str] = {}
    for definition in definitions:
        long = definition.long
        hit = spans.covering(long.start, long.end)
        label = hit.label if hit is not None and hit.label in ACRONYM_LABELS else "ORG"
        if hit is None or (hit.start, hit.end, hit.label) != (long.start, long.end, label):
            for i in range(long.start, long.end):
                while (other := spans.covering(i, i + 1)) is not None:
                    spans.remove(other)
            spans.add(Found(long.start, long.end, label, "acronym"))
        short_labels.setdefault(definition.short.text, label)
    if short_labels:
        for token in doc:
            if token.text in short_labels:
                spans.add_or_relabel(Found(token.i, token.i + 1, short_labels[token.text], "acronym"))


def _name_run_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """Capitalised proper-noun tokens right after token i ("Mayor [Renata Okafor]")."""
    end = i + 1
    while (
        end < len(doc) and end - i <= _MAX_NAME_RUN and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
        and not is_title_word(doc[end]) and not _breaks_before(doc, end)
    ):
        end += 1
    return (i + 1, end) if end > i + 1 else None


def _modifier_run_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """Proper-noun or all-caps tokens right before token i ("[Port Calder] Mayor", "[ICE] Director")."""
    start = i
    while (
        start > 0 and i - start < _MAX_NAME_RUN and not _breaks_before(doc, start)
        and (doc[start - 1].pos_ == "PROPN" or (doc[start - 1].is_upper and len(doc[start - 1]) > 1))
        and doc[start - 1].text[:1].isupper() and not is_title_word(doc[start - 1])
        and doc[start - 1].tag_ != "POS"
    ):
        start -= 1
    return (start, i) if start < i else None


#: Role words that also name groups, offices or ranks, not one person ("police Harbor Street",
#: "council", "state", "acting"): in lower case they say nothing about the name after them.
_GROUP_ROLE_WORDS = RANK_WORDS | frozenset({
    "police", "fire", "council", "state", "head", "majority", "minority", "executive", "chair", "member",
    "justice", "host",
})


def _lower_person_title(token: Token, run: tuple[int, int]) -> bool:
    """A lower-case noun for one person ("owner", "captain", "spokesman") that modifies the name after it."""
    return (
        token.is_lower
        and token.pos_ == "NOUN"
        and role_word(token) in ROLE_WORDS - _GROUP_ROLE_WORDS
        and run[0] <= token.head.i < run[1]
    )


def title_context_mentions(doc: Doc, spans: MentionSet) -> None:
    """Types from title nouns: names after person titles, places/organisations before office titles."""
    for token in doc:
        if not is_title_word(token):
            continue
        run = _name_run_after(doc, token.i)
        if run is not None and run[1] < len(doc) and doc[run[1]].text == "]":
            run = None  # "[President Donald] Trump": the bracketed words belong to the name after them
        if run is not None and not (token.is_lower and token.text.lower() not in HONORIFICS):
            spans.add_or_relabel(Found(run[0], run[1], "PERSON", "title-context"))
        elif run is not None and _lower_person_title(token, run):
            # "taquería owner Héctor Ibáñez" tagged ORG: a lower-case person noun retypes a name the NER
            # found right after it, but adds none (lower-case words are weaker evidence than "Mayor").
            spans.add_or_relabel(Found(run[0], run[1], "PERSON", "title-context"), add=False)
        word = role_word(token)
        if token.text[:1].isupper() and word in PLACE_TITLES | ORG_TITLES:
            before = _modifier_run_before(doc, token.i)
            if before is not None:
                label = "GPE" if word in PLACE_TITLES else "ORG"
                # Only an acronym is new evidence on its own ("ICE Director"); a capitalised word
                # before a title may just be part of it ("Port Commissioner"), so it is only retyped.
                acronym = before[1] - before[0] == 1 and doc[before[0]].is_upper and len(doc[before[0]]) > 1
                spans.add_or_relabel(Found(before[0], before[1], label, "title-context"), add=acronym)


def given_name_mentions(doc: Doc, spans: MentionSet) -> None:
    """People the tagger missed: a run of two to four capitalised proper nouns no entity covers that
    opens with a given name ("Baron Fellowes of the town board"); untyped runs only, so "Jordan
    Street" (a place the tagger typed) stays a place."""
    i = 0
    while i < len(doc):
        token = doc[i]
        opens = (
            token.pos_ == "PROPN" and not token.ent_type_ and is_given_name(token)
            and (i == 0 or doc[i - 1].pos_ != "PROPN" or is_title_word(doc[i - 1]))
        )
        if not opens:
            i += 1
            continue
        end = i + 1
        while (
            end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and doc[end].is_alpha
            and doc[end].text[:1].isupper() and not doc[end].ent_type_ and not is_title_word(doc[end])
        ):
            end += 1
        if end - i >= 2 and all(spans.covering(k, k + 1) is None for k in range(i, end)) and _acts(doc[i:end]):
            spans.add(Found(i, end, "PERSON", "given-name"))
        i = end


def _acts(run: Span) -> bool:
    """Whether a name-shaped run does what people do in news text: it is the subject of a verb, or the
    speaker after a quotation ("…," quipped Baron Fellowes); a capitalised heading ("AMERICA FIRST")
    or a name after "the" ("the Carolina Panthers") never is."""
    doc = run.doc
    if any(t.is_upper for t in run) or (run.start > 0 and doc[run.start - 1].lower_ == "the"):
        return False
    root = run.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return True
    # The inverted speaker the parser reads as an object: a verb right after a quotation's closing mark,
    # or after the comma closing a clause that holds a quotation ("'…' to the towns, quipped X").
    verb = root.head
    if root.dep_ != "dobj" or not 0 < verb.i < run.start:
        return False
    before = doc[verb.i - 1]
    return before.is_quote or (before.text == "," and any(t.is_quote for t in doc[verb.sent.start : verb.i]))


#: First words of saints' names, which in news name churches, schools and hospitals, not speakers.
SAINT_WORDS = ("St. ", "St ", "Saint ")


def ner_label(text: str, label: str) -> str:
    """The NER label, except that a "person" is an organisation when it has a digit in its
    name (a broadcaster's call sign, "Channel 4": people's names carry none) or is named for
    a saint ("St. Brendan's", a parish)."""
    if label == "PERSON" and (any(ch.isdigit() for ch in text) or text.startswith(SAINT_WORDS)):
        return "ORG"
    return label


def _is_quote_mark(token: Token) -> bool:
    """A quotation mark, not an apostrophe of possession ("the Gazette' editor")."""
    return token.is_quote and token.tag_ != "POS"


def _is_closing_quote(doc: Doc, i: int) -> bool:
    """Token i is a quotation mark, or one punctuation mark before one ("Ferry Tales," ends a title)."""
    if i < len(doc) and doc[i].is_punct and not doc[i].is_quote:
        i += 1
    return i < len(doc) and _is_quote_mark(doc[i])


def quote_fragment(doc: Doc, start: int, end: int) -> bool:
    """Whether a WORK_OF_ART span touches a quotation mark but is not the whole quotation: the tagger
    reads capitalised words next to a quotation mark as a title, so a quoted message's first words
    ("“Urgent Notice! Ferries stop at noon,”") or the speaker after a quotation ("“…,” Okafor told
    the board") come out as WORK_OF_ART. A title in quotation marks fills them ("“The Long Tide”")."""
    opening = start
    while opening > 0 and doc[opening - 1].lower_ in _LEADING_WORDS:
        opening -= 1
    while end > start + 1 and doc[end - 1].is_quote:  # a closing mark the tagger took in ("Long Tide''")
        end -= 1
    after_quote = opening > 0 and _is_quote_mark(doc[opening - 1])
    before_quote = end < len(doc) and _is_quote_mark(doc[end])
    if after_quote and _is_closing_quote(doc, end):
        return False
    return after_quote or before_quote


#: Small words inside names ("Bank of the Bay", "Smith & Sons", "Women's Fund").
_NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "&", "'s", "’s", "-"})


def name_shaped(span: Span) -> bool:
    """Whether a span reads as a name: capitalised words (or numbers: "13th Pier") with a name's small
    words between them, and a first word that is not a function word. "Can the Harbor Board", "Because of
    Tolls", "Urgent: Close" and "Daily Tide writer" read as words of a sentence, not as a name."""
    if span[0].is_stop:
        return False
    return all(t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in _NAME_FUNCTION_WORDS for t in span)


#: Verbs of posting: "on X" after them names where something was posted ("wrote on Chirper").
_POSTING_VERBS = frozenset("say write post tweet add announce declare share reply respond joke quip vow boast".split())


def platform_not_person(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word PERSON span is where something was posted, not who posted it: the object of
    "on" after a verb of posting ("Okafor wrote on Chirper") or of "to" after "take" ("took to
    Chirper"). A possessive ("wrote on Okafor's page") keeps the person."""
    if end - start != 1 or start == 0 or (end < len(doc) and doc[end].tag_ == "POS"):
        return False
    prep, verb = doc[start - 1], doc[start - 1].head
    if doc[start].head.i != prep.i or verb.pos_ != "VERB":
        return False
    return (prep.lower_ == "on" and verb.lemma_ in _POSTING_VERBS) or (prep.lower_ == "to" and verb.lemma_ == "take")


def ner_found(doc: Doc, start: int, end: int, label: str) -> Found | None:
    """One NER entity as a mention: its span cleaned, its label checked (see module doc), or None."""
    cleaned = clean_span(doc, start, end, label)
    if cleaned is None or not normalise_name(doc[cleaned[0] : cleaned[1]].text):
        return None
    start, end = cleaned
    if label == "PERSON" and platform_not_person(doc, start, end):
        return Found(start, end, "ORG", "platform")
    return Found(start, end, ner_label(doc[start:end].text, label))


def found_mentions(doc: Doc) -> list[Found]:
    """Cleaned NER mentions plus acronym and title-context fixes, in text order."""
    spans = MentionSet(doc)
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        found = ner_found(doc, ent.start, ent.end, ent.label_)
        if found is not None:
            spans.add(found)
    acronym_mentions(doc, find_acronym_definitions(doc), spans)
    title_context_mentions(doc, spans)
    given_name_mentions(doc, spans)
    for found in spans.sorted():
        span = doc[found.start : found.end]
        if found.label == "WORK_OF_ART" and not name_shaped(span) and quote_fragment(doc, found.start, found.end):
            spans.remove(found)  # after the title-context fix, which may have typed it ("“…,” Harbor Fund CEO")
    coordination_types(doc, spans)
    return spans.sorted()


def coordination_types(doc: Doc, spans: MentionSet) -> None:
    """A one-word mention listed with two or more mentions that share another type takes
    their type ("the towns of Calder, Port Ena, and Saltmarsh" with one tagged PERSON; a list is
    of one kind of thing). Relabels ``spans`` in place."""
    for found in spans.sorted():
        if found.end - found.start != 1 or found.source != "ner":
            continue
        others = [spans.covering(t.i, t.i + 1) for t in doc[found.start].conjuncts]
        labels = {o.label for o in others if o is not None}
        if sum(o is not None for o in others) >= 2 and len(labels) == 1 and found.label not in labels:
            spans.add(replace(found, label=labels.pop(), source="coordination"))


def to_record(doc: Doc, article_id: str, found: Found) -> EntityMention:
    """An EntityMention with exact character offsets, and a person's titles at this mention."""
    span = doc[found.start : found.end]
    titles = []
    if found.label == "PERSON":
        pre = pre_name_title(doc, found.start, found.end, article_id)
        titles = ([pre] if pre is not None else []) + appositive_titles(doc, span, article_id)
    return EntityMention(
        article_id=article_id, start=span.start_char, end=span.end_char, text=span.text,
        label=found.label, source=found.source, titles=titles,  # type: ignore[arg-type]
    )


def extract_entity_mentions(article: Article, doc: Doc) -> list[EntityMention]:
    """Per-article entity mentions with their titles (``storyscope extract`` and the story build).
    A "person" inside another person's title ("Deputy Political Editor Amanda House", "Political"
    tagged PERSON) is part of that title, not a mention."""
    records = [to_record(doc, article.id, found) for found in found_mentions(doc)]
    titles = [(t.start, t.end) for m in records for t in m.titles]
    return [
        m for m in records
        if m.label != "PERSON" or not any(s <= m.start and m.end <= e for s, e in titles)
    ]
