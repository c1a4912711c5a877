"""Framing: the words and phrases each outlet uses distinctively, its tone, whom it quotes.

Distinctive terms are found with the log-odds ratio with an informative Dirichlet prior
of Monroe, Colaresi & Quinn (2008, "Fightin' Words", *Political Analysis* 16(4)): an
outlet's own-voice term counts are compared with those of the story's other outlets,
smoothed by a prior proportional to the term's frequency in the background and weighing
a tenth of the story, and each term gets the z-score of its log-odds difference. The
background is the corpus when the story is analysed with a store (every article framed
with that store so far, this story included: a term the whole corpus uses often is
smoothed more), else the story itself. Terms are words, bigrams and noun chunks. Words inside direct
quotes are the quoted speaker's, not the outlet's: they are counted apart
(``quoted_count``) and left out of the comparison and of the own-voice tone.

The output is evidence (terms, z-scores, counts, offsets, tone scores); it passes no
verdict on any outlet.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from spacy.tokens import Doc

from storyscope.analysis.lexicon import REPORTING_LEMMAS, loaded_lexicon, vader_analyzer
from storyscope.analysis.registry import Background, StoryContext, TermCorpus, register_section
from storyscope.model import Article, DistinctiveTerm, Mention, OutletFraming, QuotedSpeaker, Tone

#: Total pseudo-count of the informative prior (Monroe et al.'s alpha_0), as a share of the
#: story's own-voice term count: the prior weighs as a tenth of the story, whatever its size.
PRIOR_SCALE = 0.1
#: Terms reported: z at least this (one-sided 95%: the question is "more than the others"),
#: used at least MIN_COUNT times in the outlet's own voice.
MIN_Z = 1.645
MIN_COUNT = 2
MAX_TERMS = 15
#: Longest noun chunk kept as a phrase, in tokens.
MAX_CHUNK_TOKENS = 5

Occurrence = tuple[str, int, int]


@dataclass(frozen=True)
class QuoteView:
    """What framing needs of one attributed quote: where its words are and who said them."""

    article_id: str
    speaker: str | None
    direct: bool
    spans: tuple[tuple[int, int], ...]


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def story_quotes(context: StoryContext) -> list[QuoteView]:
    """The attribution section's quotes, when it was built (its ``quotes`` items), else none.

    Each item has ``article_id``, ``direct``, ``content`` ``{"text", "spans"}`` and ``speaker``,
    the resolved speaker name (None when the source could not be resolved: "who", "it").
    """
    views = []
    for quote in getattr(context.analysis, "quotes", None) or []:
        content = _field(quote, "content") or {}
        speaker = _field(quote, "speaker")
        views.append(
            QuoteView(
                article_id=_field(quote, "article_id"),
                speaker=str(speaker).strip() if speaker else None,
                direct=bool(_field(quote, "direct")),
                spans=tuple((int(s), int(e)) for s, e in (_field(content, "spans") or [])),
            )
        )
    return views


def term_occurrences(doc: Doc) -> list[Occurrence]:
    """Words, bigrams and noun chunks of a text, lower-cased, with character offsets.

    A word is alphabetic, not a stop word nor a reporting verb; a bigram is two adjacent alphabetic content
    words of one sentence, neither a reporting verb ("Okafor said" is attribution, not
    framing); a noun chunk loses leading determiners and
    pronouns and is kept when it has 2 to MAX_CHUNK_TOKENS tokens. A phrase found as
    both bigram and chunk is counted once.
    """
    found: dict[tuple[str, int], int] = {}
    for token in doc:
        if token.is_alpha and not token.is_stop and token.lemma_.lower() not in REPORTING_LEMMAS:
            found[(token.lower_, token.idx)] = token.idx + len(token)
    for left, right in zip(doc[:-1], doc[1:], strict=True):
        if (
            all(t.is_alpha and not t.is_stop and t.lemma_.lower() not in REPORTING_LEMMAS for t in (left, right))
            and not right.is_sent_start
            and left.whitespace_
        ):
            found[(f"{left.lower_} {right.lower_}", left.idx)] = right.idx + len(right)
    text = doc.text  # built from the tokens on every access
    for chunk in doc.noun_chunks:
        tokens = [t for t in chunk]
        while tokens and tokens[0].pos_ in {"DET", "PRON"}:
            tokens.pop(0)
        if 2 <= len(tokens) <= MAX_CHUNK_TOKENS and all(t.is_alpha or t.text in {"-", "'s"} for t in tokens):
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            found[(text[start:end].lower(), start)] = end
    return [(term, start, end) for (term, start), end in sorted(found.items(), key=lambda x: x[0][1])]


def names_itself(term: str, article: Article) -> bool:
    """Whether every word of ``term`` is a word of the article's outlet name ("frontier daily")."""
    outlet = set((article.outlet or "").lower().split())
    return bool(outlet) and set(term.split()) <= outlet


