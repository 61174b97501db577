"""Each export format, read back with its own ecosystem's reader."""

from __future__ import annotations

import csv
import io
import json
import warnings
import zipfile

import pytest

from aigraph.export import ExportError, export_graph, formats
from aigraph.graph.sample import sample_graph


@pytest.fixture(scope="module")
def graph():
    return sample_graph()


def _read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_registry_lists_every_format():
    assert formats() == sorted(
        ["csv", "jsonl", "graphml", "gexf", "ttl", "jsonld", "nt", "parquet", "neo4j"])


def test_unknown_format_is_one_clear_error(graph, tmp_path):
    with pytest.raises(ExportError, match=r"unknown export format 'xlsx' \(known: csv,"):
        export_graph(graph, "xlsx", tmp_path / "x")


def test_csv_folder(graph, tmp_path):
    export_graph(graph, "csv", tmp_path / "out")
    nodes = _read_csv((tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8"))
    edges = _read_csv((tmp_path / "out" / "edges.csv").read_text(encoding="utf-8"))
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert list(nodes[0])[:3] == ["id", "label", "name"]
    assert list(edges[0])[:3] == ["source", "target", "type"]
    deepmind = next(n for n in nodes if n["id"] == "org:deepmind")
    assert json.loads(deepmind["years"]) == [2020, 2021, 2022]
    part_of = next(e for e in edges if e["type"] == "PART_OF" and e["source"] == "org:deepmind")
    assert part_of["target"] == "org:google" and part_of["curated"] == "true"
    assert json.loads(part_of["evidence"])[0]["extractor"] == "knowledge"


def test_csv_zip_is_stable(graph, tmp_path):
    export_graph(graph, "csv", tmp_path / "a.zip")
    export_graph(graph, "csv", tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        edges = _read_csv(archive.read("edges.csv").decode("utf-8"))
    assert len(edges) == graph.number_of_edges()


def test_jsonl(graph, tmp_path):
    export_graph(graph, "jsonl", tmp_path / "g.jsonl")
    records = [json.loads(line) for line in (tmp_path / "g.jsonl").read_text("utf-8").splitlines()]
    nodes = [r for r in records if r["kind"] == "node"]
    edges = [r for r in records if r["kind"] == "edge"]
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    seer = next(e for e in edges if e["source"] == "model:seer" and e["type"] == "ACHIEVES")
    assert seer["properties"]["evidence"][0]["slide"] == 16


def test_graphml_reads_back_with_networkx(graph, tmp_path):
    import networkx as nx

    export_graph(graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["org:deepmind"]["name"] == "DeepMind"
    assert back.nodes["metric:2021:84-2-top-1-accuracy"]["value"] == 84.2
    assert back.has_edge("org:deepmind", "model:alphafold2", "DEVELOPED")
    assert json.loads(back.nodes["org:deepmind"]["aliases"]) == ["Deepmind", "Google DeepMind"]


def test_gexf_reads_back_with_networkx(graph, tmp_path):
    import networkx as nx

    export_graph(graph, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    deepmind = back.nodes["org:deepmind"]
    assert (deepmind["label"], deepmind["node_label"]) == ("DeepMind", "Organization")
    relations = {d["relation"] for _, _, d in back.edges(data=True)}
    assert relations == {k for _, _, k in graph.edges(keys=True)}


def test_parquet_reads_back_with_pyarrow(graph, tmp_path):
    import pyarrow.parquet as pq

    export_graph(graph, "parquet", tmp_path / "pq")
    nodes = pq.read_table(tmp_path / "pq" / "nodes.parquet").to_pylist()
    edges = pq.read_table(tmp_path / "pq" / "edges.parquet").to_pylist()
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    deepmind = next(n for n in nodes if n["id"] == "org:deepmind")
    assert deepmind["years"] == [2020, 2021, 2022]  # lists stay lists
    developed = [e for e in edges if e["type"] == "DEVELOPED" and e["target"] == "model:alphafold2"]
    assert [ev["year"] for ev in developed[0]["evidence"]] == [2021, 2022]


def test_neo4j_import_csvs(graph, tmp_path):
    files = export_graph(graph, "neo4j", tmp_path / "neo")
    names = {p.name for p in files}
    assert {"nodes_Organization.csv", "relationships_DEVELOPED.csv", "import.sh"} <= names
    total_nodes = total_edges = 0
    for path in files:
        if path.suffix != ".csv":
            continue
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
        header, body = rows[0], rows[1:]
        if path.name.startswith("nodes_"):
            assert header[0] == "id:ID" and header[-1] == ":LABEL"
            assert {r[-1] for r in body} == {path.stem.removeprefix("nodes_")}
            total_nodes += len(body)
        else:
            assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
            total_edges += len(body)
    assert (total_nodes, total_edges) == (graph.number_of_nodes(), graph.number_of_edges())
    orgs = list(csv.DictReader(io.StringIO((tmp_path / "neo" / "nodes_Organization.csv").read_text())))
    deepmind = next(r for r in orgs if r["id:ID"] == "org:deepmind")
    assert deepmind["years:long[]"] == "2020;2021;2022"
    assert deepmind["aliases:string[]"].split(";") == ["Deepmind", "Google DeepMind"]
    script = (tmp_path / "neo" / "import.sh").read_text()
    assert "neo4j-admin database import full" in script and "--nodes=nodes_Model.csv" in script


@pytest.mark.parametrize(("fmt", "rdf_format"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")])
def test_rdf_reads_back_with_rdflib(graph, tmp_path, fmt, rdf_format):
    import rdflib

    from aigraph.rdf import graph_to_rdf

    out = tmp_path / f"g.{fmt}"
    export_graph(graph, fmt, out)
    back = rdflib.Graph()
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated class
        warnings.simplefilter("ignore", DeprecationWarning)
        back.parse(out, format=rdf_format)
    expected = graph_to_rdf(graph)
    assert len(back) == len(expected) > 0
    names = {str(o) for o in back.objects() if isinstance(o, rdflib.Literal)}
    assert {"DeepMind", "AlphaFold2", "ImageNet"} <= names


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "graphml", "gexf", "ttl", "jsonld", "nt", "neo4j"])
def test_same_graph_same_bytes(graph, tmp_path, fmt):
    def snapshot(out):
        if not out.is_dir():
            return out.read_bytes()
        return [(p.name, p.read_bytes()) for p in sorted(out.rglob("*")) if p.is_file()]

    export_graph(graph, fmt, tmp_path / "a")
    export_graph(sample_graph(), fmt, tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
