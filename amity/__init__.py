"""amity: a knowledge graph of bilateral relations from what states say about each other."""
