"""Build the WordNet verb table the learned cue detector reads (``src/storyscope/analysis/quotes/wordnet_verbs.tsv.gz``).

Usage (build time only, with WordNet 3.0's database files installed, e.g. Debian's ``wordnet-base``):

    python scripts/build_wordnet_senses.py [--dict /usr/share/wordnet]

One line per verb lemma of WordNet (phrasal ones too: "seize_on", "weigh_in"): the lemma, its senses in
WordNet's frequency order, and per sense its relatives. A sense is its lexicographer file (supersense:
``communication``, ``cognition``, ``social``, …) with ``+c`` when one of its generic sentence frames takes a
clause ("Somebody ----s that CLAUSE", "It ----s that CLAUSE", "Somebody ----s whether INFINITIVE") and ``+i``
when one takes an infinitive ("Somebody ----s to INFINITIVE", "Somebody ----s somebody to INFINITIVE", …).
A sense's relatives are the other words of its synset and of its hypernyms up to :data:`HYPERNYM_DEPTH`
steps up ("chastise" -> "castigate", "rebuke", "criticize", …). The runtime reads only this table
(:mod:`storyscope.analysis.quotes.wordnet`), never WordNet itself.

WordNet 3.0 Copyright 2006 by Princeton University; its licence (``wordnet_LICENSE``, shipped beside the
table) permits use, copying, modification and distribution with its notice.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "src" / "storyscope" / "analysis" / "quotes" / "wordnet_verbs.tsv.gz"
#: WordNet 3.0's verb lexicographer files (lexnames(5WN)): numbers 29 to 43, in order.
VERB_LEXNAMES = (
    "body change cognition communication competition consumption contact creation emotion motion perception "
    "possession social stative weather"
).split()
FIRST_VERB_LEXFILE = 29
#: Generic verb frames (wninput(5WN)) taking a clause: 26 "Somebody ----s that CLAUSE", 29 "Somebody ----s
#: whether INFINITIVE", 34 "It ----s that CLAUSE".
CLAUSE_FRAMES = frozenset({26, 29, 34})
#: Frames taking an infinitive: 24, 25, 28, 32, 35 ("Somebody ----s (somebody) (to) INFINITIVE", …).
INFINITIVE_FRAMES = frozenset({24, 25, 28, 32, 35})
#: How many hypernym steps up a sense's relatives are collected.
HYPERNYM_DEPTH = 2


class Synset:
    """One verb synset of ``data.verb``: supersense, words, frame flags per word, hypernym offsets."""

    def __init__(self, line: str) -> None:
        fields = line.split(" | ")[0].split()
        self.supersense = VERB_LEXNAMES[int(fields[1]) - FIRST_VERB_LEXFILE]
        count = int(fields[3], 16)
        self.words = [fields[4 + 2 * k].lower() for k in range(count)]
        position = 4 + 2 * count
        pointers = int(fields[position])
        self.hypernyms = [fields[position + 2 + 4 * k] for k in range(pointers) if fields[position + 1 + 4 * k] == "@"]
        position += 1 + 4 * pointers
        self.flags: dict[str, set[str]] = {word: set() for word in self.words}
        for k in range(int(fields[position])):
            frame, word = int(fields[position + 2 + 3 * k]), int(fields[position + 3 + 3 * k], 16)
            for target in self.words if word == 0 else [self.words[word - 1]]:
                if frame in CLAUSE_FRAMES:
                    self.flags[target].add("+c")
                if frame in INFINITIVE_FRAMES:
                    self.flags[target].add("+i")


def read_synsets(path: Path) -> dict[str, Synset]:
    """Offset -> synset, for every synset of ``data.verb`` (its licence header skipped)."""
    return {line.split()[0]: Synset(line) for line in path.open(encoding="latin-1") if not line.startswith("  ")}


def relatives(offset: str, lemma: str, synsets: dict[str, Synset]) -> list[str]:
    """The words of a sense's synset (but ``lemma``) and of its hypernyms up to :data:`HYPERNYM_DEPTH` steps up."""
    found = [w for w in synsets[offset].words if w != lemma]
    level = [offset]
    for _ in range(HYPERNYM_DEPTH):
        level = [h for o in level for h in synsets[o].hypernyms]
        found += [w for o in level for w in synsets[o].words]
    return list(dict.fromkeys(found))


def table_lines(dictionary: Path) -> list[str]:
    """The table's lines: ``lemma<TAB>sense sense …<TAB>relatives|relatives|…`` (relatives comma-separated)."""
    synsets = read_synsets(dictionary / "data.verb")
    lines = []
    for line in (dictionary / "index.verb").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, offsets = fields[0].lower(), fields[-int(fields[2]) :]
        senses = [synsets[o].supersense + "".join(sorted(synsets[o].flags.get(lemma, ()))) for o in offsets]
        related = [",".join(relatives(o, lemma, synsets)) for o in offsets]
        lines.append(f"{lemma}\t{' '.join(senses)}\t{'|'.join(related)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    lines = table_lines(args.dict)
    with gzip.GzipFile(TABLE, "wb", mtime=0) as out:  # mtime 0: the same input gives the same bytes
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {TABLE} ({len(lines)} verbs, {TABLE.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
