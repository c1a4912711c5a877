"""The spaCy pipeline: loaded once by name, run once per article, parses cached as DocBin."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from storyscope.errors import Errors, StoryscopeError
from storyscope.nlp import line_breaks, quoted_ends  # noqa: F401  (register the storyscope_* components)
from storyscope.settings import default_model_name

#: Token attributes kept in cached parses: everything the analysis sections read.
DOCBIN_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the spaCy pipeline ``name`` (default: :func:`default_model_name`).

    Loaded once per process; raises :class:`StoryscopeError` with an install hint
    when the package is missing, because no model is ever downloaded at run time.
    """
    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise StoryscopeError(Errors.E019.format(name=name, detail=str(exc).splitlines()[0])) from exc
    # Long articles are legitimate input; spaCy's 1M default is a memory guard we keep
    # close to (ingest caps input size well below this).
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("storyscope_line_breaks", before="parser")
        nlp.add_pipe("storyscope_quoted_ends", before="parser")
    return nlp


def pipeline_id(nlp: Language) -> str:
    """``name-version`` of a pipeline, plus storyscope's own components: the key parses are cached under."""
    own = "".join(f"+{name.removeprefix('storyscope_')}" for name in nlp.pipe_names if name.startswith("storyscope_"))
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}{own}"


def parse(texts: Iterable[str], nlp: Language, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def doc_to_bytes(doc: Doc) -> bytes:
    """Serialise one parse for the store."""
    docbin = DocBin(attrs=DOCBIN_ATTRS, store_user_data=False)
    docbin.add(doc)
    return docbin.to_bytes()


def doc_from_bytes(data: bytes, nlp: Language) -> Doc:
    """Restore a parse stored by :func:`doc_to_bytes`, sharing ``nlp``'s vocab."""
    docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    return docs[0]
