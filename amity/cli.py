"""The `amity` command line: a thin layer that parses arguments and calls the library.

Every command reports a problem as one line `amity: <what went wrong>` on stderr and a non-zero
exit status; a traceback is shown only with `--debug`. Exit status: 0 success (a build may have
skipped some inputs — they are listed on stderr and counted in the summary), 1 the command ran but
failed (nothing could be built, `--strict` with skipped inputs, a rule example failing, a query
refused), 2 bad usage or bad configuration (unknown option, malformed rule or gazetteer file).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


class Failure(click.ClickException):
    """A command failed for a reason the user can act on (exit status 1)."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"amity: {self.message}", err=True)


class BadConfiguration(Failure):
    exit_code = 2


def _expected_errors() -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """(errors that mean bad configuration, errors that mean the command failed)."""
    from amity.extract.documents import InputError
    from amity.extract.yaml_lines import DataError
    from amity.graph.errors import GraphError
    from amity.pipeline import BuildError

    config: list[type[BaseException]] = [DataError]
    try:
        from amity.extract.gazetteer import GazetteerError

        config.append(GazetteerError)
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        pass
    return tuple(config), (InputError, GraphError, BuildError, OSError)


def reports_errors(func: F) -> F:
    """Turn the project's exceptions into one-line messages (a traceback only with --debug)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        config, failed = _expected_errors()
        try:
            return func(*args, **kwargs)
        except click.ClickException:
            raise
        except config as error:
            _maybe_trace()
            raise BadConfiguration(str(error)) from None
        except failed as error:
            _maybe_trace()
            raise Failure(_one_line(error)) from None
        except KeyboardInterrupt:
            raise Failure("interrupted; nothing was written") from None
        except Exception as error:  # noqa: BLE001 - last resort: one line, never a bare traceback
            _maybe_trace()
            raise Failure(f"unexpected error: {type(error).__name__}: {_one_line(error)} "
                          "(run with --debug for details)") from None

    return wrapper  # type: ignore[return-value]


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    if isinstance(error, OSError) and error.filename and error.strerror:
        text = f"{error.filename}: {error.strerror}"
    return text or type(error).__name__


def _maybe_trace() -> None:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    if root is not None and root.obj and root.obj.get("debug"):
        traceback.print_exc()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="amity")
@click.option("--debug", is_flag=True, help="Show a traceback when something goes wrong.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn what states say about each other into a knowledge graph of bilateral relations."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", default="graph.ttl", show_default=True,
              help="Where the graph goes: a file (.ttl .nt .nq .trig .jsonld, optionally .gz), a folder "
                   "(an Oxigraph store) or a SPARQL endpoint's query URL (http://host:7878/query).")
@click.option("--update-url", help="Where SPARQL updates go when --out is an endpoint "
                                   "(default: its URL with /query replaced by /update).")
@click.option("--prune", is_flag=True, help="Remove the documents the graph holds that are not in the input.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Extract in this many processes.")
@click.option("--dask", metavar="ADDRESS", help="Extract on the Dask cluster whose scheduler is at ADDRESS.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="A folder of your own rule files, added to the packaged rules (repeatable).")
@click.option("--gazetteer", "gazetteer_dirs", multiple=True, type=click.Path(path_type=Path),
              help="A folder of your own gazetteer files (same names as the packaged ones; repeatable).")
@click.option("--date", "default_date",
              help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for texts without a sidecar.")
@click.option("--base", help="Base IRI for the data (default https://w3id.org/amity/id/).")
@click.option("--strict", is_flag=True, help="Fail (exit 1, nothing written) if any input is skipped.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@reports_errors
def build(paths: tuple[Path, ...], out: str, update_url: str | None, prune: bool, jobs: int, dask: str | None,
          rules_dirs: tuple[Path, ...], gazetteer_dirs: tuple[Path, ...], default_date: str | None,
          base: str | None, strict: bool, quiet: bool) -> None:
    """Build the graph of PATHS (files and folders of .txt/.md); no PATH: the embedded sample corpus.

    Building again into the same graph is incremental: unchanged documents are kept as they are,
    changed ones replaced; --prune also removes the documents no longer given.
    """
    from amity.parallel import WorkerSetupError
    from amity.pipeline import build as run_build

    try:
        with _progress(quiet) as progress:
            summary = run_build(list(paths) or None, out, rules_dirs=rules_dirs, gazetteer_dirs=gazetteer_dirs,
                                default_date=default_date, base=base, strict=strict, prune=prune, jobs=jobs,
                                dask=dask, update_url=update_url, on_progress=progress)
    except WorkerSetupError as error:
        raise (BadConfiguration if error.configuration else Failure)(str(error)) from None
    for line in summary.skipped:
        click.echo(f"amity: skipped {line}", err=True)
    for line in summary.notes:
        click.echo(f"amity: {line}", err=True)
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)


class _progress:
    """A progress bar on the terminal (rich, stderr) for builds of more than a few documents: how
    many of the input files are done, of how many, and the time left. Silent with --quiet and
    when stderr is not a terminal (a pipe, a log file, CI)."""

    FEW = 5

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> Callable[[int, int], None]:
        return self.update

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total < self.FEW:
            return
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("building"), BarColumn(bar_width=None), MofNCompleteColumn(),
                                     TextColumn("documents"), TimeRemainingColumn(),
                                     transient=True, console=Console(stderr=True))
            self.progress.start()
            self.task = self.progress.add_task("build", total=total)
        self.progress.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


@main.command()
@click.argument("query", required=False)
@click.option("--graph", "-g", default="graph.ttl", show_default=True,
              help="The graph: a file, an Oxigraph store folder or a SPARQL endpoint's query URL.")
@click.option("--format", "-f", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json"]))
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what they answer.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a variable of a named query (repeatable), e.g. -p actor=Kazakhstan.")
@click.option("--timeout", type=float, help="Give up on the query after this many seconds.")
@click.option("--infer", is_flag=True,
              help="Add what the ontology entails first, so queries by superclass work (every Visit is a "
                   "schema:Event, every Country a prov:Agent). The graph grows by about half: on a big graph "
                   "expect more memory and a slower start. Not for SPARQL endpoints.")
@reports_errors
def query(query: str | None, graph: str, fmt: str, list_queries: bool, params: tuple[str, ...],
          timeout: float | None, infer: bool) -> None:
    """Run a named QUERY, a .rq file or a SPARQL string (read-only) against a graph."""
    from amity.queries.runner import describe_queries, run_query

    if list_queries:
        click.echo(describe_queries(), nl=False)
        return
    if not query:
        raise BadConfiguration("give a query name, a .rq file or SPARQL text (amity query --list shows the names)")
    bound: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise BadConfiguration(f"--param expects NAME=VALUE, not {item!r}")
        bound[name.strip().lstrip("?$")] = value
    source: Any = _graph(graph)
    if infer:
        from amity.graph.inference import infer as add_entailments

        source = add_entailments(source)
    text = run_query(source, query, fmt, params=bound or None, timeout=timeout)
    sys.stdout.write(text)


def _graph(path: str) -> str:
    """`path` if a graph is there: a file or store folder that exists, or any endpoint URL."""
    if "://" not in path and not Path(path).exists():
        raise Failure(f"{path}: no such graph (build one first: amity build ... --out {path})")
    return path


@main.command()
@click.option("--graph", "-g", default="graph.ttl", show_default=True, help="Graph file to export.")
@click.option("--format", "-f", "fmt", required=True,
              help="Output format: ttl, nt, nq, trig (one graph per document), jsonld (compact), graphml, gexf "
                   "(a network for Gephi and the like), csv (the contract tables in a folder, or a .zip).")
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path),
              help="File to write (a folder or a .zip for csv).")
@click.option("--infer", is_flag=True,
              help="Add what the ontology entails first (every Visit a schema:Event...). The output grows by "
                   "about half.")
@reports_errors
def export(graph: str, fmt: str, out: Path, infer: bool) -> None:
    """Export a graph to another format (written atomically)."""
    from amity.exports import export_graph

    result = export_graph(_graph(graph), fmt, out, infer=infer)
    click.echo(f"written: {result}", err=True)


@main.group()
def rules() -> None:
    """Work with rule files."""


@rules.command("test")
@click.argument("rules_dir", required=False, type=click.Path(path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="Also list the examples that pass.")
@reports_errors
def rules_test(rules_dir: Path | None, verbose: bool) -> None:
    """Run the examples of every rule (the packaged rules, or those in RULES_DIR)."""
    from amity.extract.engine import Extractor
    from amity.extract.examples import check_examples
    from amity.extract.gazetteer import Gazetteer
    from amity.extract.rules import load_rules

    gazetteer = Gazetteer.load()
    extra = [rules_dir] if rules_dir else []
    ruleset = load_rules(extra, titles=gazetteer.titles)
    extractor = Extractor(gazetteer=gazetteer, ruleset=ruleset)
    mine = [r for r in ruleset.rules if rules_dir is None or not r.source.startswith("amity/")]
    results = check_examples(extractor, mine)
    failures = [r for r in results if not r.ok]
    for r in results:
        if verbose or not r.ok:
            click.echo(r.line())
    click.echo(f"{len(results) - len(failures)} of {len(results)} examples pass ({len(mine)} rules)")
    if failures:
        raise Failure(f"{len(failures)} rule example(s) failed")


def _register_optional_commands() -> None:
    """Commands that live in their own modules (one file per feature)."""
    import importlib

    for module, name in (("amity.cli_view", "view"), ("amity.cli_explain", "explain"),
                         ("amity.cli_validate", "validate"), ("amity.cli_serve", "serve")):
        try:
            command = getattr(importlib.import_module(module), name)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
            continue
        main.add_command(command, name)


_register_optional_commands()
