"""Entities across outlets. Every text here is fictional, written for these tests."""


import pytest
from spacy.tokens import Span

import storyscope
from storyscope.analysis.entities import normalise_name, outlet_typed, story_form_mentions
from storyscope.analysis.entities.canonical import misspelt_surnames, resolve
from storyscope.analysis.entities.mentions import (
    Found,
    MentionSet,
    clean_span,
    coordination_types,
    extract_entity_mentions,
    find_acronym_definitions,
    found_mentions,
    ner_label,
    title_context_mentions,
)
from storyscope.analysis.entities.titles import titles_conflict
from storyscope.model import Article, EntityMention, Title
from tests.conftest import EXAMPLES, OUTLETS, assert_offsets_exact


def story(*texts: str):
    return storyscope.analyze(
        [{"id": f"a{i}", "outlet": f"Outlet {i}", "text": text} for i, text in enumerate(texts, 1)]
    )


def entity(analysis, canonical):
    return next(e for e in analysis.entities if e.canonical == canonical)


def mention(aid, start, text, label="PERSON", source="ner"):
    return EntityMention(article_id=aid, start=start, end=start + len(text), text=text, label=label, source=source)


def title(aid, role, text="x"):
    return Title(article_id=aid, start=0, end=len(text), text=text, role=role, pattern="pre-name")


def test_normalise_name_drops_article_possessive_and_case():
    assert normalise_name("the Justice Department’s") == normalise_name("Justice Department")
    assert normalise_name("Voss's") == "voss"


def test_misspelt_surname_maps_to_the_common_spelling():
    mentions = [mention("a", 0, "Clara Voskuil"), mention("b", 0, "Clara Voskuil"), mention("c", 0, "Voskiul")]
    mapping = misspelt_surnames(mentions, {"clara voskuil": "PERSON", "voskiul": "PERSON"})
    assert mapping["voskiul"][0] == "voskuil"


def test_similar_names_of_two_people_in_several_articles_stay_apart():
    # Both spellings recur across articles with their own first names: two people, not a typo.
    mentions = [mention("a", 0, "Anna Kahn"), mention("b", 0, "Anna Kahn"), mention("a", 20, "Peter Khan"),
                mention("c", 0, "Peter Khan")]
    assert misspelt_surnames(mentions, {"anna kahn": "PERSON", "peter khan": "PERSON"}) == {}


def test_bare_surname_goes_to_the_person_named_last_in_that_article():
    mentions = [mention("a", 0, "Tom Reyes"), mention("a", 40, "Maria Reyes"), mention("a", 90, "Reyes"),
                mention("b", 0, "Maria Reyes"), mention("b", 30, "Tom Reyes"), mention("b", 60, "Reyes")]
    keys = resolve(mentions, {}).keys
    assert keys[2] == keys[1] != keys[0]
    assert keys[5] == keys[4] == keys[0]


def test_title_conflicts_compare_rank_and_office():
    assert titles_conflict(title("a", "director"), title("b", "deputy director"))
    assert titles_conflict(title("a", "acting director"), title("b", "director"))
    assert titles_conflict(title("a", "mayor"), title("b", "governor"))
    assert not titles_conflict(title("a", "director"), title("b", "director"))
    assert not titles_conflict(title("a", "former governor"), title("b", "senator"))
    assert not titles_conflict(title("a", "council member"), title("b", "sponsor"))
    assert not titles_conflict(title("a", "representative"), title("b", "chairman"))
    assert not titles_conflict(title("a", "former president"), title("b", "president"))
    assert titles_conflict(title("a", "former deputy director"), title("b", "director"))


def test_acronym_definition_found_with_its_long_form(nlp):
    doc = nlp("Inspectors from the Harbor Safety Board (HSB) visited the pier. The HSB said it was safe.")
    (definition,) = find_acronym_definitions(doc)
    assert (definition.long.text, definition.short.text) == ("Harbor Safety Board", "HSB")


