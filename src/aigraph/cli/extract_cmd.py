"""`aigraph extract` and `aigraph eval`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

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
    """Extract entities and relations from report text."""
    from aigraph.errors import InputError
    from aigraph.extract import extract_paths
    from aigraph.extract.output import extraction_to_json, write_extraction_json

    failed, written = 0, 0
    if as_json:
        # One document at a time, so a long run of files never holds every result at once.
        sys.stdout.write('{"documents": [')
    for result in extract_paths(paths, year=year, spacy_model=spacy_model):
        if isinstance(result, InputError):
            print(f"aigraph: error: {result}", file=sys.stderr)
            failed += 1
            continue
        if as_json:
            sys.stdout.write(",\n" if written else "\n")
            write_extraction_json(result, sys.stdout)
        else:
            _render([extraction_to_json(result)])
        del result
        written += 1
    if as_json:
        sys.stdout.write("\n]}\n")
    return 1 if failed else 0


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
