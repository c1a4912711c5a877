"""Given names: whether a capitalised word is one, and the gender it usually signals.

Both the attribution rules (a pronoun's antecedent must fit its gender) and the entities
section (a proper-noun run the tagger missed that opens with a given name is a person) read
``gender_guesser``'s list of about 40,000 given names from many countries, bundled with it.
"""

from __future__ import annotations

from functools import lru_cache

from gender_guesser.detector import Detector
from spacy.tokens import Token

#: ``gender_guesser`` answers that say a word is a given name, by the gender they signal (None: either).
_GENDERS: dict[str, str | None] = {
    "male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female", "andy": None,
}


@lru_cache(maxsize=1)
def _detector() -> Detector:
    return Detector(case_sensitive=False)


def _guess(token: Token) -> str:
    """``gender_guesser``'s answer for a capitalised word; "unknown" for possessors ("Bayline's") and the rest."""
    doc = token.doc
    if not token.is_alpha or not token.text[0].isupper() or (token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS"):
        return "unknown"
    return str(_detector().get_gender(token.text))


def given_name_gender(token: Token) -> str | None:
    """"male" or "female" for a given name that usually signals it; None otherwise."""
    return _GENDERS.get(_guess(token))


def is_given_name(token: Token) -> bool:
    """Whether a capitalised word is a known given name, of either gender ("Baron", "Robin")."""
    return _guess(token) in _GENDERS
