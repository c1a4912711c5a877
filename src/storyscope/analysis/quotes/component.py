"""The ``storyscope_attribution`` spaCy component: attributions on ``doc._.attributions``.

Add it to any ``en_core_web_*`` pipeline after the parser and NER
(``nlp.add_pipe("storyscope_attribution")``). storyscope itself restores parses from
a DocBin cache without custom extensions, so its ``quotes`` section calls
:func:`annotate` on the restored Doc: the same function the component runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyscope.analysis.quotes.attribution import Attribution, find_attributions

EXTENSION = "attributions"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


def annotate(doc: Doc) -> list[Attribution]:
    """Find the attributions of ``doc``, store them on ``doc._.attributions`` and return them."""
    attributions = find_attributions(doc)
    doc._.set(EXTENSION, attributions)
    return attributions


class AttributionComponent:
    """Pipeline component wrapper around :func:`annotate`."""

    def __call__(self, doc: Doc) -> Doc:
        annotate(doc)
        return doc


@Language.factory(
    "storyscope_attribution",
    assigns=[f"doc._.{EXTENSION}"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_attribution_component(nlp: Language, name: str) -> AttributionComponent:
    """Create the attribution component (no settings: the rules read the parse and the marks)."""
    return AttributionComponent()
