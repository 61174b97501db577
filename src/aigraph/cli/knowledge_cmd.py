"""``aigraph knowledge``: bring outside facts into the curated knowledge."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from aigraph.cli._app import app

knowledge_app = typer.Typer(help="Import outside facts into the curated knowledge.", no_args_is_help=True)
app.add_typer(knowledge_app, name="knowledge")


@knowledge_app.command("import-epoch")
def import_epoch_cmd(
    csv_path: Annotated[Path, typer.Argument(help="Epoch AI's Notable AI Models CSV (the snapshot or a newer download).")],
    out: Annotated[Optional[Path], typer.Option(help="Where to write the records (default: the package's knowledge data).")] = None,
    accessed: Annotated[Optional[str], typer.Option(help="When the CSV was downloaded, YYYY-MM[-DD] (default: the file's date).")] = None,
) -> int:
    """Turn Epoch AI's CSV into the facts the graph links models to (prose columns are never read)."""
    from aigraph.knowledge.epoch import CREDIT, import_epoch

    result = import_epoch(csv_path, out=out, accessed=accessed)
    for problem in result.problems:
        print(f"aigraph: warning: {problem}", file=sys.stderr)
    print(f"imported {len(result.models)} models ({len(result.problems)} problems). {CREDIT}")
    return 0
