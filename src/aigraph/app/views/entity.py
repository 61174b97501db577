"""Entity: one node with every mention (slide and sentence), its relations, neighbours and merges.

The node comes from the URL (``?id=model:alphafold-2``), so any entity page can be linked.
"""

import streamlit as st

from aigraph.explore.entity import entity_view
from aigraph.explore.labels import entities, label_sort_key, sort_labels
from aigraph.explore.markdown import escape_markdown, highlighted_markdown
from aigraph.explore.mentions import PAGE_SIZE, filter_rows, page_count, page_of, sentence_rows
from aigraph.explore.mergelog import MERGE_COLUMNS
from aigraph.explore.money import amounts_of, attach_amounts
from aigraph.explore.provenance import relation_rows
from aigraph.app.explorer_support import PAGES, entity_label, entity_link, merge_log_index, query_param, require_graph

loaded = require_graph()
graph = loaded.graph


@st.cache_data(show_spinner=False, max_entries=256)
def view_of(root: str, stamp: str, node: str):
    from aigraph.app.explorer_support import cached_graph

    return entity_view(cached_graph(root, stamp), node, merge_log_index(root, stamp).get(node, ()))


@st.cache_data(show_spinner=False, max_entries=4)
def amounts(root: str, stamp: str):
    from aigraph.app.explorer_support import cached_graph

    return attach_amounts(cached_graph(root, stamp))


@st.cache_data(show_spinner=False, max_entries=4)
def choices(root: str, stamp: str) -> list[str]:
    from aigraph.app.explorer_support import cached_graph

    g = cached_graph(root, stamp)
    return sorted((n for n, _ in entities(g)),
                  key=lambda n: (label_sort_key(g.nodes[n].get("label", "")), str(g.nodes[n].get("name", n)).lower()))


def pick_entity() -> None:
    st.session_state["entity_pending"] = st.session_state["entity_pick"]


node = query_param("id")
if st.session_state.get("entity_pending"):
    node = st.session_state.pop("entity_pending")
    st.query_params["id"] = node

if not node:
    st.title("Entity")
    st.write("Pick an entity, or find one on the Search page.")
    options = choices(loaded.root, loaded.stamp)
    st.selectbox("Entity", options, index=None, key="entity_pick", on_change=pick_entity,
                 format_func=lambda n: entity_label(str(graph.nodes[n].get("name", n)), graph.nodes[n].get("label", "")),
                 placeholder="Type a name...")
    st.page_link(PAGES["search"], label="Search names and aliases", icon=":material/search:")
    st.stop()

if node not in graph:
    st.title("Entity")
    st.warning(f"There is no node `{node}` in this graph (it may come from another build).")
    st.page_link(PAGES["search"], label="Search names and aliases", icon=":material/search:")
    st.stop()

view = view_of(loaded.root, loaded.stamp, node)
rows = sentence_rows(view.mentions)
relations = [*view.relations_out, *view.relations_in]

st.title(view.name)
st.caption(f"{view.label} \u00b7 `{view.id}`")
if view.aliases:
    st.markdown("**Also called:** " + ", ".join(escape_markdown(a) for a in view.aliases))
st.markdown("**Report years:** " + (", ".join(str(y) for y in view.years) or "none (known from curated knowledge only)"))
if view.properties:
    # Outside facts (Epoch AI) are not the reports': they get their own box below.
    from aigraph.explore.outside import report_properties

    shown = {k: v for k, v in report_properties(view.properties).items() if v not in (None, "", [])}
    st.markdown(" \u00b7 ".join(f"**{escape_markdown(k)}:** {escape_markdown(str(v))}" for k, v in shown.items()))
from aigraph.app.outside import outside_box  # noqa: E402  (the outside facts box)

outside_box(graph.nodes[node])
from aigraph.app.predictions_box import predictions_box  # noqa: E402  (predictions naming it)

predictions_box(graph, node)
st.page_link(PAGES["graph"], label="Show in the graph view", icon=":material/hub:", query_params={"id": view.id})

# Filters: report years (mentions and relations), labels of the node at the other end.
mention_years = sorted({r.year for r in rows if r.year is not None} | {y for r in relations for y in r.years})
other_labels = sort_labels({r.other_label for r in relations} | {n.label for n in view.co_mentioned})
left, right = st.columns(2)
years = left.multiselect("Report years", mention_years, default=mention_years, key="entity_years",
                         help="Mentions and relation evidence of these report years.")
labels = right.multiselect("Related nodes of these labels", other_labels, default=other_labels,
                           key="entity_labels", help="Relations and neighbours whose other node has one of these labels.")
if not years:
    years = mention_years
kept_rows = filter_rows(rows, years)
kept_relations = relation_rows(relations, years=years, labels=labels)
own_amounts = amounts_of(amounts(loaded.root, loaded.stamp), view.id) if view.label == "Organization" else []
own_amounts = [a for a in own_amounts if a.year is None or a.year in years]

tab_names = [
    f"Mentions ({len(view.mentions)})",
    f"Relations ({len(view.relations_out) + len(view.relations_in)})",
    f"Neighbours ({len(view.neighbours) + len(view.co_mentioned)})",
    f"Merge log ({len(view.merges)})",
]
if own_amounts:
    tab_names.insert(2, f"Money amounts ({len(own_amounts)})")
