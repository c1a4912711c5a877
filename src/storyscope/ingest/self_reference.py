"""The outlet an article names as itself, for text that arrives without metadata.

A bare text file has no publisher field, but news copy often names its own newsroom in
fixed phrases: "did not return a request for comment from the Calder Ledger",
"did not respond to a Bayline request for comment", "told Coastline Wire senior reporter
Ana Ruiz", "Copyright 2024 Frontier Daily". Those phrases name the outlet that asked,
interviewed or owns the text, which is the article's own outlet. A phrase that merely
reports someone else's interview ("Voss told the Harbor Tribune") is not one of them:
only the newsroom's own requests, its staff by title and its copyright line count.

The name is taken as written (capitalised words, with "of", "and", "&" between them);
the user's outlet table, when given, maps it to the table's name and leaning.
"""

from __future__ import annotations

import re
from collections import Counter

_TITLE_WORDS = (
    "Senior|Deputy|Chief|Managing|Executive|Associate|Assistant|Political|Politics|National|Foreign|Legal|"
    "Congressional|Investigative|Business|Staff|Contributing|Digital|Washington|White House"
)
_TITLE_HEADS = "Editor|Reporter|Correspondent|Writer|Host|Anchor|Columnist|Producer"
#: One capitalised word of a name that is not a newsroom title word ("Ledger", not "Editor").
_WORD = rf"(?!(?:{_TITLE_WORDS}|{_TITLE_HEADS})\b)[A-Z][A-Za-z&'’-]*"
#: A proper name: capitalised words, optionally joined by "of", "and", "&" ("Voice of America").
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:of|and|&)[ \t]+)?{_WORD}){{0,4}}"
#: A newsroom job title, in any case ("Deputy Political Editor", "senior reporter").
_TITLE = rf"(?i:(?:(?:{_TITLE_WORDS})[ \t]+)*(?:{_TITLE_HEADS}))\b"
#: The phrases in which a newsroom names itself, each with the outlet's name as group ``outlet``.
_PATTERNS = [
    re.compile(rf"\b(?i:requests?[ \t]+for[ \t]+comments?[ \t]+from[ \t]+(?:the[ \t]+)?)(?P<outlet>{_NAME})"),
    re.compile(rf"\b(?:an?|the)[ \t]+(?P<outlet>{_NAME})[ \t]+requests?[ \t]+for[ \t]+comments?\b"),
    re.compile(rf"\b(?:told|said[ \t]+to|interviewed[ \t]+by)[ \t]+(?:the[ \t]+)?(?P<outlet>{_NAME})(?:['’]s)?[ \t]+{_TITLE}"),
    re.compile(rf"(?:©|\bCopyright\b)[ \t]*(?:\([cC]\)[ \t]*)?(?:\d{{4}}[ \t]*)?(?:the[ \t]+)?(?P<outlet>{_NAME})"),
]


def outlet_named_in(text: str) -> str | None:
    """The outlet ``text`` names as its own newsroom, the most often named when several are;
    None when it names none (or two equally often: no guess)."""
    names = Counter(match.group("outlet") for pattern in _PATTERNS for match in pattern.finditer(text))
    ranked = names.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
