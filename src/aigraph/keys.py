"""How names are compared: the one place that turns a name into a key.

Every layer that matches names (the stores' look-up keys, the canned questions'
arguments, the explorer's search) uses these, so a name found in one engine is found
in all.

Examples
--------
>>> name_key("  Google DeepMind ")
'google deepmind'
>>> name_keys({"name": "DeepMind", "aliases": ["Google DeepMind", "deepmind"]})
['deepmind', 'google deepmind']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def name_key(name: Any) -> str:
    """Return a name as the stores and questions compare it: stripped and lower-cased."""
    return str(name).strip().lower()


def name_keys(attrs: Mapping[str, Any]) -> list[str]:
    """Return the look-up keys of a node: its name and aliases as :func:`name_key`, sorted.

    The SPARQL and Cypher stores hold these (``aig:key``, the ``keys`` column) so a
    look-up there is an exact match on :func:`name_key`, as in the networkx form.
    """
    forms = [attrs.get("name"), *(attrs.get("aliases") or ())]
    return sorted({name_key(form) for form in forms if form is not None})


__all__ = ["name_key", "name_keys"]
