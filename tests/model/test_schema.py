import json

import jsonschema

import storyscope
from storyscope.model.schema import story_analysis_schema
from tests.conftest import ROOT


def test_published_schema_matches_model():
    published = json.loads((ROOT / "docs" / "storyanalysis.schema.json").read_text())
    assert published == story_analysis_schema(), "run `make schema` and commit docs/storyanalysis.schema.json"


def test_output_validates_against_schema(millbrook):
    data = storyscope.analyze(millbrook).to_json_dict()
    jsonschema.validate(data, story_analysis_schema())
    assert data["schema_version"] == storyscope.SCHEMA_VERSION
