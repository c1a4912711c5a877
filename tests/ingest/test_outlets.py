from storyscope.ingest import load_articles
from storyscope.ingest.outlets import OutletTable, domain_of


def test_table_maps_names_and_domains(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_text("outlet,domains,leaning\nThe Millbrook Courier,millbrookcourier.example;mbc.example,left\n")
    table = OutletTable.from_csv(path)
    assert table.by_name("millbrook courier").name == "The Millbrook Courier"
    assert table.by_url("https://news.mbc.example/x").leaning == "left"
    assert table.by_url("https://other.example/") is None


def test_outlet_from_table_then_metadata_then_domain(tmp_path):
    table_path = tmp_path / "outlets.csv"
    table_path.write_text("outlet,domains,leaning\nValley Sentinel,valleysentinel.example,right\n")
    (tmp_path / "a.jsonl").write_text(
        '{"id": "1", "url": "https://www.valleysentinel.example/x", "text": "One text here."}\n'
        '{"id": "2", "outlet": "Harbor Post", "text": "Another text here."}\n'
        '{"id": "3", "url": "https://www.unlisted.example/y", "text": "Third text here."}\n'
    )
    result = load_articles([str(tmp_path / "a.jsonl")], OutletTable.from_csv(table_path))
    outlets = {a.id: (a.outlet, a.leaning, a.outlet_source) for a in result.articles}
    assert outlets == {
        "1": ("Valley Sentinel", "right", "table"),
        "2": ("Harbor Post", None, "metadata"),
        "3": ("unlisted.example", None, "url"),
    }


def test_outlet_a_bare_text_names_as_its_own_newsroom(tmp_path):
    table_path = tmp_path / "outlets.csv"
    table_path.write_text("outlet,domains,leaning\nThe Calder Ledger,calderledger.example,center\n")
    (tmp_path / "ledger.txt").write_text(
        "The harbor board voted on Monday to raise ferry fares.\n\n"
        "The board did not return a request for comment from the Calder Ledger.\n"
    )
    (tmp_path / "wire.txt").write_text("Mayor Ana Ruiz told the Harbor Tribune on Wednesday that the pier would close.\n")
    result = load_articles([str(tmp_path / "ledger.txt"), str(tmp_path / "wire.txt")], OutletTable.from_csv(table_path))
    found = {a.source_path.rsplit("/", 1)[-1]: (a.outlet, a.leaning, a.outlet_source) for a in result.articles}
    # Reporting someone else's interview ("told the Harbor Tribune") names no newsroom of its own.
    assert found == {"ledger.txt": ("The Calder Ledger", "center", "text"), "wire.txt": (None, None, None)}


def test_domain_of():
    assert domain_of("https://WWW.Example.org:8080/a?b") == "example.org"
