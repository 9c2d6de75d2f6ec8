"""Areas of cooperation: named in the sentence, or inside a count of the things cooperated on."""

from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def topics(text: str) -> set[str]:
    return {t.topic for t in extractor().extract(document_from_text("t", text, "2022-06-01")).topics}


def test_a_topic_inside_a_count_is_named():
    assert "education" in topics("About 1,200 Tajik students study in Iran today.")
    assert "tourism" in topics("More than 300,000 tourists from Kazakhstan came to Uzbekistan.")


def test_a_count_of_unrelated_things_names_no_topic():
    assert "education" not in topics("About 1,200 Tajik workers live in Iran today.")


def test_a_central_bank_cited_as_the_source_names_no_finance_topic():
    text = "Chile and Peru. Trade reached 7 billion dollars in 2023, according to Chile's central bank."
    topics = {t.topic for t in extractor().extract(document_from_text("t", text, "2024-05-01")).topics}
    assert "finance" not in topics and "trade" in topics