def test_acronym_defined_in_one_article_is_reused_in_another():
    analysis = story(
        "Inspectors from the Harbor Safety Board (HSB) closed Pier 9 on Monday. The HSB cited rusted beams.",
        "The pier will stay shut until the HSB signs off, the port said on Tuesday.",
    )
    board = entity(analysis, "Harbor Safety Board")
    assert board.article_ids == ["a1", "a2"] and board.type == "ORG"
    assert {a.text: a.rule for a in board.aliases}["HSB"] == "acronym"


def test_same_surname_two_people_kept_apart_and_misspelling_merged():
    analysis = story(
        "Council member Tom Reyes proposed the ferry tax on Monday. State Sen. Maria Reyes opposed it. "
        "\"We cannot afford this,\" Reyes said.",
        "Tom Reyes, the council member who wrote the tax, defended it. Maria Reyes called it a mistake.",
        "Council member Tom Reyes said the ferry needs money. Critics say Reyis ignored the cost.",
    )
    tom, maria = entity(analysis, "Tom Reyes"), entity(analysis, "Maria Reyes")
    assert tom.id != maria.id
    assert {m.article_id for m in maria.mentions if m.text == "Reyes"} == {"a1"}
    aliases = {a.text: a.rule for a in tom.aliases}
    assert aliases.get("Reyis") == "misspelling"
    assert_offsets_exact(analysis.to_json_dict())


def test_title_conflict_found_across_outlets():
    analysis = story(
        "Transit Director Omar Haddad said the buses would run on time.",
        "Deputy Director Omar Haddad said the buses might be late.",
        "Omar Haddad, the city's transit director, declined to comment.",
    )
    haddad = entity(analysis, "Omar Haddad")
    assert {t.role for t in haddad.titles} == {"director", "deputy director"}
    assert haddad.title_conflict
    assert {t.article_id for t in haddad.conflicting_titles} == {"a1", "a2", "a3"}


def test_no_title_conflict_when_outlets_agree():
    analysis = story(
        "Millbrook Mayor Clara Voss opened the bridge.",
        "Mayor Clara Voss cut the ribbon on the bridge.",
    )
    voss = entity(analysis, "Clara Voss")
    assert [t.text for t in voss.titles] == ["Millbrook Mayor", "Mayor"]
    assert not voss.title_conflict


def test_title_context_retypes_places_and_adds_names_and_acronyms(nlp):
    text = "Eastport Mayor Clara Voss spoke on Monday. Port Calder Mayor Renata Okafor and HSB Director Lena Ortiz met."
    mentions = {m.text: (m.label, m.source) for m in extract_entity_mentions(Article(id="x", text=text), nlp(text))}
    assert mentions["Eastport"] == ("GPE", "title-context")  # the tagger says ORG
    assert mentions["Renata Okafor"] == ("PERSON", "title-context")  # the tagger misses her
    assert mentions["HSB"][0] == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # The tagger calls the shop owner an organisation (the harbor example's own sentence).
        ("On Eastshore Avenue, where undocumented immigrants and citizens alike run small shops, "
         "taquería owner Héctor Ibáñez said customers have not come back.", "Héctor Ibáñez", "PERSON"),
        ("Residents told police Harbor Street was closed.", "Harbor Street", "FAC"),  # "police" names a group
    ],
)
def test_lower_case_person_noun_retypes_the_name_it_modifies(nlp, text, name, label):
    mentions = {m.text: m.label for m in extract_entity_mentions(Article(id="x", text=text), nlp(text))}
    assert mentions[name] == label


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # The tagger misses the speaker; the name opens with a given name and does what people do.
        ('"Not on my watch," quipped Baron Fellowes of the Marlow Town Board.', ["Baron Fellowes"]),
        ("THE ROSA MARSH FILES: PART TWO", []),  # a capitalised heading is nobody
    ],
)
def test_untagged_name_that_opens_with_a_given_name_and_acts_is_a_person(nlp, text, people):
    mentions = extract_entity_mentions(Article(id="x", text=text), nlp(text))
    assert [(m.text, m.source) for m in mentions if m.label == "PERSON"] == [(p, "given-name") for p in people]


