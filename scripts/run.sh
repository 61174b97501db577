#!/usr/bin/env bash
# The main job: install, build the graph from data/raw into data/graph, open the explorer.
# Extra arguments go to `aigraph explore` (e.g. --port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/aigraph build data/raw --out data/graph
exec .venv/bin/aigraph explore --graph data/graph "$@"
