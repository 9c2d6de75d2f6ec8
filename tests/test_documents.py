"""Reading a text file into a Document: its id, title and date."""

import json

from amity.extract.documents import read_document


def write(tmp_path, text, meta=None):
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (tmp_path / "release.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_an_undated_text_takes_the_date_of_its_dateline(tmp_path):
    path = write(tmp_path, "Kenya and Uganda agree\n\nNAIROBI, 14 March 2024 – President Ruto hosted talks.")
    assert read_document(path).published == "2024-03-14"


def test_a_sidecar_or_date_option_wins_over_the_dateline(tmp_path):
    path = write(tmp_path, "NAIROBI, 14 March 2024 – talks.", {"published": "2024-03-15"})
    assert read_document(path).published == "2024-03-15"
    other = tmp_path / "undated"
    other.mkdir()
    dated = read_document(write(other, "NAIROBI, 14 March 2024 – talks."), default_date="2020-01-01")
    assert dated.published == "2020-01-01"


def test_a_date_deep_in_the_text_or_a_relative_one_dates_nothing(tmp_path):
    assert read_document(write(tmp_path, "Title\nOn Monday the presidents met in Astana.")).published is None
    deep = "Title\n" + "The talks went on. " * 30 + "It was signed on 5 May 2021."
    assert read_document(write(tmp_path, deep)).published is None
