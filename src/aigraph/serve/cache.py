"""Answers already written, kept for the build they came from.

The endpoint is read-only and a graph directory changes only when a build is switched
in, so the same query asked in the same format of the same build has the same answer.
:class:`ResultCache` keeps recent answers, least recently used out first, keyed by the
build's stamp (:meth:`aigraph.graph.paths.GraphPaths.build_stamp`): a rebuild changes the
stamp, so no answer of an older build is ever served for a newer one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

#: Bytes of answers kept by default.
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024


class ResultCache:
    """A bounded LRU map of answers, by total body size; safe to share between threads.

    Parameters
    ----------
    max_bytes
        Total size of the bodies kept (0 keeps nothing).
    max_entry
        Largest single body kept (default: an eighth of ``max_bytes``).

    Examples
    --------
    >>> cache = ResultCache(100)
    >>> cache.put(("stamp", "ASK {}"), "answer", 6)
    >>> cache.get(("stamp", "ASK {}"))
    'answer'
    >>> cache.get(("other build", "ASK {}")) is None
    True
    """

    def __init__(self, max_bytes: int = DEFAULT_CACHE_BYTES, max_entry: int | None = None) -> None:
        self.max_bytes = max(0, int(max_bytes))
        self.max_entry = self.max_bytes // 8 if max_entry is None else int(max_entry)
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Any | None:
        """Return the answer kept for ``key`` (and mark it recently used), or ``None``."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[0]

    def put(self, key: Hashable, value: Any, size: int) -> None:
        """Keep ``value`` under ``key`` unless it is larger than one entry may be."""
        if size > self.max_entry or self.max_bytes == 0:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= old[1]
            self._items[key] = (value, size)
            self._size += size
            while self._size > self.max_bytes and self._items:
                _, (_, dropped) = self._items.popitem(last=False)
                self._size -= dropped

    def __len__(self) -> int:
        return len(self._items)

    @property
    def size(self) -> int:
        """Total size of the bodies kept."""
        return self._size


__all__ = ["DEFAULT_CACHE_BYTES", "ResultCache"]
