"""Content negotiation for the SPARQL endpoint: which format answers an ``Accept`` header.

The server lists what it can write for each kind of result, in its own order of
preference; :func:`choose` picks the one the client rates highest (RFC 9110 q-values, the
most specific matching range deciding each type's rating), the server's order breaking
ties. No ``Accept`` header (or ``*/*``) gives the server's first choice.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Format:
    """One way to write a result: the media type sent, and the store's name for the format."""

    media_type: str  # as matched against Accept, lower case, no parameters
    name: str  # the store's format name ("json", "turtle", ...)
    content_type: str  # the Content-Type header sent with it


def _fmt(media_type: str, name: str) -> Format:
    charset = "" if media_type.endswith(("json", "xml")) else "; charset=utf-8"
    return Format(media_type, name, media_type + charset)


#: SELECT and ASK results, the server's favourite first (JSON, as the protocol suggests).
RESULT_FORMATS: tuple[Format, ...] = (
    _fmt("application/sparql-results+json", "json"),
    _fmt("application/sparql-results+xml", "xml"),
    _fmt("text/csv", "csv"),
    _fmt("text/tab-separated-values", "tsv"),
    Format("application/json", "json", "application/sparql-results+json"),
    Format("application/xml", "xml", "application/sparql-results+xml"),
    Format("text/xml", "xml", "application/sparql-results+xml"),
)

#: CONSTRUCT and DESCRIBE results.
GRAPH_FORMATS: tuple[Format, ...] = (
    _fmt("text/turtle", "turtle"),
    _fmt("application/n-triples", "ntriples"),
    _fmt("application/ld+json", "jsonld"),
    _fmt("application/rdf+xml", "rdfxml"),
    Format("application/x-turtle", "turtle", "text/turtle; charset=utf-8"),
    Format("application/turtle", "turtle", "text/turtle; charset=utf-8"),
    Format("text/plain", "ntriples", "application/n-triples; charset=utf-8"),
    Format("application/json", "jsonld", "application/ld+json"),
)


@dataclass(frozen=True, slots=True)
class MediaRange:
    """One entry of an ``Accept`` header."""

    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How closely this range names ``media_type``: 2 exactly, 1 ``type/*``, 0 ``*/*``, -1 not at all."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str | None) -> list[MediaRange]:
    """Return the media ranges of an ``Accept`` header; malformed entries are skipped.

    Examples
    --------
    >>> parse_accept("text/csv;q=0.5, application/json")
    [MediaRange(type='text', subtype='csv', q=0.5), MediaRange(type='application', subtype='json', q=1.0)]
    >>> parse_accept("nonsense, text/*;q=x")
    []
    """
    ranges: list[MediaRange] = []
    for entry in (header or "").split(","):
        media, *params = [part.strip() for part in entry.split(";")]
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub or (kind == "*" and sub != "*"):
            continue
        q = 1.0
        try:
            for param in params:
                key, _, value = param.partition("=")
                if key.strip().lower() == "q":
                    q = float(value.strip())
        except ValueError:
            continue
        if not 0.0 <= q <= 1.0:
            continue
        ranges.append(MediaRange(kind, sub, q))
    return ranges


def rating(ranges: list[MediaRange], media_type: str) -> float:
    """The q-value ``ranges`` give ``media_type``: that of its most specific matching range, else 0."""
    best, value = -1, 0.0
    for media_range in ranges:
        level = media_range.specificity(media_type)
        if level > best:
            best, value = level, media_range.q
        elif level == best and level >= 0:
            value = max(value, media_range.q)
    return value


def choose(accept: str | None, offered: tuple[Format, ...]) -> Format | None:
    """Return the offered format the client rates highest, or ``None`` when it accepts none.

    A missing or empty header accepts anything (the first offered format); so does a
    header made only of malformed entries.

    Examples
    --------
    >>> choose(None, RESULT_FORMATS).name
    'json'
    >>> choose("text/csv;q=0.9, application/sparql-results+xml", RESULT_FORMATS).name
    'xml'
    >>> choose("text/*", GRAPH_FORMATS).media_type
    'text/turtle'
    >>> choose("image/png", RESULT_FORMATS) is None
    True
    """
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0] if offered else None
    best: Format | None = None
    best_q = 0.0
    for fmt in offered:
        q = rating(ranges, fmt.media_type)
        if q > best_q:
            best, best_q = fmt, q
    return best


def offered_types(offered: tuple[Format, ...]) -> str:
    """The media types of ``offered``, for a 406 message."""
    return ", ".join(dict.fromkeys(f.media_type for f in offered))


__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "Format", "MediaRange", "choose", "offered_types", "parse_accept", "rating"]