def test_a_mention_of_one_of_the_story_outlets_is_an_organisation():
    outlet = EntityMention(article_id="a", start=0, end=11, text="Fenwick Post", label="PERSON")
    person = EntityMention(article_id="a", start=20, end=30, text="Nell Quarry", label="PERSON")
    outlets = {normalise_name("The Fenwick Post")}
    assert outlet_typed(outlet, outlets).label == "ORG"
    assert outlet_typed(person, outlets).label == "PERSON"


def test_honorific_possessive_and_outlet_possessive_trimmed(nlp):
    text = "Ms. Clara Voss's plan angered Omar Haddad.\n\nThe Millbrook Historical Society objected."
    mentions = extract_entity_mentions(Article(id="x", text=text), nlp(text))
    assert all(text[m.start : m.end] == m.text and m.text == m.text.strip() for m in mentions)
    assert "Clara Voss" in {m.text for m in mentions}


def test_harbor_story_entities():
    analysis = storyscope.analyze(storyscope.load(EXAMPLES, outlets=OUTLETS))
    data = analysis.to_json_dict()
    assert_offsets_exact(data)
    okafor = entity(analysis, "Renata Okafor")
    assert {a.text: a.rule for a in okafor.aliases}["Okafur"] == "misspelling"
    greeley = entity(analysis, "Martin Greeley")
    assert greeley.title_conflict and "deputy director" in {t.role for t in greeley.conflicting_titles}
    assert entity(analysis, "Alan Pryce").id != entity(analysis, "Jolene Pryce").id
    assert "BEA" in {a.text for a in entity(analysis, "Border Enforcement Agency").aliases}
    assert entity(analysis, "Coastline Wire").type == "ORG"  # an outlet of the story; the tagger says PERSON
    assert [e.id for e in analysis.entities] == [e.id for e in storyscope.analyze(analysis.articles).entities]


@pytest.mark.parametrize(
    "text",
    [
        "(AB) " * 3000, "“" * 5000, "Mayor " * 5000, ("Director Ann Lee (DAL) " * 1500).strip(), "— ... ?! ;;",
        "x" * 100_000,
    ],
)
def test_bad_input_raises_nothing_and_keeps_offsets(text):
    analysis = story(text, "Mayor Ann Lee spoke.")
    assert analysis.entities is not None
    assert_offsets_exact(analysis.to_json_dict())


def test_plural_family_name_is_not_a_misspelling():
    mentions = [mention("a", 0, "Hanna Lund"), mention("b", 0, "Hanna Lund"), mention("c", 0, "Lunds")]
    assert misspelt_surnames(mentions, {"hanna lund": "PERSON", "lunds": "PERSON"}) == {}


def test_organisation_head_noun_outvotes_a_wrong_label():
    from storyscope.analysis.entities.canonical import form_types

    mentions = [mention("a", 0, "Harbor Safety Institute", "LAW"), mention("b", 0, "Harbor Safety Institute", "LAW")]
    assert form_types(mentions)["harbor safety institute"] == "ORG"


def test_only_person_nouns_and_role_words_are_titles(nlp):
    text = ("Lena Ortiz, a dock worker, spoke first. Tom Reyes, the ferry's loudest critic, followed. "
            "Anna Berg, the council's budget plan, was not discussed.")
    mentions = extract_entity_mentions(Article(id="x", text=text), nlp(text))
    titles = {m.text: [t.text for t in m.titles] for m in mentions if m.label == "PERSON"}
    assert titles["Lena Ortiz"] == ["dock worker"] and titles["Tom Reyes"] == ["ferry's loudest critic"]
    assert titles.get("Anna Berg", []) == []


def test_organisation_name_variants_are_one_entity():
    from storyscope.analysis.entities.canonical import name_variant

    assert name_variant("u s department of transportation") == name_variant("transportation department")
    assert name_variant("federal reserve") == "federal reserve"
    mentions = [mention("a", 0, "Department of Transportation", "ORG"), mention("b", 0, "Transportation Department",
                "ORG"), mention("b", 40, "Transportation Security Administration", "ORG")]
    keys = resolve(mentions, {}).keys
    assert keys[0] == keys[1] != keys[2]


