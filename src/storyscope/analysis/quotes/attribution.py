"""Attribution relations (source, cue, content) from a dependency parse and quotation marks.

The rules are general patterns of news reporting, read off the parse (Pareti 2016's
source/cue/content roles; the direct-quote heuristics of textacy's
``direct_quotations``, extended to what it misses):

* a quotation whose nearest reporting verb in the same sentence(s) is its cue, the
  verb's subject its source (speaker before, after or inside a split quotation;
  quotations sharing one cue are one content, and so is a quoted paragraph or
  sentence that follows without a cue of its own);
* ``"…" -Speaker`` (a dash after the closing mark), ``X: "…"``, ``From X: "…"`` and
  headline or transcript lines ``Name: statement``;
* indirect speech: a reporting verb's clausal complement ("Voss said the city
  would…", discontinuous around the cue clause in "which she said was false"), its
  nominal object ("said the same thing"), or the rest of the sentence when the cue is
  parenthetical, follows the content or heads an "as" clause ("The plan, she said, is
  dead", "As experts noted, …"); "according to X"; verbs of stance, judgment and intent
  with their object (and its "for"/"as" phrase), prepositional object or infinitive
  ("cited the report", "criticized the plan for its cost", "called for an audit", "urged
  residents to stay"); passives, whose source is the agent ("was criticized by X");
  cue nouns with their possessor and their "that"-clause, infinitive or topic phrase
  ("X's claim that …", "her plan to …", "his criticism of …"); attitude adjectives
  ("has been critical of", "are afraid that");
* scare quotes (a quotation of fewer than four words that is neither its cue's own
  complement nor an utterance right before its cue) are not attributions, and an attribution nested in another attribution's content is part of it.

Also: transcript lines in a quoted paragraph (``"NAME: …``); an evidential adjective after an
expletive "it" ("it was clear that …", no source); a poll, study or report in an "in" phrase as
the source of its main clause ("In the latest poll, …"); verbs of appearance ("the ferry seems to
have left", its experiencer "to me" as source); an object and its "as" phrase after verbs of
characterizing and assessing ("see the plan as a loophole", "rated the claims as false"); a noun
modified by a verb of stance ("the plan the union criticized"); a cue ending in a colon ("X added:")
with the rest of its line or the next paragraph; a cue clause closing its sentence ("…, experts say");
"as X put it"; a present-tense cue the tagger read as a plural noun ("Harbor board votes to …"); a
"that"-clause the parser hung on the addressee of a verb of telling ("told a meeting of pilots that …"); a
judgment received by a clause's subject ("faced criticism for …", "drew criticism from X"); a verb of
saying with its clause after "for" ("lost his seat for saying that …").

Not attributions: a verb of saying under a causative ("let them know"), an imperative ("Don't blame
…"), a gerund after "without" or "for" ("goes without saying"), a naming participle ("a stream called
Mill Run"), a page label or section heading before a colon ("Correction:", "The Pier Goes Quiet:"), an
evidential adjective before an embedded question ("it is unclear whether …"), and a quoted title in a
phrase ('an interview with "The Evening Ledger"'). A verb with an unquoted complement clause of its own
is not the cue of a quotation before it ('"Peace first." He told the crowd that …').

Spans follow attribution corpora: the cue is the whole verb group ("has also said"), with "in an
interview" / "in an email" right after it and a phrasal verb's preposition ("called on"); a
clause's content leaves out a parallel verb of saying the parser hung on it, a trailing
participle after a comma, a final aside set off by a comma, dash or bracket, a dangling
conjunction and an opening connective ("But", "However,"); a quotation completing a clause takes
the clause's unquoted start; sources keep relative clauses and restrictive modifiers and drop a
participle set off before the verb, a dateline and an opening adverb (not one grading a number:
"Only 52 percent"). A participle set off after a reporting clause ("Bell said he doubted it, arguing
that …") speaks for the subject of the clause's outermost verb of saying; of two subjects the parser
gives a verb, the speaker is the one outside quotations and nearest the verb.

Beyond the word lists, a learned cue detector (:mod:`storyscope.analysis.quotes.cue_model`, logistic
regression over a verb's dependency shape and static embedding) judges the verbs the rules leave alone:
one it accepts is worked out as a verb of saying, stance and intent at once (:data:`LEARNED_CUE`).

Pronoun sources ("she") are resolved to the nearest preceding mention that looks like a
person (a title, a given name or a name that speaks elsewhere in the article) of
compatible gender (honorifics and gendered titles, then first names via
``gender_guesser``), preferring clause subjects; "it"/"they" to the one organisation,
place or group (or plural subject) in their sentence or the one before, when there is
exactly one; a bare surname to the nearest full form of that name in the article. A "he said"
right after another person's attribution continues that speaker (a quote chain) unless the
earlier source states another gender.
Every step is linear or bounded per quotation, so pathological text stays fast.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from storyscope.analysis.entities.mentions import ner_label
from storyscope.analysis.entities.titles import is_title_word, names_a_person
from storyscope.analysis.quotes.cue_model import CueModel, candidate_vector, load_cue_model
from storyscope.analysis.quotes.lexicon import (
    ADDRESSEE_VERBS,
    AS_VERBS,
    ATTITUDE_ADJECTIVES,
    CAUSATIVE_VERBS,
    COGNITION_VERBS,
    EVIDENTIAL_ADJECTIVES,
    GROUP_PRONOUNS,
    HONORIFIC_GENDER,
    INTENT_VERBS,
    INTERVIEW_NOUNS,
    JUDGMENT_NOUNS,
    LOOK_VERBS,
    NOUN_CUES,
    NOUN_TOPIC_PREPOSITIONS,
    OBJECT_VERBS,
    PREP_VERBS,
    PRONOUN_GENDER,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
    RECEIVING_VERBS,
    REPORTING_VERBS,
    RESEARCH_NOUNS,
    SOURCE_TEXT_NOUNS,
    SUPPORT_VERBS,
)
from storyscope.analysis.quotes.marks import QUOTE_CHARS, Quotation, find_quotations
from storyscope.nlp.layout import PAGE_LABELS, link_lines
from storyscope.nlp.names import given_name_gender

Fragments = tuple[tuple[int, int], ...]

#: How far (characters) from a quotation its cue may be: bounds the work on pathological input.
CUE_WINDOW = 250
#: Quotations with fewer words than this need a cue that governs them (else they are scare quotes).
MIN_QUOTE_WORDS = 4
#: The learned cue detector judges verbs only in sentences of at most this many tokens: longer ones are parser
#: run-ons (PolNeAR dev's longest sentence has 96), and working out every verb of one would take quadratic time.
MAX_LEARNED_SENTENCE = 150
#: A "he said" continues the previous attribution's speaker when its cue is at most this many sentences on.
CHAIN_SENTENCES = 2
#: Prepositions whose phrase belongs to an unnamed speaker's description ("a spokesman for the mayor").
_DESCRIPTION_PREPOSITIONS = frozenset({"for", "of", "at", "with", "from"})
_DASHES = "-\u2013\u2014\u2015"
#: A line opening with a short name and a colon: "Pence: Flowers won't be at the debate", also as a quoted
#: transcript paragraph ("\"MORALES: Let's start with …").
_COLON_LINE = re.compile(r"^[\"\u201c]?(?P<head>[^\W\d][^\n:]{0,40}?):[ \t]+(?P<body>[^\n]+)", re.MULTILINE)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CONTENT_DEPS = ("ccomp",)
_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Attribution:
    """One attribution in a Doc: character fragments of each role and the resolved speaker name."""

    source: Fragments | None
    cue: Fragments
    content: Fragments
    direct: bool
    speaker: str | None


class _Quotes:
    """Quotation fragments of a Doc, with a fast "which quotation holds this offset" lookup."""

    def __init__(self, quotations: Sequence[Quotation]):
        self.quotations = list(quotations)
        self._frags = sorted((s, e, i) for i, q in enumerate(self.quotations) for s, e in q.fragments)
        self._starts = [s for s, _, _ in self._frags]

    def at(self, offset: int) -> int | None:
        """Index of the quotation whose fragment contains ``offset``, if any."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self._frags[k][0] <= offset < self._frags[k][1]:
            return self._frags[k][2]
        return None

    def fragment_at(self, offset: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self._frags[k][0] <= offset < self._frags[k][1]:
            return self._frags[k][0], self._frags[k][1]
        return None


_SENTENCES = "storyscope_sentence_of_token"
_TEXT = "storyscope_text"
_LEARNED = "storyscope_learned_cues"

#: The lemma :func:`_lemma` gives a candidate verb of the cue model while :func:`_cue_candidates` works it out: a
#: verb of saying, stance and intent at once, so its complement clause, infinitive or object is the content.
LEARNED_CUE = "<learned cue>"
_CLAUSAL_VERBS = REPORTING_VERBS | INTENT_VERBS | {LEARNED_CUE}
_INFINITIVE_VERBS = INTENT_VERBS | {LEARNED_CUE}
_STANCE_VERBS = OBJECT_VERBS | {LEARNED_CUE}


def _text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it from the tokens on every call."""
    text: str = doc.user_data[_TEXT]
    return text


def _sent(token: Token) -> Span:
    """``token.sent`` in constant time (spaCy's walks the Doc) from the index :func:`find_attributions` builds."""
    sentence: Span = token.doc.user_data[_SENTENCES][token.i]
    return sentence


def find_attributions(doc: Doc, cue_model: CueModel | None = None, learned: bool = True) -> list[Attribution]:
    """Every attribution in ``doc``, in text order of content: the rules' and, unless ``learned`` is
    false, those of the verbs outside the word lists that ``cue_model`` (default: the shipped one) accepts."""
    with _indexed(doc) as (quotes, inside, people):
        found = _find_attributions(doc, quotes, inside, people)
        if learned:
            found += _learned_cues(doc, found, quotes, inside, people, cue_model or load_cue_model())
        found = _off_link_lines(found, link_lines(_text(doc)))
        return sorted(_continued_speakers(doc, _outermost(found), people), key=lambda a: a.content[0])


def _off_link_lines(found: list[Attribution], lines: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions whose cue is not on a link line ("Related: What the letter says", "LISTEN: … reports
    from the pier"): such a line points at other coverage or a player, and no one speaks in it."""
    starts = [s for s, _ in lines]
    kept = []
    for attribution in found:
        cue = attribution.cue[0][0]
        k = bisect.bisect_right(starts, cue) - 1
        if k < 0 or not lines[k][0] <= cue < lines[k][1]:
            kept.append(attribution)
    return kept


def learned_cue_candidates(doc: Doc) -> list[tuple[Attribution, list[float]]]:
    """The attributions the cue model judges in ``doc`` (see :func:`_cue_candidates`) with their feature
    vectors, for fitting the model (``benchmarks/fit_cue_model.py``)."""
    with _indexed(doc) as (quotes, inside, people):
        return _cue_candidates(doc, _find_attributions(doc, quotes, inside, people), quotes, inside, people)


@contextmanager
def _indexed(doc: Doc) -> Iterator[tuple[_Quotes, list[bool], _People]]:
    """The Doc's quotations, which tokens they hold and its people, with the per-call indexes the rules read
    from ``doc.user_data`` (sentence of each token, the text, the verbs taken as learned cues) set meanwhile."""
    doc.user_data[_SENTENCES] = [sent for sent in doc.sents for _ in sent]
    doc.user_data[_TEXT] = doc.text
    doc.user_data[_LEARNED] = set()
    try:
        quotes = _Quotes([_close_forgotten(doc, q) for q in find_quotations(doc.user_data[_TEXT])])
        yield quotes, [quotes.at(t.idx) is not None for t in doc], _People(doc)
    finally:
        del doc.user_data[_SENTENCES], doc.user_data[_TEXT], doc.user_data[_LEARNED]


def _close_forgotten(doc: Doc, quotation: Quotation) -> Quotation:
    """An unclosed one-paragraph quotation cut after the comma that ends a reporting verb's complement
    inside it: in '"The gate was locked all night, said Ansel Fry.' the closing mark was forgotten before
    the attribution, which would otherwise be read as quoted words. The cut quotation stays unclosed."""
    if quotation.closed or len(quotation.fragments) != 1:
        return quotation
    start, end = quotation.fragments[0]
    for verb in _tokens_in(doc, start + 1, end):
        if verb.lemma_.lower() not in REPORTING_VERBS or verb.pos_ != "VERB" or verb.head.i != verb.i:
            continue
        complement = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if complement is None or subject is None or subject.i < complement.right_edge.i:
            continue
        comma = complement.right_edge.i + 1
        if comma < verb.i and doc[comma].text == "," and start < doc[comma].idx:
            return Quotation([(start, doc[comma].idx + 1)], closed=False)
    return quotation


def _cue_candidates(
    doc: Doc, found: list[Attribution], quotes: _Quotes, inside: list[bool], people: _People
) -> list[tuple[Attribution, list[float]]]:
    """The long tail the word lists miss: each verb outside quotations and outside every attribution the
    rules found, whose lemma is in no list, worked out by the indirect-speech rules as a verb of saying,
    stance and intent (:data:`LEARNED_CUE`); those that yield an attribution, with their feature vectors
    (the verb's shape, and what the construction found: a source, a named speaker, the content's length).
    Only sentences of at most :data:`MAX_LEARNED_SENTENCE` tokens are searched, so the work stays linear."""
    covered = [0] * (len(_text(doc)) + 1)  # +1/-1 at fragment ends: a prefix sum tells covered offsets
    for attribution in found:
        for start, end in (*attribution.cue, *attribution.content):
            covered[start] += 1
            covered[end] -= 1
    running = list(itertools.accumulate(covered))
    speakers = {word for a in found if a.speaker for word in a.speaker.split()}
    learned: set[int] = doc.user_data[_LEARNED]
    candidates = []
    for token in doc:
        if token.pos_ != "VERB" or inside[token.i] or running[token.idx] > 0:
            continue
        if _lemma(token) in _CUE_VERBS or token.lemma_.lower() in RAISING_VERBS:
            continue
        sentence = _sent(token)
        if len(sentence) > MAX_LEARNED_SENTENCE:
            continue
        learned.add(token.i)
        built = _indirect(doc, token, quotes, inside, people)
        learned.discard(token.i)
        if built is None:
            continue
        construction = {
            "has_source": float(built.source is not None),
            "named_speaker": float(built.speaker is not None),
            "content_log_chars": math.log1p(sum(e - s for s, e in built.content)),
            "direct": float(built.direct),
        }
        vector = candidate_vector(token, inside, (sentence.start, sentence.end), speakers, construction)
        candidates.append((built, vector))
    return candidates


def _learned_cues(
    doc: Doc, found: list[Attribution], quotes: _Quotes, inside: list[bool], people: _People, model: CueModel
) -> list[Attribution]:
    """The attributions among :func:`_cue_candidates` that the cue model accepts."""
    return [attribution for attribution, vector in _cue_candidates(doc, found, quotes, inside, people)
            if model.accepts(vector)]


def _find_attributions(doc: Doc, quotes: _Quotes, inside: list[bool], people: _People) -> list[Attribution]:
    """The attributions the rules find (nested ones included: see :func:`_outermost`)."""
    verbs = [t for t in doc if _is_cue_verb(t) and not inside[t.i]]
    verb_starts = [t.idx for t in verbs]
    found: list[Attribution] = []
    used_verbs: set[int] = set()
    by_cue: dict[object, list[Quotation]] = {}
    cue_info: dict[object, tuple[Fragments | None, Fragments, Token | Span | None]] = {}
    previous: tuple[Quotation, object] | None = None
    for quotation in quotes.quotations:
        match = _direct_cue(doc, quotation, verbs, verb_starts, inside)
        if match is None:
            if previous is not None and (
                _follows_cue(doc, previous[0], quotation, cue_info[previous[1]][1])
                or _next_quoted_paragraph(_text(doc), previous[0], quotation)
            ):
                # '"A?" X asked. "B."' and a quoted paragraph after "A," X said.': X's words go on.
                by_cue[previous[1]].append(quotation)
                previous = (quotation, previous[1])
                continue
            if previous is not None and _embedded(doc, quotation):
                continue  # a scare quote in the cue sentence ('… its so-called "renewal" fees.') ends no chain
            previous = None
            continue
        key, source, cue, head = match
        previous = (quotation, key)
        by_cue.setdefault(key, []).append(quotation)
        cue_info[key] = (source, cue, head)
        if isinstance(key, int):
            used_verbs.add(key)
    for key, quotations in by_cue.items():
        source, cue, head = cue_info[key]
        content = _with_lead_in(doc, tuple(f for q in quotations for f in q.fragments), source, cue, quotes)
        found.append(Attribution(source, cue, content, True, people.speaker(head)))
    # Verbs in text order; one inside the content of an earlier verb's attribution would be dropped as nested
    # (see _outermost), so it is not worked out: chains of complements ("X claims Y claims …") stay linear.
    pending: list[tuple[int, int]] = []  # content fragments not yet reached, by start
    reach = -1
    for verb in verbs:
        while pending and pending[0][0] <= verb.idx:
            reach = max(reach, heapq.heappop(pending)[1])
        if verb.i in used_verbs or verb.idx < reach:
            continue
        attribution = _indirect(doc, verb, quotes, inside, people)
        if attribution is not None:
            found.append(attribution)
            for fragment in attribution.content:
                heapq.heappush(pending, fragment)
    found.extend(_according_to(doc, quotes, inside, people))
    found.extend(_in_source(doc, quotes, inside))
    found.extend(_noun_cues(doc, quotes, inside, people))
    found.extend(_adjective_cues(doc, quotes, inside, people))
    found.extend(_evidential_cues(doc, quotes, inside))
    found.extend(_raising_cues(doc, quotes, inside, people))
    found.extend(_colon_lines(doc, people))
    found.extend(_mistagged_verbs(doc, quotes, inside, people))
    return found


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue lies in another attribution's content.

    "He said he plans to …" attributes the plan to his saying, and in "a poll found that 74
    percent said …" the voters' saying is part of what the poll found: the nested relation is
    inside the outer content, which attribution corpora (PolNeAR) annotate as one relation.
    """
    contents = sorted(f for a in found for f in a.content)
    starts = [s for s, _ in contents]
    kept = []
    for attribution in found:
        cue_start = attribution.cue[0][0]
        k = bisect.bisect_right(starts, cue_start) - 1
        nested = any(
            contents[i][0] <= cue_start < contents[i][1] and (contents[i][0], contents[i][1]) not in attribution.content
            for i in range(max(0, k - 5), k + 1)
        )
        if not nested:
            kept.append(attribution)
    return kept


#: "put" counts only in the idiom "put it" (see _put_it).
_CUE_VERBS = REPORTING_VERBS | QUOTE_ONLY_VERBS | INTENT_VERBS | OBJECT_VERBS | AS_VERBS | frozenset(PREP_VERBS) | {"put"}


def _continued_speakers(doc: Doc, found: list[Attribution], people: _People) -> list[Attribution]:
    """A "he said" or "she said" soon after another person's attribution is that person going on
    ('"…," said Ira Voss. "…," he said.'), the convention of a quote chain; the nearest compatible
    name before it is only the fallback. The chain holds when the earlier source is a person (a name,
    a pronoun, or a person noun such as "a spokesman") and breaks on a gender clash that an honorific,
    a gendered title or a pronoun signals, not on a first name's usual gender (a guess); an unnamed
    earlier source ("A spokesman for the mayor") passes on its description rather than letting the
    pronoun resolve to someone else. It also breaks when another person of the pronoun's gender is
    named in the writer's own words between the two cues ("Councilman Eli Hale was blunter. '…?' he
    asked"): that person is the new "he", as the nearest-name fallback has it."""
    reported = sorted(f for a in found for f in a.content)
    continued: list[Attribution] = []
    for attribution in sorted(found, key=lambda a: a.cue[0] if a.cue else a.content[0]):
        pronoun = _pronoun_source(doc, attribution)
        if pronoun is not None and continued and _chains(doc, continued[-1], attribution, pronoun, people, reported):
            attribution = replace(attribution, speaker=continued[-1].speaker)
        continued.append(attribution)
    return continued


def _pronoun_source(doc: Doc, attribution: Attribution) -> Token | None:
    """The source when it is a bare "he" or "she" (the pronouns a quote chain uses)."""
    if attribution.source is None or len(attribution.source) != 1:
        return None
    tokens = _tokens_in(doc, *attribution.source[0])
    if len(tokens) == 1 and tokens[0].lower_ in ("he", "she") and tokens[0].pos_ == "PRON":
        return tokens[0]
    return None


def _chains(
    doc: Doc, previous: Attribution, attribution: Attribution, pronoun: Token, people: _People, reported: Sequence[tuple[int, int]]
) -> bool:
    """Whether ``pronoun`` (the source of ``attribution``) continues the speaker of ``previous``;
    ``reported`` are the content fragments of every attribution (sorted), where a named person is
    only talked about."""
    if previous.source is None or not previous.cue or not attribution.cue:
        return False
    before, after = _tokens_in(doc, *previous.cue[0]), _tokens_in(doc, *attribution.cue[0])
    if not before or not after or _sentence_distance(before[0], after[0]) > CHAIN_SENTENCES:
        return False
    source = [t for s, e in previous.source for t in _tokens_in(doc, s, e)]
    wanted = PRONOUN_GENDER[pronoun.lower_]
    signalled = _signalled_gender(source)
    if signalled is not None:
        if signalled != wanted:
            return False
    elif any(t.dep_ == "cc" for t in source):
        return False  # several speakers ("Neither the parish nor Ana Paulo") are not one "he"
    elif previous.speaker is None:  # an unnamed person ("an official"), not a thing ("The report said …")
        if not any(is_title_word(t) for t in source):
            return False
    elif not any(_names_person(t, people) for t in source):
        return False  # an organisation or place
    return not _named_between(people.antecedent(pronoun), source, previous.speaker, reported)


def _named_between(
    person: Span | None, source: Sequence[Token], speaker: str | None, reported: Sequence[tuple[int, int]]
) -> bool:
    """Whether ``person`` (the pronoun's nearest compatible name) is someone else, named in the
    writer's own words after the chain's earlier ``source``."""
    if person is None or person.start <= source[-1].i:
        return False
    if speaker is not None and person.text.split()[-1] == speaker.split()[-1]:
        return False  # the same speaker named again
    start = person.start_char
    k = bisect.bisect_right(reported, (start, len(person.doc.text))) - 1
    return not any(s <= start < e for s, e in reported[max(0, k - 5) : k + 1])


def _names_person(token: Token, people: _People) -> bool:
    """Whether a source word is part of a person's name: tagged PERSON, an untagged proper noun, or the
    surname of a person named in full elsewhere in the article (the NER sometimes tags a bare
    surname ORG)."""
    if token.ent_type_ == "PERSON" or token.text in people.full_names:
        return True
    return token.pos_ == "PROPN" and not token.ent_type_


def _signalled_gender(source: Sequence[Token]) -> str | None:
    """Gender a source states: a pronoun, an honorific or a gendered title ("spokeswoman")."""
    for token in source:
        word = token.lower_.rstrip(".")
        if token.pos_ == "PRON" and word in ("he", "she"):
            return PRONOUN_GENDER[word]
        if word in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[word]
        if is_title_word(token) and word.endswith(("woman", "man")):
            return "female" if word.endswith("woman") else "male"
    return None


def _sentence_distance(first: Token, second: Token) -> int:
    """How many sentence boundaries lie between two tokens (0: same sentence)."""
    sentence = _sent(first)
    steps = 0
    while second.i >= sentence.end and steps <= CHAIN_SENTENCES:
        steps += 1
        if sentence.end >= len(first.doc):
            break
        sentence = _sent(first.doc[sentence.end])
    return steps


def _is_cue_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and _lemma(token) in _CUE_VERBS


#: Inflection endings and what replaces them, to undo a lemmatiser slip ("hoped" -> "hop").
_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", ""),
                ("ing", ""), ("ing", "e"))


def _lemma(token: Token) -> str:
    """The token's lemma, or, when that is no cue verb but the word is an inflection of one, that verb:
    the small English model lemmatises some verbs wrongly ("hoped" -> "hop", "rated" -> "rat")."""
    if token.i in token.doc.user_data.get(_LEARNED, ()):
        return LEARNED_CUE
    lemma = token.lemma_.lower()
    if lemma in _CUE_VERBS or token.pos_ != "VERB":
        return lemma
    word = token.lower_
    for ending, replacement in _INFLECTIONS:
        if word.endswith(ending) and word[: -len(ending)] + replacement in _CUE_VERBS:
            return word[: -len(ending)] + replacement
    return lemma


# --- direct quotations -------------------------------------------------------------------


def _follows_cue(doc: Doc, earlier: Quotation, later: Quotation, cue: Fragments) -> bool:
    """Whether ``later`` opens the sentence right after the cue sentence that closed ``earlier``, in one
    paragraph ('"A?" X asked during the hearing. "B?"')."""
    text = _text(doc)
    between = text[earlier.end : later.start]
    cue_start = cue[0][0]
    if "\n" in between or not earlier.end <= cue_start < later.start or not between.rstrip().endswith((".", ":")):
        return False
    cue_tokens = _tokens_in(doc, cue_start, cue[0][1])
    return bool(cue_tokens) and _sent(cue_tokens[0]).end_char <= later.start


def _embedded(doc: Doc, quotation: Quotation) -> bool:
    """Whether a quotation is a few words inside a clause (a scare quote, a term), not a statement."""
    tokens = _tokens_in(doc, quotation.start, quotation.end)
    return bool(tokens) and sum(t.is_alpha for t in tokens) < MIN_QUOTE_WORDS and not _standalone(
        _text(doc), quotation, tokens
    )


def _next_quoted_paragraph(text: str, earlier: Quotation, later: Quotation) -> bool:
    """Whether ``later`` is a whole paragraph of quotation right after the paragraph ``earlier`` ends."""
    between = text[earlier.end : later.start]
    paragraph_end = _find_or_end(text, "\n", later.end)
    return (
        between.count("\n") >= 1
        and len(between) < 200
        and not between.split("\n")[-1].strip()
        and not text[later.end : paragraph_end].strip()
        and later.closed
    )


def _standalone(text: str, quotation: Quotation, tokens: Sequence[Token]) -> bool:
    """Whether a quotation is a statement of its own rather than words embedded in a clause.

    It is when it starts or ends its sentence, or is set off by a colon or comma before or a
    comma after ("X said, "…"", ""…," X said"). A dash after usually opens an apposition
    (""…" — a description X rejected"); ``"…" -Speaker`` is matched on its own.
    """
    before = text[: quotation.start].rstrip()[-1:]
    after = text[quotation.end :].lstrip()[:1]
    inner_end = text[quotation.end - 2 : quotation.end - 1]
    return (
        tokens[0].is_sent_start
        or before in ("", ":", ",", "\n")
        or after in ("", ",")
        or inner_end in (",", ".", "?", "!")
    )


def _direct_cue(
    doc: Doc,
    quotation: Quotation,
    verbs: list[Token],
    verb_starts: list[int],
    inside: list[bool],
) -> tuple[object, Fragments | None, Fragments, Token | Span | None] | None:
    """(grouping key, source, cue, speaker head) of a quotation, or None when it has no cue."""
    tokens = _tokens_in(doc, quotation.start, quotation.end)
    if not tokens:
        return None
    words = sum(1 for t in tokens if t.is_alpha)
    short = words < MIN_QUOTE_WORDS
    dash = _dash_speaker(doc, quotation)
    if dash is not None:
        return dash
    colon = _colon_speaker(doc, quotation, inside)
    if colon is not None:
        return colon
    if _quoted_title(tokens):
        return None
    sentences = {_sent(tokens[0]).start, _sent(tokens[-1]).start}
    last = _sent(tokens[-1])
    if last.end < len(doc) and doc[last.end].idx - quotation.end < 3:
        sentences.add(last.end)  # '"…" X said.' split by the parser after the closing mark
    paragraph = (_text(doc).rfind("\n", 0, quotation.start) + 1, _find_or_end(_text(doc), "\n", quotation.end))
    standalone = _standalone(_text(doc), quotation, tokens)
    lo = bisect.bisect_left(verb_starts, quotation.start - CUE_WINDOW)
    hi = bisect.bisect_right(verb_starts, quotation.end + CUE_WINDOW)
    best: tuple[int, Token] | None = None
    for verb in verbs[lo:hi]:
        if _lemma(verb) not in REPORTING_VERBS and _lemma(verb) not in QUOTE_ONLY_VERBS:
            continue  # verbs of stance or intent ("cited", "wants") do not introduce quotations
        colon_before = _sentence_ends_with_colon_before(verb, quotation)
        if not colon_before and (_sent(verb).start not in sentences or not paragraph[0] <= verb.idx < paragraph[1]):
            continue
        governs = _governs_closely(verb, tokens) or _cue_right_after(doc, quotation, verb) if short else _governs(
            verb, tokens)
        if not governs and (short or not standalone):
            continue
        if _reports_around(verb, quotation):
            continue  # a partial quotation inside reported speech: left to the indirect rule
        if _reports_elsewhere(verb, quotation, inside):
            continue
        if _lemma(verb) in QUOTE_ONLY_VERBS and not governs:
            continue
        gap = min(abs(verb.idx - quotation.end), abs(quotation.start - verb.idx - len(verb)))
        for _start, e in quotation.fragments[:-1]:
            gap = min(gap, abs(verb.idx - e))
        if best is None or gap < best[0]:
            best = (gap, verb)
    if best is None:
        return None
    verb = best[1]
    subject = _subject(verb, inside)
    if subject is None and verb.i > tokens[-1].i:
        subject = _inverted_speaker(verb, inside)
    source = _span_fragments(subject) if subject is not None else None
    return verb.i, source, _cue_fragments(verb), subject.root if subject is not None else None


def _inverted_speaker(verb: Token, inside: list[bool]) -> Span | None:
    """The speaker after a cue that follows its quotation, when the parser read the name as the cue's
    object ('"…," quipped Tomas Vell of the harbor board'): a proper name right after the verb, for a
    verb that does not take its addressee as object ("told", "asked")."""
    if _lemma(verb) in ADDRESSEE_VERBS or verb.i + 1 >= len(verb.doc):
        return None
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.pos_ == "PROPN" and not inside[c.i]]
    if not objects or objects[0].left_edge.i != verb.i + 1:
        return None
    obj = objects[0]
    return _source_span(_within_paragraph(verb.doc[obj.left_edge.i : obj.right_edge.i + 1], verb))


def _with_lead_in(doc: Doc, content: Fragments, source: Fragments | None, cue: Fragments, quotes: _Quotes) -> Fragments:
    """``content`` with the unquoted start of the clause its first quotation completes ("Closing the
    pier "is the only safe choice," the harbor master said"): the quoted words
    are a predicate whose subject the writer paraphrased, and the whole clause is what is attributed."""
    start, end = content[0]
    tokens = _tokens_in(doc, start, end)
    if not tokens:
        return content
    inner = {t.i for t in tokens}
    tops = [t for t in tokens if not t.is_punct and (t.head.i not in inner or t.head.i == t.i)]
    if len(tops) != 1 or tops[0].left_edge.i >= tokens[0].i:
        return content
    lead = doc[tops[0].left_edge.i : tokens[0].i]
    taken = [*cue, *(source or ())]
    if _sent(lead[0]).start != _sent(tokens[0]).start or any(
        quotes.at(t.idx) is not None or any(s <= t.idx < e for s, e in taken) for t in lead
    ):
        return content
    trimmed = _trim(lead)
    if trimmed is None or trimmed.end != tokens[0].i:
        return content
    lead = trimmed
    return ((lead.start_char, end), *content[1:])


def _reports_around(verb: Token, quotation: Quotation) -> bool:
    """Whether the quotation is only the end of a longer complement of ``verb`` (a mixed quotation).

    "said that the plan was "a disgrace"", "said that "a bomb" had gone off", "called half of them
    "deplorables"": the content is the whole complement, found by the indirect rules, not the quoted
    words alone (however few words come before the quotation).
    """
    lemma = _lemma(verb)
    complements = []
    for child in verb.rights:
        handled = (
            child.dep_ == "ccomp"
            or (child.dep_ == "xcomp" and lemma in INTENT_VERBS)
            or (child.dep_ in ("oprd", "xcomp", "dobj") and lemma in QUOTE_ONLY_VERBS)
            or (child.dep_ == "dobj" and lemma in OBJECT_VERBS)
            or child.lower_ in PREP_VERBS.get(lemma, ())
        )
        if handled:
            complements.append(child)
    if not complements:
        return False  # the indirect rules would take no complement: keep the quotation direct
    # "called half of them "deplorables"": the object and the quoted predicate are one content.
    start = min(c.left_edge.idx for c in complements)
    right = max((c.right_edge for c in complements), key=lambda t: t.i)
    end = right.idx + len(right)
    return start < quotation.start < end


def _quoted_title(tokens: Sequence[Token]) -> bool:
    """Whether a quotation is the title of a work or show named in a phrase ('on "The Morning Hour,"', 'the
    "Harbor Watch" podcast'): every word but function words capitalised, and the quotation a noun phrase
    hung on a preposition or a noun, not a clause. Titles are names, not words anyone is quoted saying."""
    inner = {t.i for t in tokens}
    words = [t for t in tokens if t.is_alpha]
    heads = [t for t in tokens if t.head.i not in inner and not t.is_punct]
    return (
        bool(words)
        and all(t.is_title or t.is_stop for t in words)
        and words[0].is_title
        and len(heads) == 1
        and heads[0].pos_ in ("PROPN", "NOUN")
        and heads[0].dep_ in ("pobj", "appos", "compound", "nmod", "poss")
    )


def _reports_elsewhere(verb: Token, quotation: Quotation, inside: list[bool]) -> bool:
    """Whether ``verb`` has an unquoted complement clause of its own outside the quotation ('"Peace first." He
    told the crowd that he wants …'): what it reports is that clause, so it is not the quotation's cue (a
    quoted clause after it is the other half of a split quotation)."""
    return any(
        child.dep_ == "ccomp"
        and not inside[child.i]
        and (child.right_edge.idx + len(child.right_edge) <= quotation.start or child.left_edge.idx >= quotation.end)
        for child in verb.rights
    )


def _sentence_ends_with_colon_before(verb: Token, quotation: Quotation) -> bool:
    """Whether ``verb``'s sentence ends with a colon right before the quotation ("X said:\n\n"…")."""
    text = _text(verb.doc)
    end = _sent(verb).end_char
    if not 0 <= quotation.start - end < 5:
        return False
    at = end
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1] == ":"


def _find_or_end(text: str, needle: str, start: int) -> int:
    found = text.find(needle, start)
    return len(text) if found < 0 else found


def _governs(verb: Token, tokens: Sequence[Token]) -> bool:
    """Whether ``verb`` is a syntactic ancestor of a token of the quotation."""
    return any(verb in t.ancestors for t in tokens)


def _governs_closely(verb: Token, tokens: Sequence[Token]) -> bool:
    """Whether a short quotation is the verb's own complement: its head is the verb or one
    word below it ('called it "reckless"', 'described it as "a disgrace"'), not a word deep
    in a phrase the verb governs ('his lawsuits against so-called "sanctuary" policies')."""
    inside = {t.i for t in tokens}
    heads = [t.head for t in tokens if t.head.i not in inside]
    return any(h.i == verb.i or h.head.i == verb.i for h in heads)


def _cue_right_after(doc: Doc, quotation: Quotation, verb: Token) -> bool:
    """Whether a short quoted utterance (ending in its own punctuation) is followed by its cue
    with only the speaker between ('"No," she said', '"How dare you?" he asked'), however
    the parser split them."""
    if verb.idx <= quotation.end or verb.idx - quotation.end > 40:
        return False
    if _text(doc)[quotation.end - 2 : quotation.end - 1] not in (",", ".", "?", "!"):
        return False
    between = [t for t in _tokens_in(doc, quotation.end, verb.idx) if t.i != verb.i and not t.is_space]
    return 0 < len(between) <= 3 and all(t.pos_ in ("PRON", "PROPN", "DET", "NOUN") for t in between)


def _dash_speaker(doc: Doc, quotation: Quotation) -> tuple[object, Fragments | None, Fragments, Span] | None:
    """``"…" -Speaker``: a dash right after the closing mark followed by a name on the same line."""
    text = _text(doc)
    at = quotation.end
    while at < len(text) and text[at] != "\n" and text[at].isspace():
        at += 1
    if not quotation.closed or at >= len(text) or text[at] not in _DASHES:
        return None
    line_end = text.find("\n", at)
    line_end = min(len(text) if line_end < 0 else line_end, at + 150)
    span = doc.char_span(at + 1, line_end, alignment_mode="expand")
    if span is None:
        return None
    speaker = _trim(span)
    if speaker is None or len(speaker) > 12 or not any(t.pos_ == "PROPN" for t in speaker):
        return None
    if not speaker.text.lstrip(_DASHES)[:1].isupper() or any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in speaker):
        return None  # a name line, not an apposition ("— a description the mayor rejected")
    start = max(speaker.start_char, at + 1)
    while text[start] in _DASHES or text[start].isspace():
        start += 1
    return ("dash", at), ((start, speaker.end_char),), ((at, at + 1),), speaker


