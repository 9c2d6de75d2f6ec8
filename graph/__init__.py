"""Facts to RDF: IRIs, provenance, stores, exports and the network view."""