class SpanIndex:
    """Character spans (direct quotes, names), sorted once so that lookups cost a binary search, not
    a pass over every quote: an article with thousands of quotes stays fast."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))  # furthest end so far

    def contains(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies within one of the spans."""
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that overlap ``[start, end)``."""
        k = bisect.bisect_left(self._starts, end) - 1
        found = []
        while k >= 0 and self._reach[k] > start:
            if self.spans[k][1] > start:
                found.append(self.spans[k])
            k -= 1
        return found


def dirichlet_prior(background: Background, strength: float) -> dict[str, float]:
    """Monroe et al.'s informative prior: pseudo-counts ``alpha_w`` proportional to each
    term's background frequency, summing to ``strength`` over the background vocabulary."""
    if not background.total:
        return {}
    return {term: strength * n / background.total for term, n in background.counts.items() if n > 0}


def log_odds_z(
    counts: Counter[str], others: Counter[str], alpha: Mapping[str, float], alpha_0: float
) -> dict[str, float]:
    """Monroe et al. (2008) z-scores of ``counts`` vs ``others`` under the prior ``alpha``
    (total ``alpha_0``): terms without a prior pseudo-count are not scored."""
    n_i, n_j = sum(counts.values()), sum(others.values())
    if not n_i or not n_j:
        return {}
    scores = {}
    for term, y_i in counts.items():
        a = alpha.get(term, 0.0)
        if a <= 0:
            continue
        y_j = others[term]
        if n_i - y_i + alpha_0 - a <= 0 or n_j - y_j + alpha_0 - a <= 0:
            continue  # the term is all there is: no odds to compare
        delta = math.log((y_i + a) / (n_i + alpha_0 - y_i - a)) - math.log((y_j + a) / (n_j + alpha_0 - y_j - a))
        scores[term] = delta / math.sqrt(1 / (y_i + a) + 1 / (y_j + a))
    return scores