def _colon_speaker(
    doc: Doc, quotation: Quotation, inside: list[bool]
) -> tuple[object, Fragments | None, Fragments, Span] | None:
    """``X: "…"`` and ``From X: "…"``: a short name phrase and a colon right before the quotation."""
    text = _text(doc)
    at = quotation.start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    if at == 0 or text[at - 1] != ":":
        return None
    colon = at - 1
    line_start = max(text.rfind("\n", 0, colon) + 1, colon - 150)
    span = doc.char_span(line_start, colon, alignment_mode="contract")
    if span is None or not len(span):
        return None
    # Only the clause right before the colon: after the last sentence boundary inside the line.
    start = span.start
    for token in span:
        if token.is_sent_start or token.text in ".;!?":
            start = token.i + (0 if token.is_sent_start else 1)
    phrase = doc[start : span.end]
    if phrase and phrase[0].lower_ == "from":
        phrase = doc[phrase.start + 1 : phrase.end]
    trimmed = _trim(phrase) if len(phrase) else None
    if trimmed is None or len(trimmed) > 10 or any(t.pos_ in ("VERB", "AUX") for t in trimmed):
        return None
    phrase = trimmed
    if not any(t.pos_ == "PROPN" or t.ent_type_ in _SPEAKER_LABELS for t in phrase):
        return None
    if any(inside[t.i] for t in phrase):
        return None
    return ("colon", colon), _span_fragments(phrase), ((colon, colon + 1),), phrase


