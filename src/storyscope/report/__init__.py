"""Reports: a self-contained HTML page, Markdown, and JSON, from one StoryAnalysis.

Each section has its own template pair in ``templates/sections/<name>.{html,md}.j2``;
a section is rendered only when it was built. Every value that comes from an
article is escaped: HTML by Jinja's autoescape, Markdown by a finalize hook that
escapes every expression.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, TemplateNotFound, select_autoescape
from markupsafe import Markup

from storyscope.model import StoryAnalysis

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(value: object) -> str:
    """Escape Markdown and inline-HTML syntax in article-derived text.

    Already-rendered Markdown (section bodies) is passed as :class:`Markup` and kept.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = str(value).replace("\r", " ").replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _environment(fmt: str) -> Environment:
    loader = PackageLoader("storyscope.report", "templates")
    if fmt == "html":
        env = Environment(loader=loader, autoescape=select_autoescape(default=True, default_for_string=True))
    else:
        env = Environment(loader=loader, autoescape=False, finalize=md_escape)
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.filters["words"] = lambda text: len(str(text).split())
    env.tests["web_url"] = lambda url: isinstance(url, str) and url.lower().startswith(("http://", "https://"))
    return env


#: Sources that name no one on their own: a summary sentence quoting "she said" says who she is.
_PRONOUN_SOURCES = frozenset({"he", "she", "they", "who", "his", "her", "their"})


def pronoun_speakers(analysis: StoryAnalysis) -> list[list[tuple[str, str]]]:
    """For each summary sentence, the ``(pronoun, speaker)`` pairs of the attributions inside it
    whose source is a pronoun the quotes section resolved to a person the sentence does not name
    ("she" -> "Renata Okafor"): a sentence lifted out of its article loses its antecedent."""
    quotes = analysis.quotes or []
    pairs: list[list[tuple[str, str]]] = []
    for item in analysis.summary or []:
        found: list[tuple[str, str]] = []
        for quote in quotes:
            source = quote.source
            if quote.article_id != item.article_id or source is None or quote.speaker is None:
                continue
            inside = all(item.start <= s and e <= item.end for s, e in source.spans)
            named = quote.speaker.split()[-1] in item.text
            if inside and source.text.lower() in _PRONOUN_SOURCES and not named:
                if (source.text, quote.speaker) not in found:
                    found.append((source.text, quote.speaker))
        pairs.append(found)
    return pairs


def _view(analysis: StoryAnalysis) -> dict[str, Any]:
    """What every template gets besides the analysis: labels and summary counts."""
    labels = {a.id: a.label for a in analysis.articles}
    # Two articles from one outlet still need distinct column labels.
    counts = Counter(labels.values())
    seen: Counter[str] = Counter()
    for article in analysis.articles:
        label = labels[article.id]
        if counts[label] > 1:
            seen[label] += 1
            labels[article.id] = f"{label} ({seen[label]})"
    dates = sorted(a.published for a in analysis.articles if a.published)
    return {
        "a": analysis,
        "labels": labels,
        "unique": [a for a in analysis.articles if a.duplicate_of is None],
        "date_range": (dates[0], dates[-1]) if dates else None,
        "outlet_count": len({a.outlet or a.id for a in analysis.articles if a.duplicate_of is None}),
        "summary_speakers": pronoun_speakers(analysis),
    }


def render(analysis: StoryAnalysis, fmt: str) -> str:
    """The report as a string in ``fmt`` (html, md or json)."""
    if fmt == "json":
        return json.dumps(analysis.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    env = _environment(fmt)
    view = _view(analysis)
    sections = []
    for name in analysis.sections:
        try:
            template = env.get_template(f"sections/{name}.{fmt}.j2")
        except TemplateNotFound:
            continue  # a section with nothing to show a reader (e.g. raw sentences)
        sections.append({"name": name, "body": Markup(template.render(**view))})
    return env.get_template(f"report.{fmt}.j2").render(sections=sections, **view)


def format_for(path: str | Path) -> str:
    """Report format from an output path's suffix (HTML when there is none)."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return "html"
    if suffix not in FORMATS:
        raise ValueError(f"unknown report format '{suffix}' (use .html, .md or .json)")
    return FORMATS[suffix]


def write_report(analysis: StoryAnalysis, path: str | Path) -> Path:
    """Render to ``path`` in the format its suffix names; written atomically."""
    out = Path(path)
    content = render(analysis, format_for(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(out)
    return out
