import io
import json
import zipfile

import networkx as nx
import pytest

from aigraph.explore.downloads import SINGLE_FILE, export_file, export_formats


def test_every_format_is_offered():
    from aigraph.export import formats

    assert [name for name, _ in export_formats()] == formats()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_single_file_formats_read_back(graph, fmt, tmp_path):
    out = export_file(graph, fmt)
    assert out.file_name == f"aigraph.{SINGLE_FILE[fmt][0]}"
    path = tmp_path / out.file_name
    path.write_bytes(out.data)
    back = getattr(nx, f"read_{fmt}")(path)
    assert back.number_of_nodes() == graph.number_of_nodes()


def test_jsonl_lines(graph):
    lines = export_file(graph, "jsonl").data.decode("utf-8").splitlines()
    assert len(lines) == graph.number_of_nodes() + graph.number_of_edges()
    assert all(isinstance(json.loads(line), dict) for line in lines)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "neo4j"])
def test_folder_formats_come_zipped(graph, fmt):
    out = export_file(graph, fmt)
    assert out.mime == "application/zip" and out.file_name == f"aigraph-{fmt}.zip"
    names = zipfile.ZipFile(io.BytesIO(out.data)).namelist()
    assert names and all(name.startswith(f"aigraph-{fmt}/") for name in names)
    assert export_file(graph, fmt).data == out.data  # same graph, same bytes


def test_unknown_format(graph):
    from aigraph.export import ExportError

    with pytest.raises(ExportError, match="unknown export format"):
        export_file(graph, "xlsx")
