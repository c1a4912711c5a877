"""Titles and roles an article gives a person, and when outlets' titles conflict.

Two patterns, read off the dependency parse:

- pre-name modifiers: "Port Calder Mayor Renata Okafor", "state Sen. Jolene Pryce",
  "dock worker Lena Ortiz" (compound/amod tokens attached to the name, left of it);
- appositions: "Martin Greeley, the agency's acting director" and
  "The agency's director, Martin Greeley" ("X, the Y of Z" is an apposition too).

A title's ``role`` keeps only role words (rank words such as acting/deputy/former
and the office noun), so "BEA Director" and "the BEA's director" compare equal while
"Deputy Director" and "acting director" do not.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Doc, Span, Token

from storyscope.model import Title

#: Abbreviated titles and what they stand for.
ABBREVIATIONS = {
    "sen.": "senator", "gov.": "governor", "rep.": "representative", "dep.": "deputy", "asst.": "assistant",
    "atty.": "attorney", "lt.": "lieutenant", "sgt.": "sergeant", "capt.": "captain", "col.": "colonel",
    "supt.": "superintendent", "insp.": "inspector", "pres.": "president", "sec.": "secretary",
    "amb.": "ambassador", "cmdr.": "commander", "adm.": "admiral", "gen.": "general", "rev.": "reverend",
    "dr.": "doctor", "prof.": "professor", "det.": "detective", "assemb.": "assemblymember",
}

#: Courtesy titles: stripped from names, never a role.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx.", "miss", "sir", "dame", "dr", "dr.", "prof."})

#: Words that change a role's rank or currency: "deputy director" is not "director".
RANK_WORDS = frozenset({
    "acting", "interim", "deputy", "assistant", "associate", "vice", "former", "ex", "senior", "co", "under",
    "lieutenant", "outgoing", "incoming",
})

#: Offices one person holds one of at a time: two different ones for the same person conflict.
#: (Chairs are left out: a senator or representative often chairs a committee as well.)
OFFICES = frozenset({
    "mayor", "governor", "senator", "representative", "president", "director", "secretary", "minister",
    "commissioner", "superintendent", "sheriff", "chancellor", "premier", "ambassador", "judge", "speaker",
    "treasurer", "comptroller", "councilmember", "councilman", "councilwoman", "assemblymember",
    "assemblyman", "assemblywoman", "ceo", "spokesman", "spokeswoman",
    "spokesperson", "attorney general", "general", "prime minister", "chief",
})

#: Role nouns (with OFFICES and RANK_WORDS) that make a pre-name modifier a title.
ROLE_WORDS = OFFICES | RANK_WORDS | frozenset({
    "council", "member", "attorney", "officer", "agent", "police", "fire", "professor", "doctor", "reverend",
    "pastor", "rabbi", "imam", "bishop", "cardinal", "pope", "king", "queen", "prince", "princess", "dean",
    "principal", "coach", "founder", "manager", "head", "leader", "lawmaker", "delegate", "clerk", "supervisor",
    "alderman", "marshal", "warden", "inspector", "detective", "commander", "admiral", "colonel", "captain",
    "sergeant", "lieutenant", "trooper", "spokesman", "spokeswoman", "analyst", "economist", "adviser",
    "advisor", "aide", "administrator", "justice", "magistrate", "prosecutor", "lawyer", "activist",
    "organizer", "owner", "executive", "chairman", "chairwoman", "chair", "correspondent", "reporter",
    "editor", "host", "candidate", "nominee", "whip", "majority", "minority", "strategist", "scientist", "researcher",
    "superintendent", "state", "congressman", "congresswoman", "congressmember", "envoy", "czar",
    "critic", "official", "expert", "victim", "witness", "mother", "father", "wife", "husband", "son", "daughter",
    "friend", "neighbor", "neighbour", "colleague", "ally", "rival", "veteran", "immigrant", "refugee", "mayor",
})

#: Titles whose pre-modifier names a place ("Port Calder Mayor") …
PLACE_TITLES = frozenset({
    "mayor", "governor", "senator", "representative", "sheriff", "congressman", "congresswoman", "councilman",
    "councilwoman", "councilmember", "assemblymember", "assemblyman", "assemblywoman", "premier",
})
#: … and whose pre-modifier names an organisation ("Acme Director", "CLB spokesman").
ORG_TITLES = frozenset({
    "director", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "ceo", "commissioner",
    "founder", "executive", "administrator",
})

#: Endings of nouns that name people by what they do or are (agent nouns).
PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "eer", "ier")
_MAX_TITLE_TOKENS = 10
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})


def role_word(token: Token | str) -> str:
    """Lower-case role word of a token, abbreviations expanded ("Sen." → "senator")."""
    text = (token if isinstance(token, str) else token.text).lower().replace("\u2019", "'")
    return ABBREVIATIONS.get(text, text.rstrip("."))


def is_title_word(token: Token) -> bool:
    """A token that names a role or an honorific ("Mayor", "Sen.", "spokeswoman", "Ms.")."""
    return role_word(token) in ROLE_WORDS or token.text.lower() in HONORIFICS


def names_a_person(token: Token) -> bool:
    """A role word, or a common noun shaped like one for a person ("cleaner", "resident", "activist")."""
    return role_word(token) in ROLE_WORDS or (
        token.pos_ == "NOUN" and token.lower_.endswith(PERSON_NOUN_ENDINGS) and len(token) > 4
    )


def normalise_role(tokens: list[Token]) -> str:
    """The role of a title: its rank and role words, or its head noun when it has none."""
    words = [role_word(t) for t in tokens if role_word(t) in ROLE_WORDS and role_word(t) != "state"]
    if all(w in RANK_WORDS for w in words):
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_]
        if nouns:
            words.append(nouns[-1].lemma_.lower())
    return " ".join(dict.fromkeys(words))


def _title(
    doc: Doc, tokens: list[Token], article_id: str, pattern: str, role_tokens: list[Token] | None = None
) -> Title | None:
    """A Title from a run of tokens, trimmed of determiners and punctuation at the ends; its
    role from ``role_tokens`` when given (the office without its organisation)."""
    while tokens and (tokens[0].pos_ in ("DET", "PUNCT") or tokens[0].text.lower() in HONORIFICS):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ == "PUNCT" and not tokens[-1].text.endswith("."):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > _MAX_TITLE_TOKENS:
        return None
    role = normalise_role(role_tokens or tokens)
    if not role:
        return None
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return Title(
        article_id=article_id, start=span.start_char, end=span.end_char, text=span.text, role=role,
        pattern=pattern,  # type: ignore[arg-type]
    )


def pre_name_title(doc: Doc, name_start: int, name_end: int, article_id: str) -> Title | None:
    """The title written right before a name: modifiers attached to the name, left of it.

    The run must end in a role word or a noun for a person ("dock worker"), so a place
    or organisation alone ("Bayline's Theo Marchetti") is not a title.
    """
    first = name_start
    attached = set(range(name_start, name_end))
    i = name_start - 1
    while i >= 0 and name_start - i <= _MAX_TITLE_TOKENS and not doc[i + 1].is_sent_start:
        token = doc[i]
        if token.pos_ not in _NAME_POS or token.ent_type_ == "PERSON" or "\n" in token.whitespace_:
            break
        if token.dep_ not in ("compound", "amod", "nmod") or token.head.i not in attached:
            break
        attached.add(i)
        first = i
        i -= 1
    tokens = list(doc[first:name_start])
    if not tokens or not (is_title_word(tokens[-1]) or names_a_person(tokens[-1])):
        return _office_of_title(doc, name_start, article_id)
    return _title(doc, tokens, article_id, "pre-name")


def _office_of_title(doc: Doc, name_start: int, article_id: str) -> Title | None:
    """A title with its organisation right before the name: "acting director of
    the Border Enforcement Agency Martin Greeley", "chair of the Port Authority Mira Okafor".

    The parser attaches such runs in many ways, so this reads the surface: an organisation
    or place entity ending at the name, "of" (and a determiner) before it, and a role word
    (with its left modifiers) before that.
    """
    i = name_start - 1
    while i >= 0 and doc[i].ent_type_ in ("ORG", "GPE") and not doc[i + 1].is_sent_start:
        i -= 1
    if i == name_start - 1 or i < 1:
        return None
    if doc[i].pos_ == "DET":
        i -= 1
    if i < 1 or doc[i].lower_ != "of" or not is_title_word(doc[i - 1]):
        return None
    head = doc[i - 1]
    first = head.i
    while first > 0 and doc[first - 1].dep_ in ("amod", "compound") and doc[first - 1].head.i == head.i:
        first -= 1
    return _title(doc, list(doc[first:name_start]), article_id, "pre-name", list(doc[first : head.i + 1]))


def _noun_phrase(head: Token, exclude: range) -> list[Token]:
    """A title noun phrase: the head's left modifiers, the head, and an "of/for/at" complement."""
    indices = {t.i for left in head.lefts for t in left.subtree}
    indices.add(head.i)
    for right in head.rights:
        if right.dep_ == "prep" and right.lower_ in ("of", "for", "at", "with"):
            indices.update(t.i for t in right.subtree)
    indices -= set(exclude)
    if not indices:
        return []
    lo, hi = min(indices), max(indices)
    tokens = []
    for token in head.doc[lo : hi + 1]:
        if token.i > head.i and token.is_punct and token.text in ",;:":
            break
        tokens.append(token)
    return tokens


