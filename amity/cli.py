"""Placeholder entry point while the spine is built."""


def main() -> None:
    raise SystemExit("amity: not built yet")
