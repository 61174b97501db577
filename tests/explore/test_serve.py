import sys

from aigraph.explore.serve import preload


def test_preload_imports_what_exists_and_skips_the_rest():
    assert preload(("json", "aigraph_no_such_module")) == ["json"]
    assert "aigraph_no_such_module" not in sys.modules

