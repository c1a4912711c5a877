"""A quotation ending in ``?`` or ``!`` does not end the sentence its cue continues.

News writes ``"How dare you?" he asked.`` and ``"Stop!" she shouted at the crew.``: the
question or exclamation mark closes the quoted utterance, but the sentence goes on with
its lower-case cue clause. The parser cuts after the mark, leaving a fragment ("he asked
during the meeting.") that the claims and the summary would then treat as a sentence.
A lower-case word right after ``?``/``!`` (and the closing quotation mark between them)
cannot open a sentence in edited prose, so no boundary is allowed there. ``.`` is left
to the parser, which already handles abbreviations and ``"…." she said``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

#: Marks that end a quoted question or exclamation.
ENDS = frozenset("?!")
#: Quotation marks that can close a quotation right after its final mark.
CLOSERS = frozenset("\"'”’»")


def continues_sentence(token: Token) -> bool:
    """Whether ``token`` is a lower-case word that follows its predecessor on the same line."""
    return token.text[:1].islower() and "\n" not in token.nbor(-1).whitespace_


@Language.component("storyscope_quoted_ends")
def join_quoted_ends(doc: Doc) -> Doc:
    """Forbid sentence starts after ``?``/``!`` (optionally closed by a quotation mark) when
    a lower-case word follows."""
    for token in doc:
        if not token.text or not set(token.text) <= ENDS:
            continue
        after = token.i + 1
        if after < len(doc) and not token.whitespace_ and doc[after].text in CLOSERS:
            after += 1
        if after < len(doc) and continues_sentence(doc[after]):
            for i in range(token.i + 1, after + 1):
                doc[i].is_sent_start = False
    return doc