def appositive_titles(doc: Doc, span: Span, article_id: str) -> list[Title]:
    """Titles in appositions to a name: "Name, the Y of Z" and "The Y, Name"."""
    root = span.root
    heads = [c for c in root.rights if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < span.start:
        heads.append(root.head)
    titles = []
    for head in heads:
        if not names_a_person(head) and not is_title_word(head):
            continue
        title = _title(doc, _noun_phrase(head, range(span.start, span.end)), article_id, "apposition")
        if title is not None:
            titles.append(title)
    return titles


#: Rank words that only date a title.
PAST_RANKS = frozenset({"former", "ex"})


def _rank_and_office(role: str) -> tuple[frozenset[str], str]:
    words = role.split()
    return frozenset(w for w in words if w in RANK_WORDS), " ".join(w for w in words if w not in RANK_WORDS)


def titles_conflict(first: Title, second: Title) -> bool:
    """Incompatible titles: same office with a different rank ("director" / "deputy director"),
    or two different offices ("mayor" / "governor") neither of which is marked former.

    "former president" / "president" is no conflict: articles written at different times
    both state it rightly."""
    rank_a, office_a = _rank_and_office(first.role)
    rank_b, office_b = _rank_and_office(second.role)
    if office_a == office_b:
        return rank_a - PAST_RANKS != rank_b - PAST_RANKS
    if PAST_RANKS & (rank_a | rank_b):
        return False
    return office_a in OFFICES and office_b in OFFICES


def conflicting_titles(titles: list[Title]) -> list[Title]:
    """Titles that conflict with a title another article gives the same entity."""
    found: dict[tuple[str, int], Title] = {}
    for first, second in combinations(titles, 2):
        if first.article_id != second.article_id and titles_conflict(first, second):
            for title in (first, second):
                found[(title.article_id, title.start)] = title
    return sorted(found.values(), key=lambda t: (t.article_id, t.start))