def test_a_person_name_with_a_digit_or_a_saint_is_an_organisation():
    assert ner_label("KHBR7", "PERSON") == "ORG" and ner_label("Channel 4", "PERSON") == "ORG"
    assert ner_label("St. Brendan", "PERSON") == "ORG" and ner_label("Saint Agnes", "PERSON") == "ORG"
    assert ner_label("Mira Okafor", "PERSON") == "PERSON" and ner_label("Route 9", "GPE") == "GPE"
    assert ner_label("Stella Ruiz", "PERSON") == "PERSON"


def test_title_with_its_organisation_before_the_name(nlp):
    text = "Last week, deputy chief of the Calder Police Department Dana Ruiz said the ferry would run."
    mentions = extract_entity_mentions(Article(id="t", text=text), nlp(text))
    ruiz = next(m for m in mentions if m.text == "Dana Ruiz")
    assert [(t.text, t.role) for t in ruiz.titles] == [("deputy chief of the Calder Police Department", "deputy chief")]
    assert_offsets_exact({"articles": [{"id": "t", "text": text}], "titles": [t.model_dump() for t in ruiz.titles]})


def test_short_form_of_an_organisation_named_earlier_in_the_article():
    text = ("The Harbor Gazette reported on Monday that the Calder pier would close. "
            "According to the Gazette, repairs to the pier will take a year.")
    other = "Ferry riders in Calder were told on Monday that the pier would close for repairs."
    analysis = storyscope.analyze([{"id": "a", "outlet": "Coastline Wire", "text": text},
                                   {"id": "b", "outlet": "Calder Ledger", "text": other}])
    gazette = next(e for e in analysis.entities if e.canonical == "Harbor Gazette")
    assert {(alias.text, alias.rule) for alias in gazette.aliases} >= {("Gazette", "short-form")}


def test_leading_words_before_de_or_of_are_a_short_form():
    mentions = [
        mention("a", 0, "Centro Costero de Calder", "FAC"),
        mention("a", 60, "Centro Costero", "WORK_OF_ART"),
        mention("a", 90, "Calder", "GPE"),
    ]
    resolution = resolve(mentions, {})
    assert resolution.keys[0] == resolution.keys[1] != resolution.keys[2]
    assert resolution.rules[(resolution.keys[1], "Centro Costero")] == ("short-form", None)


def test_a_photo_credit_is_not_a_person(nlp):
    doc = nlp("The pier closed.\n\nDana Roe/Coastline Photos\n\nRepairs begin Monday.")
    start = next(t.i for t in doc if t.text == "Dana")
    assert clean_span(doc, start, start + 2, "PERSON") == (start, start + 2)
    assert clean_span(doc, start, start + 5, "PERSON") is None


def test_a_name_the_tagger_cut_short_takes_the_story_form_it_begins(nlp):
    texts = {
        "a": "The Harbor Safety and Pilotage Board closed the pier on Monday.",
        "b": "Officials at the Federal Harbor Safety and Pilotage Board said repairs would take a year.",
    }
    articles = [Article(id=k, text=v) for k, v in texts.items()]
    docs = {k: nlp(v) for k, v in texts.items()}
    board = "Harbor Safety and Pilotage Board"
    per_article = {
        "a": [mention("a", texts["a"].index(board), board, "ORG")],
        "b": [mention("b", texts["b"].index("Federal"), "Federal Harbor", "ORG")],
    }
    completed = story_form_mentions(articles, docs, per_article)
    assert [m.text for m in completed["b"]] == ["Federal Harbor Safety and Pilotage Board"]
    assert all(texts["b"][m.start : m.end] == m.text for m in completed["b"])


