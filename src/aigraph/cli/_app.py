"""The Typer application every command module registers on."""

import typer

app = typer.Typer(
    name="aigraph",
    help="Turn AI industry reports into a knowledge graph you can query.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