tabs = dict(zip(["mentions", "relations", *(["amounts"] if own_amounts else []), "neighbours", "merges"],
                st.tabs(tab_names)))

with tabs["mentions"]:
    if not view.mentions:
        st.caption("No sentence of the reports mentions this node.")
    else:
        pages = page_count(len(kept_rows))
        if st.session_state.get("entity_page", 1) > pages:  # fewer pages after a filter changed
            st.session_state["entity_page"] = pages
        top, pick = st.columns([4, 1])
        page = pick.number_input("Page", min_value=1, max_value=pages, value=1, step=1, key="entity_page")
        page = min(int(page), pages)
        top.caption(f"{len(view.mentions)} mentions in {len(rows)} sentences (a sentence under a range of slides "
                    f"is one row). Showing {len(kept_rows)} sentence{'s' if len(kept_rows) != 1 else ''} of the "
                    f"chosen years, page {page} of {pages} ({PAGE_SIZE} a page).")
        current_year = object()
        for row in page_of(kept_rows, page):
            if row.year != current_year:
                current_year = row.year
                st.markdown(f"#### {row.year if row.year is not None else 'No year'}")
            where = [row.where]
            if row.section:
                where.append(escape_markdown(row.section))
            if row.slide_title:
                where.append(f"\u201c{escape_markdown(row.slide_title)}\u201d")
            source = f" \u00b7 {escape_markdown(row.source)}" if row.source else ""
            heading = " \u00b7 ".join(where)
            st.markdown(f"**{heading}**{source}  \n{highlighted_markdown(row.parts)}")

with tabs["relations"]:
    if not relations:
        st.caption("None.")
    summary = [
        {"relation": r.type, "direction": "\u2192" if r.direction == "out" else "\u2190", "other": r.other_name,
         "label": r.other_label, "count": r.count, "years": ", ".join(map(str, r.years)),
         "curated": r.curated, "id": r.other_id}
        for r in relations if r.other_label in labels and (not r.years or set(r.years) & set(years))
    ]
    if relations:
        st.caption("One row per relation (\u2192 from this node, \u2190 to it), of the chosen years and labels.")
        st.dataframe(summary, hide_index=True, width="stretch")
        st.subheader("Evidence")
        st.caption("One row per sentence a relation rests on: its rule and confidence, and how it was known: "
                   "**read from the sentence**, **inferred from a heading** (the sentence need not name both), "
                   "**inferred from a nearby sentence**, or **known from curated knowledge** (no sentence).")
        st.dataframe(
            [{"relation": r.relation, "other": r.other, "year": r.year, "slide": r.slide, "how": r.how,
              "rule": r.rule, "confidence": r.confidence, "evidence": r.evidence} for r in kept_relations],
            hide_index=True, width="stretch",
            column_config={"year": st.column_config.NumberColumn(format="%d"),
                           "confidence": st.column_config.NumberColumn(format="%.2f"),
                           "evidence": st.column_config.TextColumn(width="large")},
        )
        with st.expander("The evidence sentences in full"):
            for r in kept_relations:
                if not r.evidence:
                    continue
                place = f"{r.year}, slide {r.slide}" if r.slide is not None else f"{r.year}"
                arrow = "\u2192" if r.direction == "out" else "\u2190"
                st.markdown(f"**{escape_markdown(r.relation)} {arrow} {escape_markdown(r.other)}** \u00b7 "
                            f"{escape_markdown(place)} \u00b7 {r.how} \u00b7 `{r.rule}`  \n"
                            f"{escape_markdown(r.evidence)}")

if own_amounts:
    with tabs["amounts"]:
        st.caption("Money amounts stated next to this organisation's name (the nearest organisation before the "
                   "amount in the sentence); they are counted here, not as entities of their own.")
        st.dataframe([{"amount": a.amount, "kind": a.kind, "year": a.year, "slide": a.slide, "sentence": a.sentence}
                      for a in own_amounts], hide_index=True, width="stretch",
                     column_config={"year": st.column_config.NumberColumn(format="%d")})

with tabs["neighbours"]:
    st.subheader("Linked by relations")
    linked = [n for n in view.neighbours if n.label in labels]
    if not linked:
        st.caption("None.")
    columns = st.columns(3)
    for i, neighbour in enumerate(linked):
        with columns[i % 3]:
            entity_link(neighbour.id, f"{neighbour.name} ({neighbour.label})", help=", ".join(neighbour.via))
    shared = [n for n in view.co_mentioned if n.label in labels]
    if shared:
        st.subheader("On the same slides")
        columns = st.columns(3)
        for i, neighbour in enumerate(shared):
            with columns[i % 3]:
                plural = "s" if neighbour.shared_slides != 1 else ""
                entity_link(neighbour.id, f"{neighbour.name} ({neighbour.label}) \u00b7 {neighbour.shared_slides} slide{plural}")

with tabs["merges"]:
    if not view.merges:
        st.caption("The merge log has no entry for this node.")
    else:
        st.caption("One line per document that named this node: the name it used and the rule that joined it here "
                   "(`new` made the node).")
        st.dataframe(
            [{c: (", ".join(r.get(c) or []) if c == "aliases" else r.get(c)) for c in MERGE_COLUMNS} for r in view.merges],
            hide_index=True, width="stretch",
        )