# --- indirect speech ---------------------------------------------------------------------


def _indirect(doc: Doc, verb: Token, quotes: _Quotes, inside: list[bool], people: _People) -> Attribution | None:
    """Reported speech cued by ``verb``: its complement clause, or the sentence around a parenthetical cue."""
    lemma = _lemma(verb)
    if lemma in QUOTE_ONLY_VERBS and verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children):
        return None  # "a stream called Mill Run", "the ferry, dubbed Harbor Link": naming, not saying
    if _caused(verb) or _imperative(verb) or _unasserted_gerund(verb) or _trailing_participle(verb):
        return None
    clausal = lemma in _CLAUSAL_VERBS
    after = [c for c in verb.rights if c.dep_ in _CONTENT_DEPS or (c.dep_ == "xcomp" and lemma in _INFINITIVE_VERBS)]
    relative = _relative_complement(verb, clausal)
    after = after or _medium_clause(verb) or _addressee_clause(verb) or relative
    before = [c for c in verb.lefts if c.dep_ in _CONTENT_DEPS]
    objects = [c for c in verb.children if c.dep_ == "dobj" and _said_object(verb, c)]
    if lemma in _STANCE_VERBS and not clausal:
        # "condemned what she called a gamble": the parser labels a free relative object as a clause.
        objects = objects or [c for c in verb.rights if c.dep_ == "ccomp"]
    if lemma in _STANCE_VERBS | AS_VERBS and _passive(verb):  # "He has been criticized for …": the subject is the object
        objects += [c for c in verb.children if c.dep_ == "nsubjpass" and _said_object(verb, c)]
    # "called the charges unsubstantiated": the object and what it is called.
    predicates = [c for c in verb.rights if c.dep_ in ("oprd", "xcomp") and lemma in QUOTE_ONLY_VERBS]
    preps = [
        c for c in verb.rights
        if c.lower_ in PREP_VERBS.get(lemma, ()) and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
    ]
    cue = _cue_fragments(verb)
    if clausal and after:
        # The complement's own subtree: in "which he said were false" or "what Trump says his plan
        # would do" it runs to the left of the cue clause, and the content is discontinuous.
        tokens = _clause_content(after[0])
        if relative and after == relative:  # "which supporters say improve safety"
            tokens += _relative_pronouns(verb)
        if after[0].dep_ == "xcomp":  # "urged residents to stay": the addressee belongs to the content
            tokens += [t for c in verb.rights if c.dep_ == "dobj" and c.i < after[0].i for t in c.subtree]
            # "called on residents to stay": the cue is the phrasal verb, its object the addressee
            tokens += [t for p in preps if p.i < after[0].i for g in p.children if g.dep_ == "pobj" for t in g.subtree]
            cue = _with_adjacent_prep(cue, preps)
        content = _fragments_of(doc, tokens, quotes)
    elif (clausal or _put_it(verb)) and (before or verb.dep_ == "parataxis" or _as_clause(verb)):
        if _put_it(verb):  # "as the memo put it": "put it" is the cue
            cue = ((cue[0][0], max(cue[-1][1], *(c.idx + len(c) for c in verb.rights if c.dep_ == "dobj"))),)
        clause = _cue_clause(verb)
        tokens = _without_connective([t for t in _paragraph_part(_sent(verb), verb) if t.i not in clause])
        content = _fragments_of(doc, tokens, quotes)
    elif objects:
        # "criticized the plan for its cost", "cited the audit as the reason": part of what is attributed.
        reasons = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("for", "as") and c.i > objects[0].i
                   and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)]  # not "for weeks"
        content = _fragments_of(doc, [t for c in objects[:1] + reasons[:1] for t in c.subtree], quotes)
    elif predicates:
        addressees = [g for p in preps if p.i < predicates[0].i for g in p.children if g.dep_ == "pobj"]
        first = min((c for c in verb.rights if c.dep_ == "dobj"), default=predicates[0], key=lambda c: c.i)
        if addressees:  # "called on residents to leave": the phrasal verb is the cue, its object the addressee
            first = addressees[0]
            cue = _with_adjacent_prep(cue, preps)
        content = _fragments_of(doc, doc[first.left_edge.i : predicates[0].right_edge.i + 1], quotes)
    elif preps:
        prep = preps[0]
        cue = ((cue[0][0], max(cue[-1][1], prep.idx + len(prep))),)  # "accused her of": one span
        objects_of_prep = [t for g in prep.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
        content = _fragments_of(doc, objects_of_prep, quotes)
    elif clausal and _text(doc)[cue[-1][1] - 1] == ":":
        content = _after_colon(doc, cue[-1][1])
    elif clausal and (comma := _final_cue_comma(verb)) is not None:
        # "Pilots like Tom Bell, he said.": a cue clause closing its sentence after a comma takes what precedes it.
        tokens = _without_connective([t for t in _paragraph_part(_sent(verb), verb) if t.i < comma])
        content = _fragments_of(doc, tokens, quotes)
    elif _object_gap(verb):
        # "the supplements he has promoted", "the fares endorsed by the council": the modified noun is the object.
        noun = verb.head
        content = _fragments_of(doc, doc[noun.left_edge.i : noun.i + 1], quotes)
    else:
        return None
    if not content or sum(e - s for s, e in content) < 3:
        return None
    subject = _subject(verb, inside)
    source = _span_fragments(subject) if subject is not None else None
    if source is not None and _overlaps(source, content):
        return None
    direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
    speaker = people.speaker(subject.root if subject is not None else None)
    return Attribution(source, cue, content, direct, speaker)


def _relative_pronouns(verb: Token) -> list[Token]:
    """The relative pronouns subject or object of a relative cue clause ("which" in "which riders say …")."""
    return [c for c in verb.lefts if c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "dobj")]


