"""The ``quantities`` section: numeric claims per article, grouped across outlets into facts.

Per article: spaCy's CARDINAL/MONEY/PERCENT/QUANTITY entities, durations among its
DATE/TIME entities, and vague amounts it leaves out ("hundreds", "a dozen", "half of"),
each with its qualifier ("more than", "about", "up to"), a normalised interval, the
noun phrase it counts, the verb it depends on and whether it is planned or done.
Dates, years, ages, times, vote tallies, street numbers, identifiers ("AB 450",
"Pier 9") and numbers in page furniture (captions, "Related:" lines) are left out.

Across the story: mentions are linked when they count the same thing in the same
context (lemma overlap of the counted phrase and verb, of the sentence, and shared
entities), never across units or planned/done, and never two non-overlapping values
from one article (an article rarely contradicts itself; two values there are two facts).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, islice

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from word2number import w2n

from storyscope.analysis.registry import StoryContext, register_section
from storyscope.model import Article, Mention, QuantityFact, QuantityMention

NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

#: Qualifier → how it bounds the value.
QUALIFIERS = {
    "more than": "lower", "over": "lower", "upwards of": "lower", "at least": "lower", "in excess of": "lower",
    "above": "lower", "no fewer than": "lower", "no less than": "lower", "exceeding": "lower", "well over": "lower",
    "just over": "just-over", "slightly more than": "just-over", "a little over": "just-over",
    "just more than": "just-over",
    "up to": "upper", "as many as": "upper", "at most": "upper", "no more than": "upper", "fewer than": "upper",
    "less than": "upper", "under": "upper", "below": "upper",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "close to": "nearly", "just shy of": "nearly",
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx",
}
_MAX_QUALIFIER_WORDS = 3
#: Vague plurals: "hundreds" is 200-999, as in "two hundred" to "nine hundred ninety-nine".
VAGUE = {
    "dozens": (24.0, 99.0), "scores": (40.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2e3, 9999.0),
    "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9), "tens": (20.0, 99.0),
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0}
#: Fractions of a whole, as percentages.
FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "a quarter": 25.0, "one quarter": 25.0,
             "two thirds": 200 / 3, "three quarters": 75.0}
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
#: Words before a number that make it a name or an identifier, not an amount.
IDENTIFIER_WORDS = frozenset({
    "no.", "number", "#", "proposition", "prop.", "measure", "section", "article", "chapter", "title", "rule",
    "route", "highway", "interstate", "flight", "room", "page", "unit", "suite", "apt.", "box", "district",
    "ward", "precinct", "amendment", "bill", "resolution", "code", "exhibit", "item", "case", "docket",
    "platform", "gate", "channel", "pier", "level", "phase", "grade", "version", "episode", "season",
})
STREET_WORDS = frozenset({"street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd.", "lane", "ln.",
                          "drive", "dr.", "way", "place", "court", "ct.", "highway", "parkway", "square"})
FURNITURE_PREFIXES = ("listen", "watch", "related", "advertisement", "photo", "categories", "read more",
                      "posted by", "copyright", "©", "image", "video", "subscribe", "sign up")
#: Verbs and auxiliaries that make a number an intention rather than a result.
PLAN_WORDS = frozenset({"plan", "intend", "aim", "target", "expect", "hope", "seek", "want", "try", "attempt",
                        "propose", "schedule", "project", "anticipate", "goal", "will", "would", "shall", "set"})
#: Verbs that carry no event of their own ("made 212 arrests"), and nouns that name no particular thing.
LIGHT_VERBS = frozenset({"be", "have", "make", "take", "do", "get", "give", "say", "show", "come", "mean", "include"})
GENERIC_NOUNS = frozenset({"people", "person", "individual", "number", "total", "figure", "one", "time", "count"})
_AGE_WORDS = frozenset({"aged", "age", "ages"})
_TIME = re.compile(r"\d:\d|\b[ap]\.?m\.?\b", re.I)
_TALLY = re.compile(r"^\d+\s*[-–]\s*\d+$")
_PHONE = re.compile(r"\d{3}[-.]\d{4}")
_DURATION = re.compile(r"^(?P<num>[\w,.]+?)[\s-]+(?P<unit>[a-z]+?)s?$", re.I)
_DURATION_WORD = re.compile(r"^[\w.,]*-?(second|minute|hour|day|week|month|year|decade)s?$")
_MAX_COUNTED_TOKENS = 6
_MAX_CHILDREN = 40
_MAX_CONTEXT_TOKENS = 80
_MAX_POSTING = 200
LINK_THRESHOLD = 0.55


@dataclass(frozen=True)
class Interval:
    """Values a claim allows; ``None`` is unbounded on that side."""

    low: float | None
    high: float | None

    def overlaps(self, other: Interval) -> bool:
        return (self.low is None or other.high is None or self.low <= other.high) and (
            other.low is None or self.high is None or other.low <= self.high
        )


def _number(words: list[str]) -> float | None:
    """A number from digits ("1,400", "2.5") or words ("twelve", "two hundred")."""
    if not words:
        return None
    if len(words) == 1:
        try:
            return float(words[0].replace(",", ""))
        except ValueError:
            pass
    try:
        return float(w2n.word_to_num(" ".join(words)))
    except (ValueError, IndexError, TypeError):
        return None


def number_interval(core: str) -> tuple[float, float] | None:
    """The values a number phrase (qualifier and unit words removed) stands for."""
    text = core.lower().replace("-", " ").replace("\u2011", " ")
    if text in FRACTIONS:
        return FRACTIONS[text], FRACTIONS[text]
    words = text.split()
    if not words:
        return None
    if words[0] in ("a", "an"):
        words = ["one", *words[1:]]
    if words[0] in VAGUE:
        low, high = VAGUE[words[0]]
        if len(words) == 3 and words[1] == "of" and words[2] + "s" in VAGUE:  # "hundreds of thousands"
            scale = SCALES.get(words[2], 1.0)
            return low * scale, high * scale + scale - 1
        return (low, high) if len(words) == 1 else None
    scale = 1.0
    while words and words[-1] in SCALES and len(words) > 1:
        scale *= SCALES[words.pop()]
    if words == ["dozen"]:
        return 12.0, 12.0
    value = _number(words)
    if value is None:
        return None
    # A decimal is rounded to the places written: "$4.40" is 4.395-4.405, so it matches "$4.404".
    places = len(words[0].partition(".")[2]) if len(words) == 1 and words[0].replace(",", "").count(".") == 1 else 0
    half = 0.5 * 10**-places if places else 0.0
    return round((value - half) * scale, 9), round((value + half) * scale, 9)


def apply_qualifier(kind: str | None, low: float, high: float) -> Interval:
    """The interval a qualifier allows around [low, high]."""
    if kind == "lower":
        return Interval(low, None)
    if kind == "just-over":
        return Interval(low, round(high * 1.1, 6))
    if kind == "upper":
        return Interval(None, high)
    if kind == "nearly":
        return Interval(round(low * 0.9, 6), high)
    if kind == "approx":
        return Interval(round(low * 0.9, 6), round(high * 1.1, 6))
    return Interval(low, high)


def _qualifier_before(doc: Doc, start: int) -> tuple[int, str | None]:
    """Start of the longest qualifier ending right before token ``start`` (within the sentence)."""
    for size in range(_MAX_QUALIFIER_WORDS, 0, -1):
        first = start - size
        if first < 0 or any(doc[i].is_sent_start for i in range(first + 1, start + 1)):
            continue
        phrase = " ".join(t.lower_ for t in doc[first:start])
        if phrase in QUALIFIERS:
            return first, phrase
    return start, None


def _line(text: str, char: int) -> str:
    return text[text.rfind("\n", 0, char) + 1 : (text.find("\n", char) + 1 or len(text) + 1) - 1].strip()


def is_not_an_amount(doc: Doc, text: str, start: int, end: int, label: str) -> bool:
    """Dates-as-numbers, ages, times, tallies, identifiers, street numbers and page furniture."""
    span = doc[start:end]
    surface = span.text
    if _TIME.search(surface) or _TALLY.match(surface) or _PHONE.search(surface):
        return True
    if label == "CARDINAL" and re.fullmatch(r"1[89]\d\d|20\d\d", surface):
        return True  # a year
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if (after is not None and after.text in "-–" and end + 1 < len(doc) and doc[end + 1].like_num) or (
        before is not None and before.text in "-–" and start >= 2 and doc[start - 2].like_num
    ):
        return True  # a vote tally or score, "6-1"
    if before is not None and (
        before.lower_ in IDENTIFIER_WORDS | _AGE_WORDS
        or (before.is_upper and len(before.text.strip(".")) <= 5 and before.text[:1].isalpha())
    ):
        return True
    window = " ".join(t.lower_ for t in doc[end : end + 3])
    if re.match(r"-?\s*years?\s*-?\s*old|times\b|fold\b", window):
        return True  # an age, or a ratio ("three times the usual number")
    if before is not None and before.lower_ == "the" and _counted_noun(span.root, end) is None:
        return True  # "the two discussed": a pronoun, not an amount
    if before is not None and after is not None and before.text == "," and after.text in ",)" and start >= 2:
        if doc[start - 2].ent_type_ == "PERSON":
            return True  # "Rosa Delgado, 45, said"
    if after is not None and any(t.lower_ in STREET_WORDS for t in doc[end : end + 3]) and after.text[:1].isupper():
        return True
    line = _line(text, span.start_char)
    if line.lower().startswith(FURNITURE_PREFIXES):
        return True
    return False


def _counted_noun(root: Token, end: int) -> Token | None:
    """The noun a number counts: the noun right after it, its head noun, or the object of "of" after it."""
    doc = root.doc
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].tag_ in ("NNS", "NN"):
        return doc[end]
    for child in _children(root):
        if child.i > root.i and child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return head
    if head.dep_ in ("nummod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    return None


def _purpose(root: Token) -> Token | None:
    """What money is for: "raised $2 million for a legal defense fund" → fund."""
    verb = _governing_verb(root)
    for head in (root, verb) if verb is not None else (root,):
        for child in _children(head):
            if child.dep_ == "prep" and child.lower_ == "for" and child.i > root.i:
                pobj = next((c for c in _children(child) if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
                if pobj is not None:
                    return pobj
    return None


def _counted_phrase(noun: Token, exclude: range) -> Span | None:
    """The counted noun with its left modifiers ("sanctuary jurisdictions", "those arrested")."""
    if noun.pos_ == "PRON" or noun.lower_ in ("those", "them", "these"):
        last = min(noun.right_edge.i, noun.i + _MAX_COUNTED_TOKENS - 1)
        indices = [t.i for t in noun.doc[noun.i : last + 1] if t.i not in exclude and not t.is_punct]
    else:
        lefts = [t.i for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t.i not in exclude]
        indices = [i for i in range(min([*lefts, noun.i]), noun.i + 1) if i not in exclude]
    if not indices:
        return None
    first, last = min(indices), max(indices)
    if last - first >= _MAX_COUNTED_TOKENS or any(i in exclude for i in range(first, last + 1)):
        first = noun.i if noun.i not in exclude else first
        last = noun.i
    return noun.doc[first : last + 1]


def _children(token: Token) -> list[Token]:
    """A token's dependents; none for a degenerate parse (one head over hundreds of tokens)."""
    return list(token.children) if token.n_lefts + token.n_rights <= _MAX_CHILDREN else []


