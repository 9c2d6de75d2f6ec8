"""--jobs N: extraction in N processes gives the very same graph, byte for byte, as one process."""

import time

import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.extract.model import Document
from amity.parallel import WorkerSetupError, extract_one, in_order


def build(*args):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def test_two_jobs_write_the_same_bytes_as_one(tmp_path):
    one, two = tmp_path / "one.trig", tmp_path / "two.trig"
    assert build("--out", str(one), "-q").exit_code == 0
    result = build("--out", str(two), "-q", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert one.read_bytes() == two.read_bytes()


def test_a_malformed_rule_in_the_workers_is_a_configuration_error(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text("rules:\n  - id: x\n    kind: topic\n    topic: trade\n    patern: trade\n",
                                  encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--rules", str(rules), "--jobs", "2", "--out", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2
    assert "r.yaml:2: rule x: unknown key(s) patern" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "g.ttl").exists()


def test_results_come_back_in_input_order_whatever_order_they_finish_in():
    finish = {"a": 0.03, "b": 0.0, "c": 0.01, "d": 0.0}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        out = list(in_order("abcd", lambda x: pool.submit(lambda: (time.sleep(finish[x]), x.upper())[1]),
                            lambda future: future.result(), window=2))
    assert out == [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]


def test_in_order_keeps_at_most_a_window_in_flight():
    submitted, waited = [], []
    list(in_order(range(10), lambda x: submitted.append(x) or x, lambda h: waited.append(h) or h, window=3))
    assert submitted == list(range(10)) and waited == list(range(10))


def test_a_text_that_breaks_the_extractor_becomes_its_skip_line():
    class Broken:
        def extract(self, doc):
            raise ValueError("boom")

    outcome = extract_one(Broken(), Document("x", "text", "t", path="texts/x.txt"))
    assert outcome == "texts/x.txt: extraction failed (ValueError: boom); please report this with the text"


def test_worker_setup_errors_survive_pickling():
    import pickle

    error = pickle.loads(pickle.dumps(WorkerSetupError("r.yaml:2: bad", configuration=True)))
    assert str(error) == "r.yaml:2: bad" and error.configuration


@pytest.mark.parametrize("jobs", ["0", "-1"])
def test_jobs_must_be_positive(jobs):
    assert CliRunner().invoke(main, ["build", "--jobs", jobs]).exit_code == 2


def test_the_progress_bar_counts_documents_of_the_total_and_stays_quiet_when_asked(monkeypatch):
    import sys

    from amity.cli import _progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    bar = _progress(quiet=False)
    with bar as update:
        update(1, 3)
        assert bar.progress is None  # a few documents: no bar
        update(3, 40)
        [task] = bar.progress.tasks
        assert (task.completed, task.total) == (3, 40)
    assert not _progress(quiet=True).enabled
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not _progress(quiet=False).enabled
