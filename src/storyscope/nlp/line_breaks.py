"""Line breaks as sentence boundaries, before the parser decides.

Article text often puts a heading, a caption title, a byline or a list item on a line
of its own with no closing punctuation ("Harbor protest" above a photo caption). The
parser then glues that line to the next sentence. A line break followed by what can
open a sentence (a capital, a digit, a quotation mark or a bullet) starts a new
sentence here; a break followed by a lower-case word is hard wrapping inside a
sentence and is left to the parser. The parser respects boundaries set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: Characters that can open a sentence after a line break.
OPENERS = frozenset("\"'“‘«•*–—-(")


def opens_sentence(text: str) -> bool:
    """Whether a token's text can start a sentence on a new line."""
    first = text[0]
    return first.isupper() or first.isdigit() or first in OPENERS


@Language.component("storyscope_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token of a line when it can open a sentence.

    The token after it is marked as not starting one: given a preset boundary, the small
    English parser otherwise tends to cut the line's first word off as a sentence of its own.
    """
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0 and opens_sentence(token.text):
            token.is_sent_start = True
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = False
        after_break = "\n" in token.whitespace_
    return doc