def _governing_verb(token: Token) -> Token | None:
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _modality(verb: Token | None, anchor: Token) -> str:
    """Planned when the claim hangs on a plan/intention verb, a future or conditional auxiliary, or a "goal"."""
    clauses = [c for t in (anchor, anchor.head) for c in _children(t) if c.dep_ in ("relcl", "acl")]
    tokens = [anchor, *islice(anchor.ancestors, 4), *clauses]
    if verb is not None:
        tokens += [*_children(verb), *islice(verb.ancestors, 2)]
    return "planned" if any(t.lemma_.lower() in PLAN_WORDS for t in tokens) else "actual"


def _candidates(doc: Doc) -> list[tuple[int, int, str]]:
    """Token ranges and labels of number phrases: NER amounts, durations and vague amounts."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in NUMBER_LABELS:
            start = ent.start
            if ent.text.lower() in SCALES and start > 0 and doc[start - 1].lower_ in ("a", "an", "one"):
                start -= 1  # "a dozen": the tagger leaves the article out
            found.append((start, ent.end, ent.label_))
        elif ent.label_ in ("DATE", "TIME"):
            match = _DURATION.match(ent.text)
            if match and match["unit"].lower() in DURATION_UNITS and number_interval(match["num"]):
                found.append((ent.start, ent.end, "DURATION"))
        taken.update(range(ent.start, ent.end))
    matcher = Matcher(doc.vocab)
    matcher.add("VAGUE", [[{"LOWER": {"IN": sorted(VAGUE)}}, {"LOWER": "of"}]])
    matcher.add("FRACTION", [[{"LOWER": {"IN": ["half", "third", "quarter"]}}, {"LOWER": "of"}]])
    matcher.add("DOZEN", [[{"LOWER": {"IN": ["a", "one", "two", "three"]}}, {"LOWER": "dozen"}]])
    for _, start, end in matcher(doc):
        if taken.intersection(range(start, end)):
            continue
        if doc[end - 1].lower_ == "of":
            end -= 1
        if doc[start].lower_ in ("third", "quarter") and start > 0 and doc[start - 1].lower_ in ("a", "one", "two"):
            start -= 1
        found.append((start, end, "CARDINAL"))
        taken.update(range(start, end))
    return sorted(found)


def _is_number_word(token: Token) -> bool:
    """Part of an amount: digits, number words, scales, vague amounts, fractions, units of money or percent."""
    word = token.lower_
    return (
        token.like_num or word in SCALES or word in VAGUE or word in ("half", "third", "quarter", "thirds", "quarters")
        or word in ("percent", "%", "cent", "dollars") or bool(_DURATION_WORD.match(word))
    )


def _unit(label: str, words: str) -> str:
    if label == "MONEY":
        return "money"
    if label == "PERCENT" or words in FRACTIONS:
        return "percent"
    if label == "DURATION":
        return "duration"
    return "count"


def quantity_from(doc: Doc, text: str, article_id: str, start: int, end: int, label: str) -> QuantityMention | None:
    """One numeric claim from a candidate token range of ``doc`` (whose text is ``text``), or None."""
    while start < end and doc[start].lower_ in ("the", "a", "an") and doc[start + 1 : end].text.lower() != "dozen":
        start += 1
    while end - start > 1 and not _is_number_word(doc[end - 1]):
        end -= 1  # "about 900 daily": the tagger's span runs on
    if start >= end or is_not_an_amount(doc, text, start, end, label):
        return None
    inner_start, qualifier = start, None
    for size in range(min(_MAX_QUALIFIER_WORDS, end - start - 1), 0, -1):
        phrase = " ".join(t.lower_ for t in doc[start : start + size])
        if phrase in QUALIFIERS:
            inner_start, qualifier = start + size, phrase
            break
    outer_start = start
    if qualifier is None:
        outer_start, qualifier = _qualifier_before(doc, start)
    core_tokens = [t for t in doc[inner_start:end] if t.text not in ("$", "%", "€", "£") and t.lower_ not in (
        "percent", "per", "cent", "dollars", "usd")]
    core = " ".join(t.text for t in core_tokens)
    duration_unit = None
    if label == "DURATION":
        match = _DURATION.match(doc[inner_start:end].text)
        if match is None:
            return None
        core, duration_unit = match["num"], match["unit"].lower()
    values = number_interval(core)
    if values is None or (label == "CARDINAL" and values == (1.0, 1.0) and core.lower() in ("one", "a", "an")):
        return None
    interval = apply_qualifier(QUALIFIERS.get(qualifier or ""), *values)
    root = doc[inner_start:end].root
    noun: Token | None
    if label == "DURATION":
        # "a two-day operation" counts the operation's length; "for 19 years" counts years.
        modifies = root.dep_ in ("amod", "compound", "nmod", "nummod") and root.head.pos_ == "NOUN"
        noun = root.head if modifies else doc[end - 1]
        counted = _counted_phrase(noun, range(outer_start, end)) if modifies else doc[end - 1 : end]
    else:
        noun = _counted_noun(root, end)
        if noun is None and label == "MONEY":
            noun = _purpose(root)
        counted = _counted_phrase(noun, range(outer_start, end)) if noun is not None else None
    verb = _governing_verb(noun if noun is not None and label != "MONEY" else root)
    char_start, char_end = doc[outer_start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return QuantityMention(
        article_id=article_id, start=char_start, end=char_end, text=text[char_start:char_end],
        low=interval.low, high=interval.high, unit=_unit(label, core.lower()),  # type: ignore[arg-type]
        qualifier=qualifier,
        counted=Mention(article_id=article_id, start=counted.start_char, end=counted.end_char, text=counted.text)
        if counted is not None else None,
        verb=verb.lemma_.lower() if verb is not None else duration_unit,
        modality=_modality(verb, noun if noun is not None else root),  # type: ignore[arg-type]
    )


def extract_quantities(article: Article, doc: Doc) -> list[QuantityMention]:
    """Numeric claims of one article, in text order."""
    found = []
    for start, end, label in _candidates(doc):
        mention = quantity_from(doc, article.text, article.id, start, end, label)
        if mention is not None:
            found.append(mention)
    return found


# --- across outlets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Features:
    """What two mentions are compared on."""

    key: frozenset[str]
    counted: frozenset[str]
    context: frozenset[str]
    entities: frozenset[str]
    sentence: int
    negated: bool


def _lemmas(tokens: Span | Sequence[Token], exclude: tuple[int, int] = (0, 0)) -> frozenset[str]:
    """Content lemmas (nouns, proper nouns, verbs, adjectives) outside the character range ``exclude``."""
    return frozenset(
        t.lemma_.lower() for t in tokens
        if not (exclude[0] <= t.idx < exclude[1]) and not t.is_stop and t.is_alpha
        and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
    )


def _is_negated(tokens: list[Token]) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("no", "never", "without") for t in tokens for c in _children(t))


def features(mention: QuantityMention, doc: Doc, entity_spans: list[tuple[int, int, str]]) -> Features:
    """The counted thing and event (key), the sentence's lemmas, its entities and negation.

    The key leaves out generic nouns ("people") and light or planning verbs ("make",
    "plan"); for a light verb it takes the verb's object instead ("had no criminal record").
    """
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    sentence = span.sent if span is not None else doc[:0]
    if span is not None and len(sentence) > _MAX_CONTEXT_TOKENS:
        half = _MAX_CONTEXT_TOKENS // 2
        sentence = doc[max(sentence.start, span.start - half) : min(sentence.end, span.end + half)]
    anchor = span.root if span is not None else None
    key: set[str] = set()
    counted_lemmas: frozenset[str] = frozenset()
    if mention.counted is not None:
        counted = doc.char_span(mention.counted.start, mention.counted.end, alignment_mode="expand")
        if counted is not None:
            counted_lemmas = _lemmas(counted) - GENERIC_NOUNS - DURATION_UNITS
            key |= counted_lemmas
            anchor = counted.root
    verb = _governing_verb(anchor) if anchor is not None else None
    scope = [t for t in (anchor, verb) if t is not None]
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in LIGHT_VERBS or lemma in PLAN_WORDS:
            for obj in _children(verb):
                if obj.dep_ in ("dobj", "attr", "acomp", "xcomp") and obj.i != (anchor.i if anchor else -1):
                    key |= _lemmas(doc[max(obj.left_edge.i, obj.i - 5) : min(obj.right_edge.i, obj.i + 5) + 1])
                    scope.append(obj)
        else:
            key.add(lemma)
    entities = frozenset(
        eid for start, end, eid in entity_spans if sentence.start_char <= start and end <= sentence.end_char
    )
    return Features(
        frozenset(key - GENERIC_NOUNS - LIGHT_VERBS - PLAN_WORDS - DURATION_UNITS), counted_lemmas,
        _lemmas(sentence, (mention.start, mention.end)), entities, sentence.start_char, _is_negated(scope),
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared items over the smaller set."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def similarity(a: Features, b: Features) -> float:
    """How likely two quantity mentions report the same fact (0-1).

    Half is the overlap of what they count ("congregations"), or of their keys (counted
    thing and event: "arrests" matches "arrested"), the rest the overlap of their
    sentences' lemmas and entities.
    """
    key = max(_overlap(a.key, b.key), _overlap(a.counted, b.counted))
    return 0.5 * key + 0.3 * _jaccard(a.context, b.context) + 0.2 * _jaccard(a.entities, b.entities)


def _interval(m: QuantityMention) -> Interval:
    return Interval(m.low, m.high)


def _compatible(a: QuantityMention, b: QuantityMention, fa: Features, fb: Features) -> bool:
    """May these two be one fact? Same unit and modality; in one article, overlapping values in different sentences."""
    if a.unit != b.unit or a.modality != b.modality or fa.negated != fb.negated:
        return False
    if a.article_id == b.article_id:
        return fa.sentence != fb.sentence and bool(fa.key & fb.key) and _interval(a).overlaps(_interval(b))
    return True


def group_quantities(mentions: list[QuantityMention], feats: list[Features]) -> list[list[int]]:
    """Clusters of mention indices: best-first linking above LINK_THRESHOLD, every pair compatible.

    Mentions whose keys share nothing link only on strongly similar sentences.
    """
    # Pairs that share no lemma score below the threshold: compare only those that do, skipping
    # lemmas so common they say nothing (and that would make the comparison quadratic).
    postings: dict[str, list[int]] = defaultdict(list)
    for index, feat in enumerate(feats):
        for lemma in feat.key | feat.context:
            postings[lemma].append(index)
    candidates = {pair for ids in postings.values() if len(ids) <= _MAX_POSTING for pair in combinations(ids, 2)}
    pairs = sorted(
        ((similarity(feats[i], feats[j]), i, j) for i, j in candidates
         if _compatible(mentions[i], mentions[j], feats[i], feats[j])),
        reverse=True,
    )
    cluster = list(range(len(mentions)))
    members = {i: [i] for i in range(len(mentions))}
    for score, i, j in pairs:
        if score < LINK_THRESHOLD:
            break
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        if all(_compatible(mentions[a], mentions[b], feats[a], feats[b]) for a in members[ci] for b in members[cj]):
            for k in members[cj]:
                cluster[k] = ci
            members[ci].extend(members.pop(cj))
    return [sorted(group) for group in members.values()]


def fact_status(group: list[QuantityMention]) -> str:
    """single-source, conflicting (two articles' intervals do not overlap) or consistent."""
    if len({m.article_id for m in group}) < 2:
        return "single-source"
    for a, b in combinations(group, 2):
        if a.article_id != b.article_id and not _interval(a).overlaps(_interval(b)):
            return "conflicting"
    return "consistent"


def describe(group: list[QuantityMention]) -> str:
    """Short description: the most common counted phrase and verb ("people · arrest (planned)")."""
    counted = Counter(m.counted.text.lower() for m in group if m.counted is not None).most_common(1)
    verbs = Counter(m.verb for m in group if m.verb and m.verb not in LIGHT_VERBS | PLAN_WORDS).most_common(1)
    parts = [counted[0][0] if counted else f"({group[0].unit})"]
    if verbs and verbs[0][0] not in parts[0]:
        parts.append(verbs[0][0])
    text = " · ".join(parts)
    return f"{text} (planned)" if group[0].modality == "planned" else text


def _entity_spans(context: StoryContext) -> dict[str, list[tuple[int, int, str]]]:
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in context.analysis.entities or []:
        for m in entity.mentions:
            spans[m.article_id].append((m.start, m.end, entity.id))
    return spans


@register_section("quantities", extract=extract_quantities)
def build_quantities(context: StoryContext) -> None:
    per_article = context.extracted("quantities")
    entity_spans = _entity_spans(context)
    mentions = [m for a in context.articles for m in per_article[a.id]]
    feats = [features(m, context.docs[m.article_id], entity_spans[m.article_id]) for m in mentions]
    order = {a.id: i for i, a in enumerate(context.articles)}
    groups = [[mentions[i] for i in g] for g in group_quantities(mentions, feats)]
    groups.sort(key=lambda g: (-len({m.article_id for m in g}), order[g[0].article_id], g[0].start))
    context.analysis.quantities = [
        QuantityFact(
            id=f"Q{i}", fact=describe(group), unit=group[0].unit, modality=group[0].modality,
            status=fact_status(group), mentions=group,  # type: ignore[arg-type]
            article_ids=list(dict.fromkeys(m.article_id for m in group)),
        )
        for i, group in enumerate(groups, 1)
    ]