def test_a_one_word_mention_in_a_list_takes_the_list_type(nlp):
    text = "The order covers the counties of Calder, Brill and Marrow."
    doc = nlp(text)
    spans = MentionSet(doc)
    for word, label in (("Calder", "GPE"), ("Brill", "GPE"), ("Marrow", "PERSON")):
        i = next(t.i for t in doc if t.text == word)
        spans.add(Found(i, i + 1, label))
    coordination_types(doc, spans)
    assert [f.label for f in spans.sorted()] == ["GPE", "GPE", "GPE"]
    assert spans.sorted()[-1].source == "coordination"


def test_a_word_of_a_title_is_not_a_person_of_its_own(nlp):
    text = "The plan was confirmed to Coastline Wire Deputy Harbor Editor Dana Roe on Monday."
    doc = nlp(text)
    harbor, dana = (next(t.i for t in doc if t.text == w) for w in ("Harbor", "Dana"))
    doc.ents = [Span(doc, harbor, harbor + 1, "PERSON"), Span(doc, dana, dana + 2, "PERSON")]
    mentions = extract_entity_mentions(Article(id="a", text=text), doc)
    assert [m.text for m in mentions] == ["Dana Roe"]
    assert "Harbor" in mentions[0].titles[0].text


def test_a_name_with_an_editors_bracket_keeps_both_halves(nlp):
    doc = nlp("“Since [Tomas] Vell took office, fares have doubled,” Voss said.")
    first = next(t.i for t in doc if t.text == "Tomas")
    last = next(t.i for t in doc if t.text == "Vell")
    start, end = clean_span(doc, first, last + 1, "PERSON")
    assert doc[start:end].text == "[Tomas] Vell"
    doc = nlp("“Since [Mayor Tomas] Vell took office, fares have doubled,” Voss said.")
    first = next(t.i for t in doc if t.text == "Tomas")
    last = next(t.i for t in doc if t.text == "Vell")
    start, end = clean_span(doc, first, last + 1, "PERSON")
    assert doc[start:end].text == "Vell"
    spans = MentionSet(doc)
    title_context_mentions(doc, spans)
    assert not any(doc[f.start : f.end].text == "Tomas" for f in spans.sorted())


@pytest.mark.parametrize("text", [
    "Dock workers received a text saying, “Important Notice! Ferry Service Ends At Noon in Port Calder.”",
    "Reporters asked twice: “Can the Harbor Board name a date for the new ferry?”",
    "Okafor told Calder Radio that “Nothing in the Harbor Compact stops the ferries.”",
])
def test_words_that_only_start_a_quotation_are_not_a_title(nlp, text):
    doc = nlp(text)
    assert "WORK_OF_ART" in {e.label_ for e in doc.ents}  # the tagger's error this fix is for
    assert all(f.label != "WORK_OF_ART" for f in found_mentions(doc))


@pytest.mark.parametrize(("text", "title"), [
    ("In her book “The Long Tide,” Dana Roe describes the harbor.", "Long Tide"),
    ("“The Harbor Compact is working,” Mr. Ostrander said.", "Harbor Compact"),
])
def test_a_title_that_fills_its_quotation_or_reads_as_a_name_stays(nlp, text, title):
    doc = nlp(text)
    assert (title, "WORK_OF_ART") in {(doc[f.start : f.end].text, f.label) for f in found_mentions(doc)}


@pytest.mark.parametrize("text", [
    "Mayor Renata Okafor took to Twitter to announce the closure of the pier.",
    "Captain Lena Hoyt said on Twitter that the ferries would run again.",
])
def test_a_person_where_something_is_posted_is_the_platform(nlp, text):
    doc = nlp(text)
    assert ("Twitter", "PERSON") in {(e.text, e.label_) for e in doc.ents}  # the tagger's error this fix is for
    found = {doc[f.start : f.end].text: (f.label, f.source) for f in found_mentions(doc)}
    assert found["Twitter"] == ("ORG", "platform")
    assert found["Lena Hoyt" if "Hoyt" in text else "Renata Okafor"][0] == "PERSON"


def test_a_person_after_call_on_stays_a_person(nlp):
    doc = nlp("The union called on Hoyt to resign before the vote.")
    assert [(doc[f.start : f.end].text, f.label) for f in found_mentions(doc)] == [("Hoyt", "PERSON")]
