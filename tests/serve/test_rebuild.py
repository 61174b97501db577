"""A rebuild of the graph directory is served without a restart."""

from __future__ import annotations

import httpx

from aigraph.serve import create_app

ORG_NAMES = "PREFIX aig: <https://w3id.org/aigraph/vocab#> PREFIX schema: <https://schema.org/> " \
            "SELECT ?name WHERE { ?o a aig:Organization ; schema:name ?name }"


def names(endpoint):
    response = httpx.get(endpoint, params={"query": ORG_NAMES}, timeout=30)
    assert response.status_code == 200, response.text
    return {b["name"]["value"] for b in response.json()["results"]["bindings"]}


def test_a_rebuild_is_served_without_restart(tmp_path, graph, new_version, start_server):
    out = tmp_path / "graph"
    server = start_server(create_app(out, timeout=10))
    endpoint = server.url + "/sparql"
    assert httpx.get(endpoint, params={"query": ORG_NAMES}, timeout=30).status_code == 503  # nothing built yet

    new_version(graph, out)
    before = names(endpoint)
    assert "Zeta Labs" not in before

    rebuilt = graph.copy()
    rebuilt.add_node("org:zeta-labs", label="Organization", name="Zeta Labs", aliases=[], years=[2022])
    new_version(rebuilt, out)
    assert names(endpoint) == before | {"Zeta Labs"}
    assert f"{rebuilt.number_of_nodes()} nodes" in httpx.get(server.url + "/", timeout=30).text

    new_version(graph, out)  # and back again
    assert names(endpoint) == before


def test_a_half_written_build_is_a_503_until_a_complete_one_is_switched_in(tmp_path, graph, new_version,
                                                                          start_server):
    import os

    out = new_version(graph, tmp_path / "graph")
    server = start_server(create_app(out, timeout=10))
    endpoint = server.url + "/sparql"
    before = names(endpoint)
    half = out / "v-half"
    half.mkdir()
    (half / "graph.ttl").write_text("", encoding="utf-8")  # no manifest.json: not a finished build
    assert names(endpoint) == before  # a folder being written beside `current` changes nothing
    os.symlink(half.name, out / ".link-half")
    os.replace(out / ".link-half", out / "current")
    response = httpx.get(endpoint, params={"query": ORG_NAMES}, timeout=30)
    assert response.status_code == 503 and "no complete graph" in response.text
    assert response.text.count("\n") == 1
    new_version(graph, out)
    assert names(endpoint) == before
