"""`aigraph extract` and `aigraph eval`."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from aigraph.cli._app import app
from aigraph.errors import InputError


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of report text (.pdf .md .txt .html).")],
    year: Annotated[Optional[int], typer.Option(help="Report year, when the file name and text do not say.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON of the annotation guide.")] = False,
    spacy_model: Annotated[Optional[str], typer.Option(help="An installed statistical spaCy pipeline to add.")] = None,
) -> int:
    """Extract entities and relations from report text.

    Every input that cannot be read gets one line on standard error and the exit
    code is 1. With ``--json`` standard output then stays empty: the JSON is
    written only when every input was extracted (documents are spooled to a
    temporary file as they come, so a long run never holds them all in memory).
    """
    from aigraph.errors import InputError
    from aigraph.extract import extract_paths
    from aigraph.extract.output import extraction_to_json

    failed = _check_folders(paths)
    if as_json:
        with _spool() as spool:
            failed += _extract_json(paths, year, spacy_model, spool)
            if failed:
                return 1
            spool.seek(0)
            shutil.copyfileobj(spool, sys.stdout)
            sys.stdout.flush()
        return 0
    for result in extract_paths(paths, year=year, spacy_model=spacy_model):
        if isinstance(result, InputError):
            print(f"aigraph: error: {result}", file=sys.stderr)
            failed += 1
            continue
        _render([extraction_to_json(result)])
        del result
    return 1 if failed else 0


#: Documents spooled in memory up to this size, then in a temporary file.
SPOOL_BYTES = 8 * 1024 * 1024


def _spool():
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")


def _extract_json(paths: list[Path], year: int | None, spacy_model: str | None, out: TextIO) -> int:
    """Write the ``--json`` object of every readable input to ``out``; return how many failed."""
    from aigraph.errors import InputError
    from aigraph.extract import extract_paths
    from aigraph.extract.output import write_extraction_json

    failed = written = 0
    out.write('{"documents": [')
    for result in extract_paths(paths, year=year, spacy_model=spacy_model):
        if isinstance(result, InputError):
            print(f"aigraph: error: {result}", file=sys.stderr)
            failed += 1
            continue
        if not failed:  # once one input failed nothing is printed: skip the writing
            out.write(",\n" if written else "\n")
            write_extraction_json(result, out)
            written += 1
        del result
    out.write("\n]}\n")
    return failed


def _check_folders(paths: list[Path]) -> int:
    """One error line for each named folder that holds no input a reader supports."""
    from aigraph.ingest import SUPPORTED_SUFFIXES, iter_sources

    failed = 0
    for path in paths:
        if path.is_dir() and not iter_sources([path]):
            kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
            print(f"aigraph: error: {path}: the folder holds no report files ({kinds})", file=sys.stderr)
            failed += 1
    return failed


def _render(documents: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for doc in documents:
        table = Table(title=f"{doc['source']} ({doc['year'] or 'year unknown'})")
        for col in ("label", "name", "slides", "mentions"):
            table.add_column(col)
        for e in doc["entities"]:
            table.add_row(e["label"], e["name"], ", ".join(map(str, e["slides"])), str(len(e["mentions"])))
        console.print(table)
        for r in doc["relations"]:
            console.print(f"  {r['head']} -[{r['type']}]-> {r['tail']}  (slide {r['slide']}, {r['extractor']})")


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold annotation files (JSON), or folders of them.")],
    pred: Annotated[Optional[Path], typer.Option(help="A saved `aigraph extract --json` output; default: extract now.")] = None,
    corpus: Annotated[Optional[Path], typer.Option(help="Folder of the gold files' sources (default: ../corpus beside the gold folder).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    per_file: Annotated[bool, typer.Option("--per-file", help="With several gold files, also print each file's table with missed and wrong names.")] = False,
) -> int:
    """Score extraction against gold files by the annotation guide's rules.

    With several gold files (or a folder) it prints corpus totals per label, then
    per format (from each source's header) and per file.
    """
    from aigraph.evaluate import evaluate_files, gold_formats, gold_paths_in, render_corpus, render_scores

    paths = gold_paths_in(gold)
    if not paths:
        raise InputError("no gold files given (a folder must hold *.json files)")
    results = evaluate_files(paths, pred=pred, corpus=corpus)
    if as_json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if len(results) == 1 or per_file:
        for name, result in results.items():
            print(f"== {name}")
            print(render_scores(result))
    if len(results) > 1:
        if per_file:
            print("== corpus")
        print(render_corpus(results, gold_formats(paths, corpus)))
    return 0