def _relative_complement(verb: Token, clausal: bool) -> list[Token]:
    """The clause a relative cue reports when the parser made it an infinitive-like complement: in
    "fares which riders have claimed hurt families" the relative pronoun is the cue's object
    and "hurt" its xcomp; the proposition is "which … hurt families"."""
    if not clausal or verb.dep_ != "relcl":
        return []
    relatives = _relative_pronouns(verb)
    if not relatives or not any(c.dep_ == "nsubj" and c not in relatives for c in verb.lefts):
        return []
    return [
        c for c in verb.rights
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ][:1]


def _final_cue_comma(verb: Token) -> int | None:
    """Index of the comma before a cue clause that closes its sentence with no complement ("…, pilots say.",
    "…, he said Friday."), the parser having made the words before it a second subject or a fragment."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep") for c in verb.children):
        return None
    subjects = [c for c in verb.lefts if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return None
    comma = subjects[-1].left_edge.i - 1
    between = verb.doc[subjects[-1].right_edge.i + 1 : verb.i]
    after = [t for t in verb.doc[verb.i + 1 : _sent(verb).end] if not (t.is_punct or t.is_space)]
    if comma <= _sent(verb).start or verb.doc[comma].text != "," or len(after) > 3:
        return None
    return comma if all(t.head.i == verb.i and _in_verb_group(t) for t in between) else None


def _after_colon(doc: Doc, colon_end: int) -> Fragments:
    """What a cue ending in a colon introduces ("The harbor master added:"): the rest of its line, or, when the
    colon ends the paragraph, the next paragraph (quoted text is taken by the direct-quotation rules)."""
    text = _text(doc)
    start = colon_end
    while start < len(text) and text[start] in " \t\xa0":
        start += 1
    if start < len(text) and text[start] == "\n":
        start = len(text) - len(text[start:].lstrip())
    end = _find_or_end(text, "\n", start)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,"):
        end -= 1
    if end <= start or text[start] in QUOTE_CHARS:
        return ()
    return ((start, end),)


def _caused(verb: Token) -> bool:
    """Whether ``verb`` is the bare infinitive of a causative ("let the pilots tell them", "made the ferry
    seem slow", "Let's say"): what its subject would say or seem is brought about, not reported."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("ccomp", "xcomp")
        and _lemma(verb.head) in CAUSATIVE_VERBS
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _unasserted_gerund(verb: Token) -> bool:
    """Whether ``verb`` is a gerund after "without" (a saying that did not happen: "goes without saying") or
    after "for" (a reason someone is judged for: "fined for promoting a fake pier", whose doer is not the
    clause's subject). A verb of saying with its clause after "for" is the exception: "criticized for saying
    that the pier was safe" reports what was said, by the one judged for it."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
        return False
    if verb.head.lower_ == "for":
        return not (_lemma(verb) in REPORTING_VERBS and any(c.dep_ == "ccomp" for c in verb.rights))
    return verb.head.lower_ == "without"


def _trailing_participle(verb: Token) -> bool:
    """A past participle trailing its clause with no agent, subject or auxiliary ("ruled in cases
    related to the levy", "left early, angered by nothing"): it describes, no one is reported."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBN", "VBD")  # a subjectless "VBD" here is a participle the tagger misread
        and verb.i > verb.head.i
        and not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children)
    )


