from storyscope.analysis.entities import group_mentions, normalise_name
from storyscope.model import EntityMention


def test_normalise_name_drops_article_possessive_and_case():
    assert normalise_name("the Justice Department’s") == normalise_name("Justice Department")
    assert normalise_name("Voss's") == "voss"


def test_grouping_ranks_by_articles_then_mentions():
    def m(aid, start, text, label="PERSON"):
        return EntityMention(article_id=aid, start=start, end=start + len(text), text=text, label=label)

    entities = group_mentions(
        [m("a", 0, "Clara Voss"), m("b", 5, "Clara Voss"), m("a", 30, "Haddad"), m("a", 50, "Haddad"),
         m("a", 70, "Haddad", "ORG")]
    )
    assert [e.canonical for e in entities] == ["Clara Voss", "Haddad"]
    assert entities[1].type == "PERSON" and entities[0].article_ids == ["a", "b"]
    assert [e.id for e in entities] == ["E1", "E2"]


def test_possessive_and_trailing_space_trimmed_from_mentions(nlp):
    from storyscope.analysis.entities import extract_entity_mentions
    from storyscope.model import Article

    text = "Mayor Clara Voss's plan angered Omar Haddad.\n\nThe Millbrook Historical Society objected."
    article = Article(id="x", text=text)
    mentions = extract_entity_mentions(article, nlp(text))
    assert all(text[m.start : m.end] == m.text and m.text == m.text.strip() for m in mentions)
    assert "Clara Voss" in {m.text for m in mentions}
