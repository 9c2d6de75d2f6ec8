"""`amity serve`: a read-only SPARQL endpoint over a graph, for other tools and a browser.

A thin layer over amity.serve: it loads the graph once, binds (127.0.0.1 unless --host says
otherwise), prints where it listens and serves until Ctrl-C. Problems leave as one line
`amity: ...` (exit status 1): the graph cannot be read, the port is taken.
"""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--graph", "-g", default="graph.ttl", show_default=True,
              help="Graph file (.ttl .nt .nq .trig .jsonld, optionally .gz) or Oxigraph store folder.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets other machines query the graph.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Give up on a query after this many seconds (HTTP 503).")
@click.option("--infer", is_flag=True,
              help="Add what the ontology entails first, so queries by superclass work (every Visit is a "
                   "schema:Event, every Country a prov:Agent). The graph grows by about half: on a big graph "
                   "expect more memory and a slower start.")
@click.option("--quiet", "-q", is_flag=True, help="Do not log requests on stderr.")
def serve(graph: str, host: str, port: int, timeout: float, infer: bool, quiet: bool) -> None:
    """Serve a graph as a read-only SPARQL 1.1 endpoint at /sparql, with a query page at /.

    Results come as SPARQL JSON, XML, CSV or TSV (or Turtle, N-Triples, JSON-LD for
    CONSTRUCT), as the Accept header asks. Updates are refused.
    """
    from amity.cli import reports_errors

    reports_errors(_serve)(graph, host, port, timeout, infer, quiet)


def _serve(graph: str, host: str, port: int, timeout: float, infer: bool, quiet: bool) -> None:
    from pathlib import Path

    from amity.cli import Failure
    from amity.serve import is_loopback, make_server

    if "://" not in graph and not Path(graph).exists():
        raise Failure(f"{graph}: no such graph (build one first: amity build ... --out {graph})")
    try:
        server = make_server(graph, host, port, timeout=timeout, infer=infer, quiet=quiet)
    except OSError as error:
        raise Failure(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    if not is_loopback(host):
        click.echo(f"amity: listening on {host}: anyone who can reach this machine can query the graph", err=True)
    click.echo(f"serving {graph} ({server.triples} triples) at {server.url} "
               f"(query page: {server.url[: -len('sparql')]}); Ctrl-C stops", err=True)
    _stop_on_sigterm()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()


def _stop_on_sigterm() -> None:
    """SIGTERM (kill, docker stop, systemd) stops the server like Ctrl-C: cleanly, exit status 0."""
    import signal
    import threading

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