def _imperative(verb: Token) -> bool:
    """Whether ``verb`` heads an imperative ("Imagine the spectacle", "Don't blame the mayor"): it addresses
    the reader, it reports no one."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)
        and all(c.lower_ in ("do", "n't", "not", "never") for c in verb.children if c.dep_ in ("aux", "neg"))
    )


def _put_it(verb: Token) -> bool:
    """Whether ``verb`` is "put it", the idiom of saying ("as the harbor master put it, …")."""
    return _lemma(verb) == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.rights)


def _medium_clause(verb: Token) -> list[Token]:
    """The "that"-clause the parser hung on the medium of a verb of saying ("said in a statement that …",
    "wrote in a letter that …"): it is the verb's complement."""
    if _lemma(verb) not in REPORTING_VERBS:
        return []
    return [
        clause
        for prep in verb.rights if prep.dep_ == "prep" and prep.lower_ == "in"
        for noun in prep.children if noun.dep_ == "pobj" and noun.lemma_.lower() in SOURCE_TEXT_NOUNS
        for clause in noun.rights
        if clause.dep_ in ("acl", "ccomp", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    ][:1]


def _addressee_clause(verb: Token) -> list[Token]:
    """The "that"-clause the parser hung on the addressee of a verb of telling, or on a phrase after it ("told
    a meeting of leaders that …", "told a protege on a regular basis that …"): VerbNet's tell frame is
    NP V NP that-S, and a clause opened by the conjunction "that" (not a relative pronoun) is no relative
    clause of the noun, so it is the verb's complement; unless the noun is a cue noun with a clause of its own."""
    if _lemma(verb) not in ADDRESSEE_VERBS or _lemma(verb) not in REPORTING_VERBS:
        return []
    return [
        clause
        for phrase in verb.rights if phrase.dep_ in ("dobj", "dative", "prep")
        for clause in phrase.subtree
        if clause.dep_ in ("acl", "ccomp", "relcl")
        and clause.head.lemma_.lower() not in NOUN_CUES  # "asked about his claim that …": the noun's own clause
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    ][:1]


def _with_adjacent_prep(cue: Fragments, preps: list[Token]) -> Fragments:
    """``cue`` widened to a preposition of its phrasal verb right after it ("called on", "pointed to")."""
    for prep in preps:
        between = prep.doc.text[cue[-1][1] : prep.idx]
        if not between.strip():
            return (*cue[:-1], (cue[-1][0], prep.idx + len(prep)))
    return cue


def _clause_content(clause: Token) -> list[Token]:
    """A complement clause's tokens, without what the parser wrongly hangs on it from the cue clause:
    a conjoined verb of saying with no subject of its own ("said it was opposed and warned X to …":
    the warning is the speaker's second statement) and a trailing participle set off by a comma
    (", implicitly putting his name on the line": the reporter's comment, not the speaker's words)."""
    doc = clause.doc
    dropped: set[int] = set()
    for child in clause.rights:
        parallel_cue = _parallel_cue(child)
        comma_before = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
        trailing_participle = child.dep_ == "advcl" and child.tag_ == "VBG" and child.left_edge.i == child.i and comma_before
        if parallel_cue or trailing_participle:
            dropped.update(t.i for t in child.subtree)
            # the "and" or comma joining it (attached to the clause, right before the dropped part)
            dropped.update(t.i for t in clause.children if t.dep_ in ("cc", "punct") and 0 < child.left_edge.i - t.i <= 2)
    return [t for t in clause.subtree if t.i not in dropped]


def _said_object(verb: Token, obj: Token) -> bool:
    """Whether ``obj`` is what ``verb`` attributes: any object of a verb of stance ("cited the report",
    "criticized him", "which critics cited": attribution corpora mark pronoun objects too), or the
    object of a verb of saying that is not the addressee ("said the same thing", "what he said")."""
    lemma = _lemma(verb)
    if lemma in _STANCE_VERBS:
        return True
    if lemma in AS_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" for c in [*verb.rights, *obj.rights] if c.i > obj.i):
        return True  # "critics see the program as a loophole": the object with what it is seen as
    return (
        lemma in REPORTING_VERBS
        and lemma not in ADDRESSEE_VERBS
        and lemma not in COGNITION_VERBS
        and obj.tag_ != "PRP"
        and obj.ent_type_ not in ("PERSON", "NORP", "ORG")
    )


def _paragraph_part(sentence: Span, anchor: Token) -> list[Token]:
    """The tokens of ``sentence`` in the same paragraph as ``anchor`` (parses can run over paragraph breaks)."""
    text = _text(sentence.doc)
    start = text.rfind("\n", 0, anchor.idx) + 1
    end = _find_or_end(text, "\n", anchor.idx)
    return [t for t in sentence if start <= t.idx < end]


def _without_connective(tokens: list[Token]) -> list[Token]:
    """A sentence's remaining tokens without the connective that opens it ("But", "However,"):
    it links the sentence to the text before, it is not part of what the source said."""
    start = 0
    while start < len(tokens) and (tokens[start].is_punct or tokens[start].is_space):
        start += 1
    if start < len(tokens) and tokens[start].dep_ == "cc":
        start += 1
    elif (
        start + 1 < len(tokens)
        and tokens[start].pos_ == "ADV"
        and tokens[start].dep_ == "advmod"
        and tokens[start + 1].text == ","
    ):
        start += 2
    return tokens[start:]


def _cue_clause(verb: Token) -> set[int]:
    """Token indices of a parenthetical or post-posed cue clause: the verb and all but its content."""
    clause = {verb.i}
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS:
            continue
        clause.update(t.i for t in child.subtree)
    return clause


def _according_to(doc: Doc, quotes: _Quotes, inside: list[bool], people: _People) -> list[Attribution]:
    """"according to X": X is the source, the rest of the sentence the content."""
    found: list[Attribution] = []
    reach = -1  # end of the content found so far: an "according to" inside it is nested (see _outermost)
    for token in doc:
        if token.lower_ != "according" or inside[token.i] or token.i + 1 >= len(doc) or token.idx < reach:
            continue
        to = doc[token.i + 1]
        if to.lower_ != "to":
            continue
        sentence = _paragraph_part(_sent(token), token)
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if objects and token.dep_ != "ROOT":
            end = objects[0].right_edge.i + 1
        else:
            # The parser missed X or hung the rest of the sentence on it ("According to Ruiz, the plan …"
            # parsed as a fragment): X runs to the first punctuation mark.
            end = next((t.i for t in sentence if t.i > to.i and t.is_punct and t.text not in QUOTE_CHARS + "-"),
                       sentence[-1].i + 1)
        source_span = _trim(doc[to.i + 1 : end])
        if source_span is None:
            continue
        phrase = {token.i, to.i} | set(range(to.i + 1, end))
        clause = _conjunct_clause(token)
        kept = [t for t in sentence if t.i not in phrase and (clause is None or t.i in clause)]
        tokens = _without_connective(kept)
        content = _fragments_of(doc, tokens, quotes)
        if not content or sum(e - s for s, e in content) < 8:
            continue
        direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
        cue = ((token.idx, to.idx + len(to)),)
        source = _span_fragments(source_span)
        found.append(Attribution(source, cue, content, direct, people.speaker(source_span)))
        reach = max(reach, content[-1][1])
    return found


def _conjunct_clause(token: Token) -> set[int] | None:
    """The token indices of the conjoined clause a phrase belongs to, when it is the second of two
    with its own subject ("The board asked for the records, but according to the union the deadline
    passed"): the phrase attributes that clause only. None when it modifies the first or only clause."""
    verb = token.head
    while verb.dep_ not in ("conj", "ROOT") and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if not finite or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None  # "stood at 200,000 and has since exploded": one subject, one clause
    return {t.i for t in verb.subtree}


def _in_source(doc: Doc, quotes: _Quotes, inside: list[bool]) -> list[Attribution]:
    """"In the latest poll, Ruiz leads by five points": a poll, study, report or statement named in an
    "in" phrase of a clause (not of a verb of saying, whose own rule applies) is the source of the rest of
    the sentence, "in" its cue."""
    found = []
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep" or inside[token.i]:
            continue
        head = token.head
        objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in RESEARCH_NOUNS]
        if not objects or head.pos_ not in ("VERB", "AUX") or _is_cue_verb(head) or head.dep_ != "ROOT":
            continue
        source_span = _trim(doc[objects[0].left_edge.i : objects[0].right_edge.i + 1])
        if source_span is None:
            continue
        phrase = {t.i for t in token.subtree}
        tokens = _without_connective([t for t in _paragraph_part(_sent(token), token) if t.i not in phrase])
        content = _fragments_of(doc, tokens, quotes)
        if not content or sum(e - s for s, e in content) < 8:
            continue
        direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
        found.append(Attribution(_span_fragments(source_span), ((token.idx, token.idx + len(token)),), content,
                                 direct, None))
    return found


