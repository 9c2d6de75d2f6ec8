"""amity: a knowledge graph of bilateral relations from what states say about each other."""

import os as _os

# Installed, the stage folders (extract/, graph/, queries/, ontology/) are subpackages of amity
# through package-dir. Run from a source checkout instead (`python -m amity` at the repository root
# puts the checkout first on sys.path), this folder shadows the installed package and has no such
# subpackages; adding the checkout to the package path finds them where they live.
_checkout = _os.path.dirname(_os.path.dirname(_os.path.abspath(__file__)))
if _os.path.isfile(_os.path.join(_checkout, "pyproject.toml")) and _os.path.isfile(
        _os.path.join(_checkout, "extract", "engine.py")):
    __path__.append(_checkout)  # type: ignore[name-defined]  # noqa: F821
