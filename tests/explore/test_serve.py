import sys

from aigraph.explore.serve import preload


def test_preload_imports_what_exists_and_skips_the_rest():
    assert preload(("json", "aigraph_no_such_module")) == ["json"]
    assert "aigraph_no_such_module" not in sys.modules



def test_preload_imports_no_streamlit_component():
    # A component imported before the server exists is never served (its frame stays empty).
    import subprocess

    code = ("import sys; from aigraph.explore.serve import preload; preload(); "
            "print(sorted(m for m in sys.modules if m.startswith(('st_link_analysis', 'streamlit.components'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
