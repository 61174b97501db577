"""Command line: parse, call the library, render. Heavy imports stay inside commands.

Each command group lives in its own module and registers on :data:`app`.
"""

from __future__ import annotations

import sys

from aigraph.cli._app import app
from aigraph.errors import AigraphError



def _register_commands() -> None:
    """Import every ``*_cmd`` module of this package; importing one registers its commands."""
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.endswith("_cmd"):
            importlib.import_module(f"{__name__}.{info.name}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; an :class:`AigraphError` becomes one line on stderr and exit 1."""
    _register_commands()
    try:
        code = app(args=argv, standalone_mode=False)
    except AigraphError as err:
        print(f"aigraph: error: {err}", file=sys.stderr)
        return 1
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except KeyboardInterrupt:
        print("aigraph: interrupted", file=sys.stderr)
        return 130
    except Exception as err:
        # Usage errors (unknown option, missing argument) come from the click copy that
        # typer bundles; recognise them by shape rather than by class.
        if callable(getattr(err, "show", None)) and isinstance(getattr(err, "exit_code", None), int):
            err.show()
            return err.exit_code or 2
        if type(err).__name__ == "Abort":
            return 1
        raise
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
