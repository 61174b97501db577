"""`aigraph serve`: the SPARQL 1.1 Protocol endpoint over a built graph."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Annotated

import typer

from aigraph.cli._app import app
from aigraph.errors import AigraphError

#: Port used when none is given.
DEFAULT_PORT = 8000


class ServeError(AigraphError):
    """The endpoint cannot start (the address is taken or not ours)."""


def check_address(host: str, port: int) -> None:
    """Raise :class:`ServeError` unless ``host:port`` can be listened on now."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as err:
        raise ServeError(f"cannot listen on {host}: {err}") from err
    family, *_, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as err:
            raise ServeError(f"cannot listen on {host}:{port} ({err.strerror}): choose another --port") from err


@app.command("serve")
def serve(
    graph: Annotated[Path, typer.Option("--graph", help="Graph folder written by `aigraph build`.")] = Path("data/graph"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless you mean it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = DEFAULT_PORT,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds before a query is stopped (0: no limit).", min=0)] = 10.0,
    workers: Annotated[int, typer.Option("--workers", help="Query worker processes (queries beyond wait).", min=1)] = 2,
    cache_mb: Annotated[float, typer.Option("--cache-mb", help="MB of answers kept for repeated queries on the same build (0: none).", min=0)] = 64.0,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level (info logs each request).")] = "info",
) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 Protocol endpoint at /sparql."""
    from aigraph.graph.paths import GraphPaths
    from aigraph.serve import run
    from aigraph.serve.registry import announce, withdraw

    check_address(host, port)
    if not GraphPaths(graph).is_complete():
        typer.echo(f"No complete graph in {graph} yet: queries answer 503 until `aigraph build` writes one.", err=True)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/sparql"
    typer.echo(f"SPARQL endpoint for {graph} at {url} (page: http://{shown}:{port}/); Ctrl+C stops it.", err=True)
    announce(graph, url)
    try:
        run(graph, host=host, port=port, log_level=log_level, timeout=timeout or None, workers=workers,
            cache_bytes=int(cache_mb * 2**20))
    finally:
        withdraw(graph)