def _colon_lines(doc: Doc, people: _People) -> list[Attribution]:
    """Headline and transcript form "Name: statement" without quotation marks: a short name, a colon, a line."""
    text = _text(doc)
    found = []
    for line in _COLON_LINE.finditer(text):
        head_start, head_end = line.span("head")
        body_start, body_end = line.span("body")
        words = text[head_start:head_end].split()
        if len(words) > 5 or not all(w[0].isupper() for w in words) or any(c.isdigit() for c in "".join(words)):
            continue
        if text[body_start] in QUOTE_CHARS or len(text[body_start:body_end].split()) < 4:
            continue  # quotations after a colon are direct speech, handled with the other quotations
        while body_end > body_start and text[body_end - 1] in ".;, ":
            body_end -= 1
        head = doc.char_span(head_start, head_end, alignment_mode="expand")
        if head is None or not _names_a_speaker(head):
            continue  # a section heading or page label ("Correction:", "The Latest:", "The Pier Goes Quiet:")
        speaker = people.speaker(head)
        cue = ((head_end, head_end + 1),)
        found.append(Attribution(((head_start, head_end),), cue, ((body_start, body_end),), False, speaker))
    return found


def _mistagged_verbs(doc: Doc, quotes: _Quotes, inside: list[bool], people: _People) -> list[Attribution]:
    """"Harbor board votes to delay …", "Okafor claims that …": a present-tense cue verb the tagger read as
    a plural noun heading the sentence (common in headlines and short leads). Its noun modifiers are the
    source, the rest of the sentence the content."""
    found = []
    for token in doc:
        if token.tag_ not in ("NNS", "NNPS") or token.dep_ != "ROOT" or inside[token.i]:
            continue
        word = token.lower_
        stems = {word[:-1], word[:-2], word[:-3] + "y"}  # claims, pushes, denies
        if not word.endswith("s") or not stems & _CUE_VERBS:
            continue
        lefts = list(token.lefts)
        names = [c for c in lefts if c.dep_ in ("compound", "nmod")]
        if not names or any(c.dep_ in ("det", "poss", "amod", "nummod") for c in lefts):
            continue  # "the claims", "new rules": a noun after all
        source = _trim(doc[min(c.left_edge.i for c in names) : token.i])
        tokens = [t for t in _paragraph_part(_sent(token), token) if t.i > token.i]
        content = _fragments_of(doc, tokens, quotes)
        if source is None or not content:
            continue
        direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
        cue = ((token.idx, token.idx + len(token)),)
        found.append(Attribution(_span_fragments(source), cue, content, direct, people.speaker(source)))
    return found


def _names_a_speaker(head: Span) -> bool:
    """Whether a line's head before its colon can name who speaks: not a newsroom label ("Correction:",
    "The Latest:") and no clause (a section heading such as "The Pier Goes Quiet:")."""
    return head.text.lower() not in PAGE_LABELS and not any(t.pos_ in ("VERB", "AUX") for t in head)


def _noun_cues(doc: Doc, quotes: _Quotes, inside: list[bool], people: _People) -> list[Attribution]:
    """"Trump's claim that …", "her plan to …", "his criticism of …": a cue noun, its possessor as
    source and its "that"-clause, infinitive or topic phrase as content (the preposition joins the cue)."""
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or inside[noun.i]:
            continue
        received = _received_judgment(noun, quotes, inside)
        if received is not None:
            found.append(received)
            continue
        if noun.lemma_.lower() not in NOUN_CUES:
            continue
        complement = _noun_complement(noun)
        if complement is None:
            continue
        owners = [c for c in noun.lefts if c.dep_ == "poss"]
        cue_start = noun.idx
        if owners:
            owner = _trim(doc[owners[0].left_edge.i : owners[0].right_edge.i + 1])
            if owner is None:
                continue
            # The source keeps its possessive ("Trump's"), as attribution corpora mark it; the speaker does not.
            end = owner.end
            while end > owner.start + 1 and doc[end - 1].tag_ == "POS":
                end -= 1
            speaker_head = doc[owner.start : end].root
        elif noun.dep_ == "dobj" and _lemma(noun.head) in SUPPORT_VERBS:
            # "Trump made the claim that …", "the mayor issued a warning that …": the subject of the
            # support verb is the source, and the cue runs from its verb group to the noun.
            owner = _subject(noun.head, inside)
            if owner is None:
                continue
            speaker_head = owner.root
            cue_start = _cue_fragments(noun.head)[0][0]
        else:
            continue
        cue_end = complement.idx + len(complement) if complement.dep_ == "prep" else noun.idx + len(noun)
        if complement.dep_ == "prep":
            tokens = [t for g in complement.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
        else:
            tokens = list(complement.subtree)
        content = _fragments_of(doc, tokens, quotes)
        if not content:
            continue
        direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
        found.append(
            Attribution(_span_fragments(owner), ((cue_start, cue_end),), content, direct, people.speaker(speaker_head))
        )
    return found


def _adjective_cues(doc: Doc, quotes: _Quotes, inside: list[bool], people: _People) -> list[Attribution]:
    """"Graham has been critical of Trump", "Democrats are afraid that …", "he is ready to move on": an
    attitude adjective after a linking verb; the verb's subject is the source, the cue runs from the
    verb group to the adjective (and its preposition), the content is its clause or prepositional object."""
    found = []
    for adjective in doc:
        if adjective.dep_ != "acomp" or adjective.lower_ not in ATTITUDE_ADJECTIVES or inside[adjective.i]:
            continue
        linking = adjective.head
        complement = next(
            (c for c in adjective.rights if c.dep_ in ("ccomp", "xcomp")
             or (c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children))),
            None,
        )
        if complement is None:
            continue
        start = _group_start(linking)
        last = complement if complement.dep_ == "prep" else adjective
        cue = ((doc[start].idx, last.idx + len(last)),)
        if complement.dep_ == "prep":
            tokens = [t for g in complement.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
        else:
            tokens = list(complement.subtree)
        content = _fragments_of(doc, tokens, quotes)
        subject = _subject(linking, inside)
        if not content or subject is None:
            continue
        direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
        found.append(Attribution(_span_fragments(subject), cue, content, direct, people.speaker(subject.root)))
    return found


def _raising_cues(doc: Doc, quotes: _Quotes, inside: list[bool], people: _People) -> list[Attribution]:
    """"Melania seems to have vanished", "Nothing about them seems credible to me", "it appeared that …",
    "it looks like …": a verb of appearance presents its subject and complement as an impression; the
    experiencer in its "to" phrase is the source (none when there is no such phrase)."""
    found = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in RAISING_VERBS or inside[verb.i] or _caused(verb):
            continue
        complements = [c for c in verb.rights if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp", "attr")
                       or (c.dep_ == "prep" and c.lower_ in ("like", "as"))]
        if any(c.dep_ == "xcomp" and _is_cue_verb(c) for c in complements):
            continue  # "seemed to think …": one cue, the verb chain's (see _cue_fragments)
        if not complements or (lemma in LOOK_VERBS and not any(c.dep_ in ("oprd", "acomp", "prep")
                                                               for c in complements)):
            continue
        subjects = [c for c in verb.lefts if c.dep_ in _SUBJECT_DEPS and c.lower_ != "it"]
        tokens = [t for c in subjects + complements[:1] for t in c.subtree]
        content = _fragments_of(doc, tokens, quotes)
        if not content:
            continue
        experiencers = [g for c in verb.rights if c.dep_ == "prep" and c.lower_ == "to"
                        for g in c.children if g.dep_ == "pobj"]
        source = _trim(doc[experiencers[0].left_edge.i : experiencers[0].right_edge.i + 1]) if experiencers else None
        start = _group_start(verb)
        cue = ((doc[start].idx, verb.idx + len(verb)),)
        direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
        found.append(Attribution(_span_fragments(source) if source is not None else None, cue, content, direct,
                                 people.speaker(source) if source is not None else None))
    return found


def _evidential_cues(doc: Doc, quotes: _Quotes, inside: list[bool]) -> list[Attribution]:
    """"It was clear that …", "Nor is it obvious that …": an evidential adjective after an expletive "it"
    presents its clause as a judgment without a source; the cue runs from "it" (or the verb group) to the
    adjective, the content is the clause. An interrogative clause ("it is unclear whether …", "it is not
    clear what …") is an open question, a proposition no one holds, and is not attributed."""
    found = []
    for adjective in doc:
        if adjective.dep_ != "acomp" or adjective.lower_ not in EVIDENTIAL_ADJECTIVES or inside[adjective.i]:
            continue
        linking = adjective.head
        expletive = next((c for c in linking.children if c.dep_ == "nsubj" and c.lower_ == "it"), None)
        clause = next((c for c in linking.rights if c.dep_ == "ccomp" and c.i > adjective.i), None)
        if expletive is None or clause is None or _interrogative(clause):
            continue
        start = min(expletive.i, _group_start(linking))
        cue = ((doc[start].idx, adjective.idx + len(adjective)),)
        content = _fragments_of(doc, list(clause.subtree), quotes)
        if content:
            direct = all(quotes.fragment_at(s) == (s, e) for s, e in content)
            found.append(Attribution(None, cue, content, direct, None))
    return found


def _received_judgment(noun: Token, quotes: _Quotes, inside: list[bool]) -> Attribution | None:
    """"The council faced sharp criticism for the fare rise", "Voss drew criticism from pilots": a noun of
    judgment received by the subject of its verb. The judgment (with its adjectives and "for") is the cue,
    what it is for, else the one judged, the content, and a "from" phrase the source."""
    verb = noun.head
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in JUDGMENT_NOUNS or _lemma(verb) not in RECEIVING_VERBS:
        return None
    doc = noun.doc
    reasons = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "for"]
    reasons += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "for" and c.i > noun.i]
    judges = [g for c in [*noun.rights, *verb.rights] if c.dep_ == "prep" and c.lower_ == "from"
              for g in c.children if g.dep_ == "pobj"]
    start = next((c.i for c in noun.lefts if c.dep_ == "amod"), noun.i)
    end = noun.i + 1
    if reasons:
        tokens = [t for g in reasons[0].children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
        end = reasons[0].i + 1 if reasons[0].i == noun.i + 1 else end
    else:
        subject = _subject(verb, inside)
        tokens = list(subject) if subject is not None else []
    content = _fragments_of(doc, tokens, quotes)
    if not content:
        return None
    source = _span_fragments(doc[judges[0].left_edge.i : judges[0].right_edge.i + 1]) if judges else None
    cue = ((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),)
    return Attribution(source, cue, content, False, None)


def _interrogative(clause: Token) -> bool:
    """Whether a complement clause is an embedded question: opened by "whether"/"if" or a wh-word."""
    first = clause.left_edge
    return first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB")


def _noun_complement(noun: Token) -> Token | None:
    """What a cue noun attributes: its "that"-clause, its infinitive ("plan to cut taxes") or its
    topic phrase ("criticism of the plan", "questions about the deal"), in that order."""
    rights = list(noun.rights)
    for child in rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
            return child
    for child in rights:
        if child.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return child
    for child in rights:
        if (
            child.dep_ == "prep"
            and child.lower_ in NOUN_TOPIC_PREPOSITIONS
            and any(g.dep_ in ("pobj", "pcomp") for g in child.children)
        ):
            return child
    return None


# --- spans -------------------------------------------------------------------------------


def _passive(verb: Token) -> bool:
    """A passive verb, or a past participle modifying the noun it is said of ("the plan backed by the union")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _object_gap(verb: Token) -> bool:
    """Whether ``verb`` modifies, as a relative clause or past participle, the noun that is its object."""
    if _lemma(verb) not in _STANCE_VERBS or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    return verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _as_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a parenthetical "as" clause ("As experts have pointed out, the plan …")."""
    return verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ in ("mark", "prep") and c.i < verb.i
                                        for c in verb.children)


