"""Graph: an interactive neighbourhood around one node; clicking a node moves the focus there."""

import streamlit as st
from st_link_analysis import Event, st_link_analysis

from aigraph.explore.graphstyle import cytoscape_styles, legend_markdown
from aigraph.explore.labels import entities, label_sort_key, present_labels
from aigraph.explore.neighbourhood import DEFAULT_CAP, MAX_CAP, cytoscape_elements, neighbourhood
from aigraph.explore.timeline import default_organisation
from aigraph.app.explorer_support import PAGES, cached_graph, entity_label, query_param, require_graph

loaded = require_graph()
graph = loaded.graph


@st.cache_data(show_spinner=False, max_entries=4)
def focus_choices(root: str, stamp: str) -> list[str]:
    g = cached_graph(root, stamp)
    return sorted((n for n, _ in entities(g)),
                  key=lambda n: (label_sort_key(g.nodes[n].get("label", "")), str(g.nodes[n].get("name", n)).lower()))


class Rule:
    """One Cytoscape.js style rule, in the shape st-link-analysis passes on to the drawing."""

    def __init__(self, rule: dict) -> None:
        self.rule = rule

    def dump(self) -> dict:
        return self.rule


@st.cache_data(show_spinner=False, max_entries=256)
def elements_of(root: str, stamp: str, focus: str, depth: int, labels: tuple[str, ...], cap: int):
    sub = neighbourhood(cached_graph(root, stamp), focus, depth=depth, labels=labels, cap=cap)
    return cytoscape_elements(sub), sub.reachable, len(sub.nodes)


st.title("Graph")
options = focus_choices(loaded.root, loaded.stamp)
if not options:
    st.info("The graph has no entities to centre on.")
    st.stop()

# A click in the drawing (handled below) or a link from another page (?id=...) sets the
# focus before the picker is drawn; the URL then follows the picker.
pending = st.session_state.pop("graph_pending", None)
url_id = query_param("id")
if pending is None and url_id and url_id != st.session_state.get("graph_synced"):
    pending = url_id
if pending in graph:
    st.session_state["graph_focus"] = pending
current = st.session_state.get("graph_focus")
if current in graph and current not in options:
    options = [current, *options]  # a Slide or Report reached by a click
elif current not in options:
    st.session_state["graph_focus"] = default_organisation(graph) or options[0]

labels_present = present_labels(graph)
controls = st.columns([3, 1, 1])
focus = controls[0].selectbox(
    "Focus", options, key="graph_focus",
    format_func=lambda n: entity_label(str(graph.nodes[n].get("name", n)), graph.nodes[n].get("label", "")),
)
depth = controls[1].radio("Depth", [1, 2], horizontal=True, key="graph_depth")
cap = controls[2].number_input("Node cap", min_value=5, max_value=MAX_CAP, value=DEFAULT_CAP, step=5, key="graph_cap")
# Slides are left out at first: they link everything mentioned on them, and crowd the view;
# so are money amounts (the size of a deal, not a thing the reports talk about).
labels = st.multiselect("Walk through these labels (add Slide to see what shares slides)", labels_present,
                        default=[label for label in labels_present if label not in ("Slide", "Report", "Money")],
                        key="graph_labels")
st.session_state["graph_synced"] = focus
if st.query_params.get("id") != focus:
    st.query_params["id"] = focus

elements, reachable, shown = elements_of(loaded.root, loaded.stamp, focus, int(depth), tuple(labels), int(cap))
focus_name = str(graph.nodes[focus].get("name", focus))
note = f"{shown} of {reachable} nodes within {depth} step{'s' if depth > 1 else ''} of {focus_name}"
st.caption(note + (" (node cap reached: raise it, or narrow the labels)." if shown < reachable else ".")
           + " Click a node to centre the graph on it; click an edge to see its relation.")

shown_labels = sorted({n["data"]["label"] for n in elements["nodes"]}, key=label_sort_key)
edge_types = sorted({e["data"]["label"] for e in elements["edges"]})
st.markdown(legend_markdown(shown_labels, edge_types), unsafe_allow_html=True)
# st-link-analysis applies its own styles, then these rules (later rules win): names of
# the focus and its neighbours readable at the first zoom, edge captions only on selection.
rules = [Rule(r) for r in cytoscape_styles(shown_labels, edge_types)]
layout = {"name": "fcose", "animate": False, "fit": True, "padding": 24, "nodeDimensionsIncludeLabels": True,
          "idealEdgeLength": 90, "nodeRepulsion": 9000, "nodeSeparation": 60, "randomize": True}
event = st_link_analysis(
    elements, layout=layout, node_styles=rules, edge_styles=[], height=620,
    # A new component (new key) per neighbourhood: st-link-analysis 0.4 cannot replace the
    # elements of a drawn graph in place (its update path only adds), so each view is drawn afresh.
    key=f"graph-view-{focus}-{depth}-{cap}-{'|'.join(labels)}",
    events=[Event("focus", "tap", "node")],
)
if isinstance(event, dict) and event.get("action") == "focus":
    target = (event.get("data") or {}).get("target_id")
    stamp = event.get("timestamp")
    if target in graph and target != focus and st.session_state.get("graph_event") != stamp:
        st.session_state["graph_event"] = stamp
        st.session_state["graph_pending"] = target
        st.rerun()

st.page_link(PAGES["entity"], label=f"Open {focus_name}'s entity page", query_params={"id": focus},
             icon=":material/label:")
