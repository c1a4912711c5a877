"""Light trimming of a sentence at clause boundaries, on its dependency parse.

Only the edges of a sentence are ever cut, so what is left is still one verbatim,
contiguous span of the source. Two kinds of piece can go:

- a *connective*: a short sentence-initial discourse word or phrase attached to the main
  verb ("But", "However,", "Meanwhile,", "So far,"), which points back to a sentence of
  its article that the summary does not show;
- a *modifier*: a sentence-initial or sentence-final adverbial, participial, relative,
  appositive or prepositional phrase of the main verb, set off by a comma, dash or
  parenthesis (", smashing the daily record", ", which ...", "Amid new threats, ...").

A piece that carries an attribution ("according to officials", ", saying ...",
", NBC added") is never cut: attributed opinion must not be presented as fact. Nor is a
condition or concession ("If Democrats win, ...", "..., although ..."): without it the
rest says something else; nor a piece that dates the event ("On Thursday, ..."): when
something happened is part of the fact. A cut
must leave the main verb, its subject, at least ``min_words`` words and no quotation
mark left open by the cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from storyscope.analysis.lexicon import REPORTING_LEMMAS

#: Dependency labels of sentence-initial pieces that only link to the previous sentence.
CONNECTIVE_DEPS = frozenset({"cc", "advmod", "intj"})
#: At most this many tokens (punctuation included) make a connective.
MAX_CONNECTIVE_TOKENS = 3
#: Dependency labels of the main verb's modifiers that can be cut at a sentence edge.
MODIFIER_DEPS = frozenset({"advcl", "acl", "relcl", "prep", "npadvmod", "appos"})
#: Punctuation that sets a modifier off from the main clause.
BOUNDARY = frozenset({",", "—", "–", "--", "(", ":"})
QUOTE_MARKS = ('"', "“", "”")
#: Subordinators of clauses that the rest of the sentence depends on for its truth.
CONDITIONAL_MARKS = frozenset(
    {"if", "unless", "although", "though", "whereas", "while", "until", "whether", "provided"}
)

Kind = Literal["connective", "modifier"]


@dataclass(frozen=True)
class Trim:
    """A piece that can be cut from one edge of a sentence: the kept span is
    ``keep_start``..``keep_end`` (character offsets into the document)."""

    kind: Kind
    edge: Literal["lead", "tail"]
    keep_start: int
    keep_end: int
    piece: Span


def attributive(piece: Span) -> bool:
    """Whether the piece names a source ("according to", a reporting verb)."""
    return any(t.lemma_.lower() in REPORTING_LEMMAS or t.lower_ == "according" for t in piece)


def conditional(piece: Span) -> bool:
    """Whether the piece is (or holds) a condition or concession ("if", "unless", "although")."""
    return any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in piece)


def dated(piece: Span) -> bool:
    """Whether the piece holds a date or time expression (by the parser's entities)."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in piece)


def balanced_quotes(text: str) -> bool:
    """Straight quotation marks are paired and curly ones open as often as they close."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def last_word(sentence: Span) -> Token:
    """The sentence's last token before its closing punctuation (closing quotes and
    brackets count as part of the words they close)."""
    k = sentence.end - 1
    while k > sentence.start and sentence.doc[k].is_punct and sentence.doc[k].text not in (*QUOTE_MARKS, ")", "’"):
        k -= 1
    return sentence.doc[k]


def leading_trims(sentence: Span) -> list[Trim]:
    """Cuttable sentence-initial pieces (at most one: the one that opens the sentence)."""
    doc, root = sentence.doc, sentence.root
    for child in root.lefts:
        if child.left_edge.i != sentence.start:
            continue
        end = child.right_edge.i + 1  # first token after the piece
        has_boundary = end < sentence.end and doc[end].text in BOUNDARY
        size = end - sentence.start + has_boundary
        if child.dep_ in CONNECTIVE_DEPS and size <= MAX_CONNECTIVE_TOKENS and (has_boundary or child.dep_ == "cc"):
            kind: Kind = "connective"
        elif child.dep_ in MODIFIER_DEPS and has_boundary and child.dep_ != "relcl":
            kind = "modifier"
        else:
            return []
        keep = doc[end + has_boundary : sentence.end]
        return [Trim(kind, "lead", keep.start_char, sentence.end_char, doc[sentence.start : end + has_boundary])]
    return []


def trailing_trims(sentence: Span) -> list[Trim]:
    """Cuttable sentence-final modifiers of the main verb (at most one: the outermost)."""
    doc, root = sentence.doc, sentence.root
    last = last_word(sentence)
    for child in root.rights:
        if child.right_edge.i != last.i or child.dep_ not in MODIFIER_DEPS:
            continue
        boundary = child.left_edge.i - 1
        if boundary <= root.i or doc[boundary].text not in BOUNDARY:
            return []
        keep_end = doc[boundary - 1].idx + len(doc[boundary - 1].text)
        return [Trim("modifier", "tail", sentence.start_char, keep_end, doc[boundary : sentence.end])]
    return []


def clause_trims(sentence: Span, min_words: int) -> list[Trim]:
    """The pieces that may be cut from ``sentence`` (see the module docstring), each
    checked on its own: attribution kept, main verb and subject kept, enough words left,
    no quotation left open."""
    root = sentence.root
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "expl")]
    trims = []
    for trim in [*leading_trims(sentence), *trailing_trims(sentence)]:
        kept = sentence.doc.text[trim.keep_start : trim.keep_end]
        inside = [t for t in (root, *subjects) if trim.keep_start <= t.idx < trim.keep_end]
        if (
            not attributive(trim.piece)
            and not conditional(trim.piece)
            and not dated(trim.piece)
            and len(inside) == 1 + len(subjects)
            and len(kept.split()) >= min_words
            and (balanced_quotes(kept) or not balanced_quotes(sentence.text))
        ):
            trims.append(trim)
    return trims
