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
    parse_params,
    rows_to_csv,
    rows_to_json,
    run_console_query,
)
from aigraph.explore.labels import report_years
from aigraph.explore.markdown import markdown_table
from aigraph.explore.schema import graph_schema, prefixes, property_predicates, sorted_examples
from aigraph.app.explorer_support import require_graph, store
from aigraph.serve.registry import endpoint_for

loaded = require_graph()
years = report_years(loaded.graph)
example_year = years[-1] if years else 2024


@st.cache_data(show_spinner=False, max_entries=128, ttl=3600)
def answer(language: str, text: str, params_json: str, timeout: float, root: str, stamp: str):
    return run_console_query(store(language, root, stamp), text, language=language,
                             params=parse_params(params_json), timeout=timeout)


@st.cache_data(show_spinner=False, max_entries=8)
def examples_of(language: str, year: int):
    return sorted_examples(language, year=year)


@st.cache_data(show_spinner=False, max_entries=4)
def schema_of(root: str, stamp: str):
    from aigraph.app.explorer_support import cached_graph

    return graph_schema(cached_graph(root, stamp))


def schema_panel() -> None:
    """The graph's labels, relation types, properties and prefixes, read from this build."""
    schema = schema_of(loaded.root, loaded.stamp)
    labels_tab, relations_tab = st.columns(2, gap="large")
    properties_tab, prefixes_tab = st.columns(2, gap="large")
    with labels_tab:
        st.markdown(f"**Labels** ({len(schema.labels)})")
        st.caption("Node labels of this graph. SPARQL: `?n a aig:Model` or `?n aig:label \"Model\"`; "
                   "Cypher: `(n:Model)`.")
        st.markdown(markdown_table(
            ["label", "nodes", "SPARQL class", "properties"],
            [[f"`{s.label}`", f"{s.nodes:,}", f"`{s.sparql_class}`" if s.sparql_class else "",
              ", ".join(s.properties)] for s in schema.labels]))
    with relations_tab:
        st.markdown(f"**Relation types** ({len(schema.relations)})")
        st.caption("Relation types with their end labels. Cypher: `(o:Organization)-[:DEVELOPED]->(m:Model)`; "
                   "SPARQL: `?o aig:developed ?m`. Mentions and evidence are resources of their own in RDF "
                   "(`rdf:subject`, `rdf:object`, `prov:wasDerivedFrom`).")
        st.markdown(markdown_table(
            ["type", "edges", "from \u2192 to", "SPARQL predicate"],
            [[f"`{r.type}`", f"{r.edges:,}", "<br>".join(f"{a} \u2192 {b} ({n:,})" for a, b, n in r.pairs[:4]),
              f"`{r.sparql_predicate}`" if r.sparql_predicate else ""] for r in schema.relations]),
            unsafe_allow_html=True)
    with properties_tab:
        st.markdown("**Properties**")
        st.caption("Node properties: the Cypher property name and the SPARQL predicate. In Cypher, `keys` "
                   "holds the lower-cased name and aliases; in SPARQL, `aig:key` does.")
        st.markdown(markdown_table(["property", "SPARQL predicate"],
                                   [[f"`{k}`", f"`{v}`"] for k, v in property_predicates().items()]))
    with prefixes_tab:
        st.markdown("**Prefixes**")
        st.caption("Every SPARQL example declares these; copy them into your own queries.")
        st.code("".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes().items()), language="sparql")


def load_example(language: str) -> None:
    chosen = st.session_state[f"{language}_example"]
    for example in examples_of(language, example_year):
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
    found = examples_of(language, example_year)
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
           "a store, and a query that runs past its timeout is stopped. The examples run as shown and come sorted.")
endpoint_url = endpoint_for(loaded.root)  # `aigraph serve` over this folder, or $AIGRAPH_SPARQL_ENDPOINT
if endpoint_url:
    st.caption(f"Outside tools (YASGUI, SPARQLWrapper, curl) can query this graph at its SPARQL endpoint: "
               f"[{endpoint_url}]({endpoint_url}).")
sparql_tab, cypher_tab = st.tabs(["SPARQL", "Cypher"])
with sparql_tab:
    console("sparql", "SPARQL")
with cypher_tab:
    console("cypher", "Cypher")
st.subheader("Schema of this graph")
st.caption("Read from this build: what there is to ask about, and the names each query language gives it.")
schema_panel()