def mean_or_none(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def outlet_tone(doc: Doc, quoted: SpanIndex) -> Tone:
    """VADER compound over each sentence's own-voice part and over each direct quote."""
    analyzer = vader_analyzer()
    text = doc.text
    own_scores, own_words = [], []
    for sentence in doc.sents:
        chars = list(text[sentence.start_char : sentence.end_char])
        for s, e in quoted.overlapping(sentence.start_char, sentence.end_char):
            for k in range(max(s, sentence.start_char), min(e, sentence.end_char)):
                chars[k - sentence.start_char] = " "
        own = "".join(chars)
        words = [t.text for t in sentence if t.is_alpha and not quoted.contains(t.idx, t.idx + len(t))]
        if len(words) >= 3:
            own_scores.append(analyzer.polarity_scores(own)["compound"])
            own_words.extend(words)
    quoted_scores = [
        analyzer.polarity_scores(text[s:e])["compound"] for s, e in quoted.spans if text[s:e].strip()
    ]
    lexicon = loaded_lexicon()
    return Tone(
        own_voice=mean_or_none(own_scores),
        quoted_voice=mean_or_none(quoted_scores),
        own_segments=len(own_scores),
        quoted_segments=len(quoted_scores),
        own_loaded_share=round(lexicon.loaded_share(own_words), 4),
        lexicon=lexicon.name,
    )


def quoted_speakers(quotes: Sequence[QuoteView]) -> list[QuotedSpeaker]:
    """Speakers by number of quotes (direct and reported) the article gives them."""
    total: Counter[str] = Counter()
    direct: Counter[str] = Counter()
    for quote in quotes:
        if quote.speaker:
            total[quote.speaker] += 1
            direct[quote.speaker] += quote.direct
    return [QuotedSpeaker(name=n, quotes=c, direct=direct[n]) for n, c in total.most_common()]


def story_people(context: StoryContext) -> dict[str, list[tuple[int, int]]]:
    """Per article, the character spans that name a person: the mentions of the entities section's
    PERSON entities when it was built (canonicalised, so a bare surname the tagger missed counts),
    else the NER's PERSON spans."""
    people: dict[str, list[tuple[int, int]]] = defaultdict(list)
    entities = getattr(context.analysis, "entities", None)
    if entities is None:
        for article_id, doc in context.docs.items():
            people[article_id] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        return people
    for entity in entities:
        if entity.type == "PERSON":
            for mention in entity.mentions:
                people[mention.article_id].append((mention.start, mention.end))
    return people


def frame_articles(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    quotes: Sequence[QuoteView],
    corpus: TermCorpus | None = None,
    people: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> list[OutletFraming]:
    """Framing of each article against the other articles of the story.

    With ``corpus``, the story's own-voice counts are added to it first and the prior
    comes from the corpus; otherwise from the story. Terms touching ``people`` (spans that
    name a person, per article) are left out: whom an outlet names is coverage, shown by
    ``quoted_speakers`` and the entities, not word choice.
    """
    direct_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_article: dict[str, list[QuoteView]] = defaultdict(list)
    for quote in quotes:
        by_article[quote.article_id].append(quote)
        if quote.direct:
            direct_spans[quote.article_id].extend(quote.spans)
    own: dict[str, list[Occurrence]] = {}
    quoted_counts: dict[str, Counter[str]] = {}
    for article in articles:
        names = SpanIndex((people or {}).get(article.id, []))
        occurrences = [o for o in term_occurrences(docs[article.id]) if not names.overlapping(o[1], o[2])]
        spans = SpanIndex(direct_spans[article.id])
        own[article.id] = [o for o in occurrences if not spans.contains(o[1], o[2])]
        quoted_counts[article.id] = Counter(o[0] for o in occurrences if spans.contains(o[1], o[2]))
    own_counts = {aid: Counter(o[0] for o in occ) for aid, occ in own.items()}
    pooled = sum(own_counts.values(), Counter())
    if corpus is not None:
        corpus.add({a.content_hash: own_counts[a.id] for a in articles})
        background = corpus.background(pooled)
    else:
        background = Background(pooled, sum(pooled.values()), len(articles))
    strength = PRIOR_SCALE * sum(pooled.values())
    alpha = dirichlet_prior(background, strength)
    framing = []
    for article in articles:
        counts = own_counts[article.id]
        others = pooled - counts
        scores = log_odds_z(counts, others, alpha, strength)
        terms = sorted(
            (t for t, z in scores.items() if z >= MIN_Z and counts[t] >= MIN_COUNT and not names_itself(t, article)),
            key=lambda t: (-scores[t], t),
        )[:MAX_TERMS]
        text = article.text
        framing.append(
            OutletFraming(
                article_id=article.id,
                outlet=article.outlet,
                leaning=article.leaning,
                distinctive_terms=[
                    DistinctiveTerm(
                        term=term,
                        log_odds_z=round(scores[term], 3),
                        count=counts[term],
                        quoted_count=quoted_counts[article.id][term],
                        others_count=others[term],
                        mentions=[
                            Mention(article_id=article.id, start=s, end=e, text=text[s:e])
                            for t, s, e in own[article.id]
                            if t == term
                        ],
                    )
                    for term in terms
                ],
                tone=outlet_tone(docs[article.id], SpanIndex(direct_spans[article.id])),
                quoted_speakers=quoted_speakers(by_article[article.id]),
                prior_articles=background.articles,
            )
        )
    return framing


@register_section("framing")
def build_framing(context: StoryContext) -> None:
    context.analysis.framing = frame_articles(
        context.articles, context.docs, story_quotes(context), context.corpus, story_people(context)
    )
