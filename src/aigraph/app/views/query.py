"""Query: read-only SPARQL and Cypher consoles over the built graph, with the canned questions as examples.

Writes are refused and slow queries stopped by the stores themselves; every error is
shown on the page and the app carries on.
"""

import streamlit as st

from aigraph.errors import AigraphError, QueryTimeout
from aigraph.explore.console import (
    DEFAULT_TIMEOUT,
    MAX_QUERY_CHARS,
    MAX_ROWS,
    MAX_TIMEOUT,
    examples,
    parse_params,
    rows_to_csv,
    rows_to_json,
    run_console_query,
)
from aigraph.explore.labels import report_years
from aigraph.app.explorer_support import require_graph, store

loaded = require_graph()
years = report_years(loaded.graph)
example_year = years[-1] if years else 2024


@st.cache_data(show_spinner=False, max_entries=128, ttl=3600)
def answer(language: str, text: str, params_json: str, timeout: float, root: str, stamp: str):
    return run_console_query(store(language, root, stamp), text, language=language,
                             params=parse_params(params_json), timeout=timeout)


def load_example(language: str) -> None:
    chosen = st.session_state[f"{language}_example"]
    for example in examples(language, year=example_year):
        if example.title == chosen:
            st.session_state[f"{language}_text"] = example.text
            st.session_state[f"{language}_params"] = example.params_json


def run(language: str) -> None:
    text = st.session_state.get(f"{language}_text", "")
    params = st.session_state.get(f"{language}_params", "")
    timeout = float(st.session_state.get(f"{language}_timeout", DEFAULT_TIMEOUT))
    try:
        result = answer(language, text, params, timeout, loaded.root, loaded.stamp)
        st.session_state[f"{language}_outcome"] = ("ok", result)
    except QueryTimeout as err:
        st.session_state[f"{language}_outcome"] = (
            "error", f"{type(err).__name__}: {err} (here: the Timeout field, at most {MAX_TIMEOUT:g} s)")
    except AigraphError as err:
        st.session_state[f"{language}_outcome"] = ("error", f"{type(err).__name__}: {err}")


def console(language: str, title: str) -> None:
    found = examples(language, year=example_year)
    if f"{language}_text" not in st.session_state:
        st.session_state[f"{language}_text"] = found[1].text
        st.session_state[f"{language}_params"] = found[1].params_json
        st.session_state[f"{language}_example"] = found[1].title
    st.selectbox("Example", [e.title for e in found], key=f"{language}_example",
                 on_change=load_example, args=(language,))
    st.text_area(f"{title} query", key=f"{language}_text", height=240,
                 help=f"Read-only; at most {MAX_QUERY_CHARS:,} characters.")
    left, right = st.columns([3, 1])
    left.text_input("Parameters (JSON object)", key=f"{language}_params",
                    help='Bound to the query\'s variables, e.g. {"key": "deepmind"}; never pasted into the text.')
    right.number_input("Timeout (s)", min_value=1.0, max_value=MAX_TIMEOUT, value=DEFAULT_TIMEOUT, step=1.0,
                       key=f"{language}_timeout")
    st.button("Run", key=f"{language}_run", type="primary", on_click=run, args=(language,))

    outcome = st.session_state.get(f"{language}_outcome")
    if outcome is None:
        return
    kind, value = outcome
    if kind == "error":
        st.error(value)
        return
    unused = f" Parameters not used by this query: {', '.join(value.unused_params)}." if value.unused_params else ""
    st.caption(f"{value.total_rows:,} row{'s' if value.total_rows != 1 else ''} in {value.seconds * 1000:.0f} ms.{unused}")
    if value.truncated:
        st.warning(f"Showing the first {len(value.rows):,} of {value.total_rows:,} rows (the console's cap is "
                   f"{MAX_ROWS:,}); add a LIMIT or narrow the query to see the rest.")
    st.dataframe(value.display_rows(), hide_index=True, width="stretch")
    down_csv, down_json, _ = st.columns([1, 1, 4])
    down_csv.download_button("CSV", rows_to_csv(value.columns, value.rows), file_name=f"{language}-result.csv",
                             mime="text/csv", key=f"{language}_csv", on_click="ignore", icon=":material/download:")
    down_json.download_button("JSON", rows_to_json(value.columns, value.rows), file_name=f"{language}-result.json",
                              mime="application/json", key=f"{language}_json", on_click="ignore",
                              icon=":material/download:")


st.title("Query")
st.caption("Ask the graph directly. Both consoles are read-only: writing clauses are refused before they reach "
           "a store, and a query that runs past its timeout is stopped.")
sparql_tab, cypher_tab = st.tabs(["SPARQL", "Cypher"])
with sparql_tab:
    console("sparql", "SPARQL")
with cypher_tab:
    console("cypher", "Cypher")
