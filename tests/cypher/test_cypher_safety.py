"""The Cypher console touches no file and no network, however a statement is written."""

from __future__ import annotations

import socket
import threading

import pytest

from aigraph.cypher import CypherStore
from aigraph.cypher import store as cypher_store
from aigraph.errors import QueryError, ReadOnlyError


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def store(cypher_dir):
    with CypherStore(cypher_dir) as store:
        yield store


# {url} is http://127.0.0.1:<port>; {dir} a folder that must not appear.
REACHING_OUT = [
    "INSTALL json FROM '{url}/'",
    "install\n  json\n  from '{url}/'",
    "/* only reading */ INSTALL httpfs",
    "LOAD EXTENSION '{dir}/x.so'",
    "load extension json",
    "LOAD FROM '{url}/x.csv' RETURN *",
    "load\tfrom '/etc/passwd' (file_format='csv') RETURN *",
    "MATCH (n) WITH n LIMIT 1 LOAD FROM '{url}/x.csv' RETURN *",
    "MATCH (n) CALL { LOAD FROM '{url}/x.csv' RETURN * } RETURN n",
    "COPY Model FROM '{url}/x.csv'",
    "COPY (MATCH (n) RETURN n.id) TO '{dir}/x.csv'",
    "EXPORT DATABASE '{dir}'",
    "IMPORT DATABASE '{dir}'",
    "ATTACH '{url}/db' AS remote (dbtype lbug)",
    "CALL threads = 1",
    "CALL `timeout` = 100000",
    "CALL read_csv('{url}/x.csv')",
    "MATCH (n) RETURN n // fine\n; INSTALL json",
    "RETURN 1; LOAD FROM '{url}/x.csv' RETURN *",
]


@pytest.mark.parametrize("template", REACHING_OUT)
def test_files_and_network_are_out_of_reach(store, listener, tmp_path, template):
    target = tmp_path / "out"
    text = template.replace("{url}", f"http://127.0.0.1:{listener.port}").replace("{dir}", str(target))
    with pytest.raises(QueryError) as caught:
        store.query(text, timeout=5)
    assert isinstance(caught.value, ReadOnlyError) or "one Cypher statement" in str(caught.value)
    assert listener.connections == 0
    assert not target.exists()


@pytest.mark.parametrize(
    "text",
    [
        "CREATE (:Model {id: 'model:new', name: 'New'})",
        "MERGE (:Model {id: 'model:new'})",
        "MATCH (n:Model) SET n.name = 'x'",
        "MATCH (n:Model) DETACH DELETE n",
        "CREATE NODE TABLE Extra(id STRING, PRIMARY KEY(id))",
        "ALTER TABLE Model ADD extra STRING",
        "DROP TABLE Model",
        "COPY Model FROM '/dev/null'",
        "ATTACH '/tmp/nowhere.lbug' AS other (dbtype lbug)",
    ],
)
def test_the_engine_refuses_writes_past_the_guard(store, monkeypatch, text):
    monkeypatch.setattr(cypher_store, "check_cypher", lambda text: None)
    with pytest.raises(ReadOnlyError, match="read-only"):
        store.query(text, timeout=5)
    assert store.query("MATCH (n:Model) RETURN count(n)")[1][0][0] > 0
