"""Text to facts: documents, sentences, gazetteer, rule engine and rule files."""
