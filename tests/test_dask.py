"""--dask ADDRESS: extraction on a Dask cluster (here a small local one) gives the same graph.

dask.distributed is an optional extra (`pip install 'amity[dask]'`, also in the test extra); without
it these tests are skipped, except under CI=true, where they fail.
"""

import os
import socket

import pytest

try:
    from dask.distributed import LocalCluster
except ImportError:  # pragma: no cover - depends on the installed extras
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("dask.distributed is not installed (pip install 'amity[dask]')", allow_module_level=True)

from amity.extract.engine import Extractor
from amity.parallel import process_on_dask
from amity.pipeline import BuildError, build


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as local:
        yield local.scheduler_address


def test_a_dask_build_writes_the_same_bytes_as_a_local_one(cluster, tmp_path):
    local, remote = tmp_path / "local.trig", tmp_path / "dask.trig"
    build(None, local, extractor=Extractor())
    summary = build(None, remote, dask=cluster)
    assert summary.documents == 11
    assert local.read_bytes() == remote.read_bytes()


def test_an_unreachable_scheduler_is_one_line():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    from amity.extract.model import Document

    with pytest.raises(BuildError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}") as caught:
        list(process_on_dask([Document("x", "text", "t")], f"tcp://127.0.0.1:{port}", connect_timeout=1))
    assert "\n" not in str(caught.value)
