"""Named SPARQL queries (.rq files) and the code that runs them."""
