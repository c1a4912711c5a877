"""The published JSON Schema of StoryAnalysis (``docs/storyanalysis.schema.json``).

Regenerate with ``python -m storyscope.model.schema > docs/storyanalysis.schema.json``
(``make schema``); a test fails when the published file and the model disagree.
"""

from __future__ import annotations

import json
from typing import Any

from storyscope.model.analysis import CORE_KEYS, SCHEMA_VERSION, StoryAnalysis


def story_analysis_schema() -> dict[str, Any]:
    schema = StoryAnalysis.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://storyscope.example/schema/storyanalysis-{SCHEMA_VERSION}.json"
    # Unbuilt sections are omitted from the JSON, never null: say so in the schema.
    for name in StoryAnalysis.model_fields:
        prop = schema["properties"].get(name, {})
        if name in CORE_KEYS or "anyOf" not in prop:
            continue
        prop["anyOf"] = [option for option in prop["anyOf"] if option.get("type") != "null"]
        prop.pop("default", None)
    return schema


if __name__ == "__main__":
    print(json.dumps(story_analysis_schema(), indent=2, ensure_ascii=False))
