"""`aigraph explore`: start the Streamlit explorer over a built graph."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from aigraph.cli._app import app
from aigraph.errors import AigraphError, GraphError

#: Environment variable the app reads the graph directory from.
GRAPH_ENV = "AIGRAPH_GRAPH_DIR"
#: Environment variable that points at another copy of the app's entry file.
APP_ENV = "AIGRAPH_APP"
#: Port tried first when none is given.
DEFAULT_PORT = 8501
#: Streamlit settings passed on every explorer command line (option -> value).
STREAMLIT_OPTIONS = {
    "--server.headless": "true",
    "--browser.gatherUsageStats": "false",
    "--server.fileWatcherType": "none",
    "--global.developmentMode": "false",
    "--client.showErrorDetails": "false",
    "--client.toolbarMode": "minimal",
}


class ExplorerError(AigraphError):
    """The explorer cannot start (no app files, no free port, Streamlit failed)."""


def app_path() -> Path:
    """Return the explorer's entry file: ``$AIGRAPH_APP``, else the one inside the installed package.

    Raises
    ------
    ExplorerError
        When the file does not exist (a wrong ``$AIGRAPH_APP``, or a broken install).
    """
    from aigraph.app import entry_file

    override = os.environ.get(APP_ENV)
    path = Path(override) if override else entry_file()
    if not path.is_file():
        source = f"${APP_ENV} points at {path}" if override else f"the installed package lacks {path}"
        raise ExplorerError(f"cannot find the explorer app: {source}; unset {APP_ENV} or reinstall aigraph")
    return path


def port_is_free(host: str, port: int) -> bool:
    """Return true when ``host:port`` can be bound now (as a server binds: TIME_WAIT does not count)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    """Return a TCP port on ``host`` that nothing listens on (the system picks it)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def streamlit_command(app_file: Path, *, host: str, port: int, python: str | None = None) -> list[str]:
    """Return the command line that serves the explorer.

    It is ``streamlit run`` through :mod:`aigraph.explore.serve`, which imports the
    explorer's heavy libraries while the server starts rather than on the first visit.
    Every setting the explorer relies on is on the command line (:data:`STREAMLIT_OPTIONS`),
    since Streamlit reads ``.streamlit/config.toml`` only from the folder it starts in:
    headless, no usage statistics, no file watcher, no error details or tracebacks in the
    browser, and the minimal toolbar (no Deploy button).

    Examples
    --------
    >>> cmd = streamlit_command(Path("streamlit_app.py"), host="127.0.0.1", port=8501, python="python")
    >>> cmd[:5]
    ['python', '-m', 'aigraph.explore.serve', 'run', 'streamlit_app.py']
    >>> cmd[cmd.index("--client.showErrorDetails") + 1], cmd[cmd.index("--client.toolbarMode") + 1]
    ('false', 'minimal')
    """
    return [
        python or sys.executable, "-m", "aigraph.explore.serve", "run", str(app_file),
        "--server.address", host,
        "--server.port", str(port),
        *(part for option in STREAMLIT_OPTIONS.items() for part in option),
    ]


def streamlit_env(graph_dir: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """Return the environment the explorer runs in: the graph directory, no usage statistics."""
    env = dict(os.environ if base is None else base)
    env[GRAPH_ENV] = str(graph_dir.resolve())
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    env["STREAMLIT_SERVER_HEADLESS"] = "true"
    return env


def explorer_url(host: str, port: int) -> str:
    """Return the URL a browser opens (``http://127.0.0.1:8501``; IPv6 hosts in brackets)."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


@app.command("explore")
def explore(
    graph: Annotated[Path, typer.Option("--graph", help="Graph folder written by `aigraph build`.")] = Path("data/graph"),
    port: Annotated[int, typer.Option("--port", min=0, max=65535, show_default=False,
                                      help="Port to serve on (default 8501, or a free port when it is taken).")] = 0,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
) -> None:
    """Start the Streamlit explorer over a built graph and print its URL (Ctrl+C stops it)."""
    from aigraph.explore.status import graph_status

    status = graph_status(graph)
    if not status.ok:
        message = status.message
        if "aigraph build" not in message:
            message += f": run `aigraph build --out {graph}` first"
        raise GraphError(message)
    if port == 0:
        port = DEFAULT_PORT if port_is_free(host, DEFAULT_PORT) else free_port(host)
    elif not port_is_free(host, port):
        raise ExplorerError(f"port {port} on {host} is in use; pick another with --port")
    command = streamlit_command(app_path(), host=host, port=port)
    typer.echo(f"aigraph explorer: {explorer_url(host, port)}  (graph: {status.root}; Ctrl+C to stop)")
    process = subprocess.Popen(command, env=streamlit_env(graph))

    def stop(signum: int, frame: object) -> None:
        process.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        code = process.wait()
    except KeyboardInterrupt:
        process.terminate()
        code = process.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.kill()
            process.wait()
    if code not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise ExplorerError(f"Streamlit stopped with exit code {code}")
