"""storyscope: one news story, many outlets, told back side by side with provenance.

Python API::

    import storyscope
    articles = storyscope.load("examples/harbor-story")
    analysis = storyscope.analyze(articles)
    print(analysis.to_json_dict()["entities"][0])
"""

from storyscope.errors import StoryscopeError
from storyscope.ingest import OutletTable, load
from storyscope.model import SCHEMA_VERSION, Article, Story, StoryAnalysis
from storyscope.pipeline import analyze, extract
from storyscope.report import render, write_report

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "OutletTable",
    "Story",
    "StoryAnalysis",
    "StoryscopeError",
    "analyze",
    "extract",
    "load",
    "render",
    "write_report",
]
