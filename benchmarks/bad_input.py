"""Bad input: every section on hostile texts, timed against the spaCy parse of the same text.

The texts are the ones the unit tests feed each section (thousands of quotation marks or
parentheses, no sentences, a single 100k-character paragraph, only quotes, floods of
weekdays, numbers or titles). For each: the parse (baseline), every section's per-article
extractor, and a whole story analysis of the text with one ordinary article. Tests check
that these inputs raise nothing and keep exact offsets; the time bounds are measured here,
never asserted in tests. Run: ``.venv/bin/python benchmarks/bad_input.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import storyscope  # noqa: E402
from storyscope.analysis.registry import SECTIONS  # noqa: E402
from storyscope.model import Article  # noqa: E402
from storyscope.nlp import load_pipeline  # noqa: E402

HOSTILE = {
    "5,000 quotation marks": '"' * 5000,
    "5,000 curly open quotes": "\u201c" * 5000,
    "no sentences (100k chars)": "x" * 100_000,
    "words, no punctuation": "word " * 20000,
    "one 100k-char paragraph": ("On Monday the council met and on March 3 it voted and last week it paused " * 1400)[
        :100_000
    ],
    "split quotes, 2,000 times": 'A very long clause, she said, "and another part" ' * 2000,
    "only quotes": "\u201cOnly a quote with no close and no speaker " * 50,
    "3,000 one-word paragraphs": "\n\n".join(["x"] * 3000),
    "weekday flood": "monday Tuesday " * 3000,
    "number flood": "1 " * 5000,
    "'more than' flood": "more than " * 5000,
    "5,000 parentheses": "(" * 5000,
    "acronym flood": "(AB) " * 3000,
    "title flood": "Mayor " * 5000,
    "punctuation only": "\u2014 ... ?! ;;",
}
ORDINARY = "Mayor Ann Lee said on Monday that the ferry would run 12 times a day."


def main() -> None:
    nlp = load_pipeline()
    nlp("Warm-up.")
    print("| input | chars | parse s (baseline) | extractors s | ratio | story analysis s | result |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, text in HOSTILE.items():
        started = time.perf_counter()
        doc = nlp(text)
        parse = time.perf_counter() - started
        article = Article(id="bad", text=text, published="2018-03-16")
        started = time.perf_counter()
        counts = {n: len(s.extract(article, doc)) for n, s in SECTIONS.items() if s.extract is not None}
        extract = time.perf_counter() - started
        started = time.perf_counter()
        analysis = storyscope.analyze(
            [{"id": "bad", "text": text, "published": "2018-03-16"}, {"id": "ok", "text": ORDINARY}]
        )
        story = time.perf_counter() - started
        found = ", ".join(f"{n} {c}" for n, c in counts.items() if c)
        print(f"| {name} | {len(text):,} | {parse:.2f} | {extract:.2f} | {extract / max(parse, 1e-3):.2f} "
              f"| {story:.2f} | {len(analysis.articles)} articles; {found or 'nothing extracted'} |")


if __name__ == "__main__":
    main()