def _subject(verb: Token, inside: list[bool]) -> Span | None:
    """The subject phrase of ``verb`` (or of the clause it is conjoined or subordinate to); for a
    passive verb its agent ("was criticized by the mayor"), since its subject is not the source."""
    if _passive(verb):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not agents:
            return None
        span = _source_span(verb.doc[agents[0].left_edge.i : agents[0].right_edge.i + 1])
        return None if span is None or any(inside[t.i] for t in span) else span
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and _lemma(verb) in ADDRESSEE_VERBS and not any(
        c.dep_ in ("aux", "nsubj") for c in verb.children
    ):
        return None  # "Asked about the pier, Ruiz said …": Ruiz was asked; the asker is not named
    matrix = _matrix_of_participle(verb, inside)
    if matrix is not None:
        return _subject(matrix, inside)
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
        # '"… Total crisis mode," said Dana Holt', "Pilots like Tom Bell, he said": the parser may make a quoted
        # word or the fronted content a second subject; the speaker is the one outside quotations, nearest the verb.
        for child in sorted(subjects, key=lambda c: (inside[c.i], abs(c.i - current.i)))[:1]:
            child = _speaker_in_apposition(child, inside)
            phrase = _outside_quotations(current.doc[child.left_edge.i : child.right_edge.i + 1], child, inside)
            span = _source_span(_within_paragraph(phrase, verb))
            if span is None or any(inside[t.i] for t in span):
                return None
            return span
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "opened the meeting by announcing …": the subject of "started"
            continue
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.head.i == current.i:
            return None
        if _parallel_cue(current):
            current = current.head.head  # "X said the fares would rise and warned …": X warned
        else:
            current = current.head
    return None


def _speaker_in_apposition(subject: Token, inside: list[bool]) -> Token:
    """The speaker the parser hung on a quoted word: in '"…Trump's political vendetta," Councilwoman
    Dana Kline, who …, told the Tribune' the quotation's last noun became the subject and the name its
    apposition; a quoted subject yields to an apposition outside the quotation."""
    if not inside[subject.i]:
        return subject
    outside = [c for c in subject.children if c.dep_ == "appos" and not inside[c.i]]
    return outside[0] if outside else subject


def _matrix_of_participle(verb: Token, inside: list[bool]) -> Token | None:
    """The reporting verb whose subject a participle set off after its clause speaks for: in "Bell said he
    doubted it, arguing that …" or '"…," Ruiz said, suggesting …' the arguer is the subject of the
    outermost verb of saying before the comma, whatever the parser attached the participle to."""
    doc = verb.doc
    start = doc.char_span(*_cue_fragments(verb)[0], alignment_mode="expand")
    if start is None or (verb.tag_ != "VBG" and not any(t.tag_ == "VBG" for t in start)):
        return None
    before = start.start - 1
    if before < 1 or doc[before].text != "," or _sent(doc[before - 1]).start != _sent(verb).start:
        return None
    chain = [doc[before - 1], *doc[before - 1].ancestors]
    saying = [t for t in chain if t.pos_ == "VERB" and _lemma(t) in REPORTING_VERBS and not inside[t.i]]
    return saying[-1] if saying and saying[-1].i != verb.i else None


def _outside_quotations(phrase: Span, head: Token, inside: list[bool]) -> Span:
    """The part of ``phrase`` around ``head`` that no quotation holds: the parser may hang the quotation
    before '"…," harbor Chief Dana Holt said' on the speaker's name; the name alone is the source."""
    doc = phrase.doc
    if inside[head.i]:
        return phrase
    start, end = head.i, head.i + 1
    while start > phrase.start and not inside[start - 1]:
        start -= 1
    while end < phrase.end and not inside[end]:
        end += 1
    return doc[start:end]


def _parallel_cue(token: Token) -> bool:
    """Whether ``token`` is a subjectless verb of saying that the parser conjoined to the complement
    of another cue verb instead of to that verb ("said it would rise and warned …", "said the engine had
    failed twice and called it a normal winter")."""
    head = token.head
    lemma = _lemma(token)
    saying = lemma in REPORTING_VERBS and lemma not in COGNITION_VERBS
    naming = lemma in QUOTE_ONLY_VERBS and any(c.dep_ in ("oprd", "xcomp") for c in token.children)
    return (
        token.dep_ == "conj"
        and token.pos_ == "VERB"
        and (saying or naming)
        and not any(c.dep_ in _SUBJECT_DEPS for c in token.children)
        and head.dep_ == "ccomp"
        and _is_cue_verb(head.head)
    )


def _source_span(span: Span) -> Span | None:
    """A source phrase as attribution corpora mark it: without a participle set off by commas before
    the verb ("Ana Ruiz, speaking to dock workers, said"; one that ends the sentence or restricts the
    noun, "a report released last week", stays, and so do relative clauses, "Tomas Vell, who runs the
    ferry"), a dateline ("PORT CALDER --"), an opening adverb ("Even the union"; one grading a number stays:
    "Only 52 percent") or a possessive
    ending ("the mayor's plan"), with the closing comma, dash or bracket of an apposition it contains
    ("Phil Lovas, the campaign chairman,")."""
    if not len(span):
        return None
    doc = span.doc
    start, end = span.start, span.end
    for token in span:
        left, right = token.left_edge.i, token.right_edge.i
        set_off = left > span.start and doc[left - 1].is_punct
        closed = right + 1 < span.end and all(doc[k].is_punct for k in range(right + 1, span.end))
        if token.dep_ == "acl" and set_off and closed:
            end = min(end, left)
    start = _after_dateline(doc, start, end)
    # "Even the union" drops "Even"; "Only 52 percent", "far fewer publications" keep the word that grades a number.
    while start < end - 1 and doc[start].dep_ == "advmod" and doc[start].pos_ == "ADV" and doc[start].head.pos_ not in (
        "NUM", "ADJ"
    ):
        start += 1
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    trimmed = _trim(doc[start:end])
    if trimmed is None:
        return None
    inner = trimmed.text
    stop = trimmed.end
    while stop < end and doc[stop].is_punct:
        mark = doc[stop].text
        closes = {",": ",", ")": "(", "\u2013": "\u2013", "\u2014": "\u2014", "\u2015": "\u2015"}.get(mark)
        if closes is None or closes not in inner:
            break
        stop += 1
        break  # one closing mark: the apposition's
    return doc[trimmed.start : stop]


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Index after a dateline ("PORT CALDER --", "BAYLINE -") opening a phrase; ``start`` when there is none."""
    for k in range(start, min(end - 1, start + 6)):
        if doc[k].text.strip(_DASHES) == "" and doc[k].text:
            words = [t for t in doc[start:k] if not t.is_punct]
            if words and all(t.text.isupper() for t in words):
                return k + 1
            return start
    return start


def _within_paragraph(span: Span, anchor: Token) -> Span:
    """The part of ``span`` in ``anchor``'s paragraph (the parser may join a headline to the next line)."""
    text = _text(span.doc)
    start = text.rfind("\n", 0, anchor.idx) + 1
    end = _find_or_end(text, "\n", anchor.idx)
    tokens = [t for t in span if start <= t.idx < end]
    return span.doc[tokens[0].i : tokens[-1].i + 1] if tokens else span.doc[anchor.i : anchor.i]


def _cue_fragments(verb: Token) -> Fragments:
    """The verb with its adjacent auxiliaries, negation and adverbs ("has also said", "did not say",
    "repeatedly warned") and particle: attribution corpora mark the whole verb group as the cue."""
    doc = verb.doc
    start = _group_start(verb)
    matrix = verb.head
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.lefts))
    if infinitive and matrix.i < verb.i and verb.i - matrix.i <= 4 and not _is_cue_verb(matrix):
        # "went on to say", "appeared to suggest", "could not resist pointing out": the verb chain is one cue.
        start = _group_start(matrix)
    end = verb.i + 1
    if end < len(doc) and doc[end].head.i == verb.i and doc[end].dep_ == "prt":
        end += 1
    # "said Friday": a time word right after the verb; "said:": the colon that opens the content.
    while end < len(doc) and doc[end].head.i == verb.i and doc[end].ent_type_ in ("DATE", "TIME") and end - verb.i < 3:
        end += 1
    if end < len(doc) and doc[end].lower_ == "in" and doc[end].head.i == verb.i:
        # "said in an interview", "wrote in an email to the board": the medium is part of the cue
        for noun in doc[end].children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in INTERVIEW_NOUNS:
                phrases = [c for c in noun.rights if c.dep_ == "prep"]  # "with a reporter", not a clause
                end = (phrases[-1].right_edge.i if phrases else noun.i) + 1
    if end < len(doc) and doc[end].text == ":":
        end += 1
    return ((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),)


def _group_start(verb: Token) -> int:
    """Index of the first token of ``verb``'s group: its adjacent auxiliaries, negation and adverbs."""
    start = verb.i
    while start > 0 and verb.doc[start - 1].head.i == verb.i and _in_verb_group(verb.doc[start - 1]):
        start -= 1
    return start


def _in_verb_group(token: Token) -> bool:
    """Whether a left dependent of a cue verb belongs to its verb group: an auxiliary, a negation or a
    plain adverb ("also", "repeatedly"); not a wh-adverb, which opens a clause ("when she said")."""
    if token.dep_ in ("aux", "auxpass", "neg"):
        return True
    return token.dep_ == "advmod" and token.pos_ == "ADV" and token.tag_ == "RB"


def _trim(span: Span) -> Span | None:
    """``span`` without leading/trailing punctuation and whitespace; None when nothing is left."""
    if not len(span):
        return None
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _span_fragments(span: Span) -> Fragments:
    return ((span.start_char, span.end_char),)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _fragments_of(doc: Doc, tokens: Iterable[Token], quotes: _Quotes) -> Fragments:
    """Contiguous runs of ``tokens`` as trimmed character fragments, widened to whole quotations they cut."""
    runs: list[list[Token]] = []
    for token in _without_final_aside(sorted(tokens, key=lambda t: t.i), quotes):
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    fragments: list[tuple[int, int]] = []
    for run in runs:
        start, end = _trim_run(run)
        if start is None or end is None:
            continue
        fragment = quotes.fragment_at(start)
        if fragment is not None:
            start = min(start, fragment[0])
        fragment = quotes.fragment_at(end - 1)
        if fragment is not None:
            end = max(end, fragment[1])
        if fragments and start <= fragments[-1][1]:
            fragments[-1] = (fragments[-1][0], max(end, fragments[-1][1]))
        else:
            fragments.append((start, end))
    return tuple(fragments)


