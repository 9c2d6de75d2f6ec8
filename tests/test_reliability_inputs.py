"""Bad input files: each gets one clear line naming it, the good ones are still built."""

import os
import sys

import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.extract.documents import MAX_DOCUMENT_BYTES, discover, read_document
from amity.pipeline import build, read_inputs

GOOD = "Visit\nPresident Shavkat Mirziyoyev paid a state visit to Bishkek on 5 September 2017.\n"


def build_folder(folder, tmp_path, *extra):
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["build", str(folder), *extra, "--out", str(out)])
    return result, out


def skipped_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("amity: skipped")]


def test_a_document_over_the_size_limit_is_refused_with_the_limit_named(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 50 MB on one line
        fh.write(b"trade " * (50 * 1024 * 1024 // 6))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result, out = build_folder(tmp_path, tmp_path)
    assert result.exit_code == 0 and out.exists()
    [line] = skipped_lines(result)
    assert "big.txt: too large" in line and f"{MAX_DOCUMENT_BYTES // 1024 // 1024} MB" in line


def test_a_long_single_line_under_the_limit_is_processed(tmp_path):
    text = "Headline\n" + ("Kazakhstan and Uzbekistan discussed trade and water " * 20000)  # ~1 MB, one line
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    summary = build([tmp_path], tmp_path / "g.ttl")
    assert summary.documents == 1 and summary.sentences > 100


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_links_that_loop_or_dangle_are_reported_not_followed(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(folder, folder / "loop")  # a folder containing a link to itself
    os.symlink(folder / "a.txt", folder / "b.txt")  # b -> a -> b
    os.symlink(folder / "b.txt", folder / "a.txt")
    os.symlink(tmp_path / "nowhere.txt", folder / "dangling.txt")
    result, out = build_folder(folder, tmp_path)
    assert result.exit_code == 0 and out.exists()
    lines = skipped_lines(result)
    assert len(lines) == 3
    assert all("cannot read" in line for line in lines)
    assert "documents: 1 built, 3 skipped" in result.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads unreadable files")
def test_an_unreadable_file_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    result, _ = build_folder(tmp_path, tmp_path)
    [line] = skipped_lines(result)
    assert "secret.txt: cannot read: Permission denied" in line


def test_deeply_nested_folders_are_walked_without_recursion_limits(tmp_path):
    deep = tmp_path / "texts"
    current = str(deep)
    os.mkdir(current)
    for _ in range(1500):  # deeper than Python's recursion limit
        current += "/d"
        os.mkdir(current)
    with open(current + "/deep.txt", "w", encoding="utf-8") as fh:
        fh.write(GOOD)
    try:
        found = list(discover([deep]))
        assert len(found) == 1 and found[0].name == "deep.txt"
    finally:  # shutil.rmtree (pytest's clean-up) recurses: remove the tree from the bottom up
        os.remove(current + "/deep.txt")
        while current != str(deep):
            os.rmdir(current)
            current = current.rsplit("/", 1)[0]


def test_a_hundred_thousand_small_files_are_discovered_and_read(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(100_000):
        (folder / f"n{i:06d}.txt").write_bytes(b"Note\nKazakhstan.\n")
    skipped: list[str] = []
    ids = [doc.id for doc in read_inputs([folder], None, skipped)]
    assert len(ids) == 100_000 and not skipped
    assert ids == sorted(ids)


def test_many_small_files_build(tmp_path):
    folder = tmp_path / "some"
    folder.mkdir()
    for i in range(2_000):
        (folder / f"n{i:05d}.txt").write_text(f"Note {i}\nKazakhstan and Uzbekistan signed {i % 9 + 2} agreements.\n",
                                              encoding="utf-8")
    summary = build([folder], tmp_path / "g.ttl")
    assert summary.documents == 2_000 and not summary.skipped


def test_duplicate_ids_are_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text(GOOD, encoding="utf-8")
    skipped: list[str] = []
    docs = list(read_inputs([tmp_path], None, skipped))
    assert len(docs) == 1 and "already read" in skipped[0]


def test_an_extractor_failure_on_one_text_skips_only_that_text(tmp_path, monkeypatch):
    from amity.extract.engine import Extractor

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "boom.txt").write_text(GOOD.replace("Visit", "Boom"), encoding="utf-8")
    original = Extractor.extract

    def flaky(self, doc):
        if doc.id == "boom":
            raise ValueError("simulated bug")
        return original(self, doc)

    monkeypatch.setattr(Extractor, "extract", flaky)
    summary = build([tmp_path], tmp_path / "g.ttl")
    assert summary.documents == 1
    assert summary.skipped == [f"{tmp_path / 'boom.txt'}: extraction failed (ValueError: simulated bug); "
                               "please report this with the text"]


def test_a_bom_and_windows_line_ends_are_fine(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffVisit\r\nPresident Shavkat Mirziyoyev visited Bishkek in 2017.\r\n".encode())
    doc = read_document(path)
    assert doc.title == "Visit" and not doc.text.startswith("\ufeff")


def test_debug_shows_a_traceback_and_plain_mode_does_not(tmp_path, monkeypatch):
    import amity.pipeline

    def explode(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(amity.pipeline, "build", explode)
    plain = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "g.ttl")])
    assert plain.exit_code == 1 and "Traceback" not in plain.stderr
    assert plain.stderr.strip() == ("amity: unexpected error: RuntimeError: unexpected "
                                    "(run with --debug for details)")
    debug = CliRunner().invoke(main, ["--debug", "build", "--out", str(tmp_path / "g.ttl")])
    assert "Traceback" in debug.stderr
