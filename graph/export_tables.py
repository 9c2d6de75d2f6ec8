"""CSV tables: one file per fact kind (actors.csv, events.csv, ...) in a folder or a zip file.

Each table is exactly what `amity query NAME --format csv` prints for the six contract queries
(queries/actors.rq ... threats.rq): a header row, one row per fact and document, `|` joining
several values in a cell. Spreadsheet users and tools that read the contract get the whole graph in
one step. Files are written atomically one by one; a zip file (`--out tables.zip`) is written
atomically as a whole and byte-stable (fixed timestamps, fixed order), so it can be checked in or
compared.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pyoxigraph as ox

from amity.graph.atomic import atomic_write
from amity.graph.errors import GraphFileError

TABLES: tuple[str, ...] = ("actors", "events", "goals", "figures", "topics", "threats")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def tables(store: ox.Store) -> dict[str, str]:
    """File name -> CSV text of each contract query."""
    from amity.queries.runner import run_query

    return {f"{name}.csv": run_query(store, name, "csv") for name in TABLES}


def write_tables(store: ox.Store, out: str | os.PathLike[str]) -> tuple[str, int]:
    """Writes the tables to the folder `out`, or into a zip file if `out` ends with .zip.

    Returns (what was written, number of data rows). A folder is created if missing; files of
    other names in it are left alone.
    """
    target = Path(out)
    files = tables(store)
    rows = sum(_data_rows(text) for text in files.values())
    if target.suffix.lower() == ".zip":
        with atomic_write(target, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, files[name].encode("utf-8"))
        return f"{target} ({len(files)} tables, {rows} rows)", rows
    if target.exists() and not target.is_dir():
        raise GraphFileError(f"{target}: exists and is not a folder (give a folder, or a name ending in .zip)")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        with atomic_write(target / name, "w") as fh:
            fh.write(text)
    return f"{target}/ ({len(files)} tables, {rows} rows)", rows


def _data_rows(text: str) -> int:
    """Rows after the header (counted by a CSV reader: a cell may hold a line break)."""
    return max(sum(1 for _ in csv.reader(io.StringIO(text))) - 1, 0)