def _without_final_aside(tokens: list[Token], quotes: _Quotes) -> list[Token]:
    """``tokens`` (in order) without a final aside set off by a comma, dash or bracket: a non-restrictive
    relative clause or a participle phrase ("…, which surprised the dock workers", "…, angering commuters")
    is the reporter's comment on the content, not part of it. Quoted words are never dropped."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words) < 4:
        return tokens
    last = words[-1].i
    present = {t.i for t in tokens}
    doc = tokens[0].doc
    for token in words:
        left = token.left_edge.i
        aside = token.dep_ == "relcl" or (token.dep_ in ("acl", "advcl") and token.tag_ == "VBG")
        if not aside or token.right_edge.i != last or left - 1 not in present or left - 1 <= words[0].i:
            continue
        if doc[left - 1].text in (",", "(", "--") or doc[left - 1].text in _DASHES:
            if quotes.at(doc[left].idx) is None and quotes.at(doc[last].idx) is None:
                return [t for t in tokens if t.i < left - 1]
    return tokens


def _trim_run(run: list[Token]) -> tuple[int | None, int | None]:
    """Character bounds of a token run without edge punctuation (quotation marks are kept) and without a
    dangling conjunction at its end ("the pier repairs were not complete, and", where the parser ends a
    clause on the word that joins it to the next)."""
    lo, hi = 0, len(run)
    while lo < hi and (run[lo].is_space or (run[lo].is_punct and run[lo].text not in QUOTE_CHARS)):
        lo += 1
    while hi > lo and (
        run[hi - 1].is_space
        or (run[hi - 1].is_punct and run[hi - 1].text not in QUOTE_CHARS)
        or (run[hi - 1].tag_ == "CC" and hi - 1 > lo)
    ):
        hi -= 1
    if hi <= lo:
        return None, None
    return run[lo].idx, run[hi - 1].idx + len(run[hi - 1])


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


# --- speakers ----------------------------------------------------------------------------


def _group_kind(span: Span) -> str:
    """"org" (organisations and places: "it" or "they"), "group" (nationalities and parties, plural
    noun phrases: "they")."""
    if span.label_ in ("ORG", "GPE"):
        return "org"
    return "group"


#: Relations that put a word in a modifier of a phrase, not in its head: "a copy reviewed by the
#: Ledger" (``acl``, ``agent``, ``pobj``), "a spokesman for the mayor" (``prep``).
_MODIFIER_DEPS = frozenset({"prep", "pobj", "agent", "acl", "relcl", "advcl", "poss"})


def _in_modifier(token: Token, root: Token) -> bool:
    """Whether ``token`` sits in a modifier of ``root``'s phrase (a prepositional phrase, a participle
    or relative clause, a possessor), so it names someone other than the phrase's referent."""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in _MODIFIER_DEPS:
            return True
        token = token.head
    return False


def _described_person(root: Token) -> str | None:
    """An unnamed person source as its description ("A spokesman for the mayor", "Police"): the
    noun with its left modifiers and a "for"/"of"/"at"/"with"/"from" phrase right after it, so a
    reader still sees whose voice it is; None when the noun is not one for a person."""
    if root.pos_ != "NOUN" or not (is_title_word(root) or names_a_person(root)):
        return None
    end = root.i + 1
    following = next(root.rights, None)
    if following is not None and following.dep_ == "prep" and following.lower_ in _DESCRIPTION_PREPOSITIONS:
        end = following.right_edge.i + 1
    return root.doc[root.left_edge.i : end].text


def _from_given_names(name: Span) -> Span:
    """``name`` from the given names right before its last word on ("Port Calder Mayor Renata Okafor" ->
    "Renata Okafor"); unchanged when no given name precedes the last word."""
    start = name.end - 1
    while start > name.start and given_name_gender(name.doc[start - 1]) is not None:
        start -= 1
    return name if start == name.end - 1 else name.doc[start : name.end]


class _People:
    """The named people and organisations of one Doc, indexed once for speaker resolution."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.ents = {i: ent for ent in doc.ents if ent.label_ in _SPEAKER_LABELS for i in range(ent.start, ent.end)}
        self.persons = sorted(
            [ent for ent in doc.ents if ner_label(ent.text, ent.label_) == "PERSON"] + self._untagged_names(),
            key=lambda e: e.start,
        )
        self.full_names: dict[str, list[Span]] = {}  # last word -> multi-word PERSON mentions
        for ent in self.persons:
            if len(ent) > 1:
                self.full_names.setdefault(ent[-1].text, []).append(ent)
        self._speaking_words = {
            t.text for t in doc if t.dep_ in _SUBJECT_DEPS and _lemma(t.head) in REPORTING_VERBS
        }
        # Antecedents for "he"/"she": only mentions that look like people, not NER slips on capitalised words.
        self.people = [ent for ent in self.persons if self._plausible_person(ent)]
        self._people_ends = [ent.end for ent in self.people]
        # Antecedents for "they"/"it": organisations, places, groups and plural subject noun phrases.
        self.groups = sorted(
            [ent for ent in doc.ents if ent.label_ in ("ORG", "GPE", "NORP")] + self._plural_subjects(),
            key=lambda e: e.start,
        )
        self._group_ends = [ent.end for ent in self.groups]

    def _untagged_names(self) -> list[Span]:
        """Subject proper-noun runs the NER missed that contain a known given name ("Mayor Renata Okafor")."""
        names = []
        for token in self.doc:
            if token.dep_ not in _SUBJECT_DEPS or token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
                continue
            start = token.i
            while start > max(token.i - 8, 0) and self.doc[start - 1].pos_ == "PROPN":
                start -= 1
            name = _from_given_names(self.doc[start : token.i + 1])
            if name.start == token.i or ner_label(name.text, "PERSON") != "PERSON":
                continue  # only runs with a given name: titles and places ("St. Brendan's") are not people
            titled = name.start > 0 and is_title_word(self.doc[name.start - 1])
            if any(t.ent_type_ for t in name) and not titled:
                continue  # "Sunshine Beach" stays a place; "Mayor Renata Okafor" mislabelled GPE is a person
            names.append(name)
        return names

    def _plural_subjects(self) -> list[Span]:
        """Plural common-noun subjects ("harbor officials", "the board and the union"): antecedents for "they"."""
        found = []
        for token in self.doc:
            if token.dep_ not in _SUBJECT_DEPS or token.pos_ != "NOUN" or token.ent_type_:
                continue
            conjoined = [c for c in token.rights if c.dep_ == "conj"]
            if token.tag_ == "NNS" or conjoined:
                end = conjoined[-1].i if conjoined else token.i
                span = _trim(self.doc[token.left_edge.i : end + 1])
                if span is not None:
                    found.append(span)
        return found

    def _plausible_person(self, ent: Span) -> bool:
        """Whether a PERSON mention looks like a person: capitalised words and a title before or in it, a
        given name before a surname, or a name that is the subject of a verb of saying in the article
        (as a bare surname, through the full name it shortens)."""
        words = [t for t in ent if t.is_alpha]
        if not words or not all(t.text[:1].isupper() for t in words):
            return False
        if (ent.start > 0 and is_title_word(self.doc[ent.start - 1])) or any(is_title_word(t) for t in ent[:-1]):
            return True
        name = self.full_span(ent)
        given = name[:-1] if len(name) > 1 else name  # a lone word may be a first name ("Rowan")
        if any(given_name_gender(t) is not None for t in given):
            return True
        return name[-1].text in self._speaking_words

    def full_span(self, ent: Span) -> Span:
        """A multi-word name as given; a bare surname as the nearest full name before it.

        ("Okafor" -> "Renata Okafor"; with two people of one surname, the one named last.)
        """
        candidates = self.full_names.get(ent[-1].text, []) if len(ent) == 1 else []
        if not candidates:
            return ent
        before = [c for c in candidates if c.start < ent.start]
        return before[-1] if before else candidates[0]

    def full_name(self, ent: Span) -> str:
        """The full name from its given name on, without titles the NER kept ("Mayor Ana Ruiz" -> "Ana Ruiz")
        nor the dash of a sign-off the tokenizer left on the first name (``"…" -Ana Ruiz``)."""
        return _from_given_names(self.full_span(ent)).text.lstrip(_DASHES)

    def speaker(self, head: Token | Span | None) -> str | None:
        """The name a source refers to: a named speaker's full name, or a pronoun's antecedent."""
        if head is None:
            return None
        root = head.root if isinstance(head, Span) else head
        if root.lower_ in PRONOUN_GENDER and root.pos_ == "PRON":
            antecedent = self.antecedent(root)
            return self.full_name(antecedent) if antecedent is not None else None
        if root.lower_ in GROUP_PRONOUNS and root.pos_ == "PRON":
            group = self.group_antecedent(root)
            return group.text if group is not None else None
        if root.tag_ in ("WP", "WDT") and root.head.dep_ == "relcl" and root.head.head.i != root.head.i:
            # "Jolene Pryce, who said …": the relative pronoun names the noun its clause modifies.
            return self.speaker(root.head.head)
        if any(c.dep_ == "conj" for c in root.children):
            return None  # several speakers ("Neither the parish nor Ana Paulo responded"): no one name
        candidates = [root, *(c for c in root.children if c.dep_ == "appos")]
        if isinstance(head, Span):  # a phrase without a verb ("-Sen. Jolene Pryce"): a name heading it
            candidates += [t for t in head if t.ent_type_ == "PERSON" and not _in_modifier(t, root)]
        for token in candidates:
            ent = self.ents.get(token.i)
            if ent is not None:
                return self.full_name(ent) if ent.label_ == "PERSON" else ent.text
        if root.pos_ == "PROPN":  # a name the NER missed: the run of proper nouns it ends
            start = root.i
            while start > max(root.i - 8, 0) and self.doc[start - 1].pos_ == "PROPN":
                start -= 1
            return self.full_name(self.doc[start : root.i + 1])
        return _described_person(root)

    def antecedent(self, pronoun: Token) -> Span | None:
        """Nearest PERSON before ``pronoun`` of compatible gender, preferring clause subjects (the salient ones)."""
        wanted = PRONOUN_GENDER[pronoun.lower_]
        k = bisect.bisect_right(self._people_ends, pronoun.i)
        window = [e for e in reversed(self.people[max(0, k - 50) : k]) if self.gender(e) in (None, wanted)]
        subjects = [e for e in window if e.root.dep_ in _SUBJECT_DEPS or e.root.head.dep_ in _SUBJECT_DEPS]
        for pool in (subjects, window):
            if pool:
                return pool[0]
        return None

    def group_antecedent(self, pronoun: Token) -> Span | None:
        """What "they" or "it" refers to when that is clear: the nearest organisation, place or group
        ("it": an organisation or place; "they": also a group or a plural subject) in the pronoun's
        sentence or the one before, and only when it is the one candidate there."""
        wanted = GROUP_PRONOUNS[pronoun.lower_]
        sentence = _sent(pronoun)
        earliest = _sent(self.doc[sentence.start - 1]).start if sentence.start > 0 else sentence.start
        k = bisect.bisect_right(self._group_ends, pronoun.i)
        window = [e for e in reversed(self.groups[max(0, k - 20) : k]) if e.start >= earliest]
        fitting = [e for e in window if _group_kind(e) in wanted]
        # Two different candidates in reach: not clear which one is meant.
        if not fitting or len({e.text.lower() for e in fitting}) > 1:
            return None
        return fitting[0]

    def gender(self, ent: Span) -> str | None:
        """Gender signalled by an honorific or a gendered title before the name ("Ms.", "spokesman",
        "councilwoman"), else by its full name's first name."""
        if ent.start > 0:
            before = self.doc[ent.start - 1]
            honorific = before.lower_.rstrip(".")
            if honorific in HONORIFIC_GENDER:
                return HONORIFIC_GENDER[honorific]
            if is_title_word(before) and honorific.endswith(("woman", "man")):
                return "female" if honorific.endswith("woman") else "male"
        return self._given_name_gender(self.full_span(ent))

    def _given_name_gender(self, name: Span) -> str | None:
        """Gender of the first word before the surname known as a given name."""
        for token in name[:-1]:
            gender = given_name_gender(token)
            if gender is not None:
                return gender
        return None
