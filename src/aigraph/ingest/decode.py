"""Bytes to text: encoding detection, binary detection, line endings.

The text is decoded once and normalised in place of the original, so a large
file costs its bytes plus one string at the peak, never a handful of copies.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
from pathlib import Path

from aigraph.errors import InputError

log = logging.getLogger("aigraph.ingest")

#: C0 control bytes that never appear in a text file (tab, newlines, form feed,
#: vertical tab and escape are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
#: How much of a file the binary test samples, and how many control bytes it allows.
_SAMPLE = 1 << 16
_MAX_CONTROL_SHARE = 0.02


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: it holds NUL bytes or many control bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in data:
        return True
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_SHARE * len(sample)


def decode_text(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a text file.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark
    are read as such; anything else is read as Windows-1252, and bytes that code
    page leaves undefined as Latin-1. A fallback is logged as a warning on the
    ``aigraph.ingest`` logger. Line endings are left as they are (see
    :func:`normalise_newlines`).

    Parameters
    ----------
    data : bytes
        The file's content.
    source : str
        Named in messages.

    Returns
    -------
    (str, str)
        The text and the name of the encoding it was read with.

    Raises
    ------
    InputError
        When the bytes are not text.

    Examples
    --------
    >>> decode_text("caf\\u00e9 \\u20ac5\\r\\n".encode("cp1252"))
    ('café €5\\r\\n', 'cp1252')
    """
    if looks_binary(data):
        raise InputError(f"{source}: this is a binary file, not text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise InputError(f"{source}: has a UTF-16 mark but is not valid UTF-16") from err
    try:
        if data.startswith(codecs.BOM_UTF8):
            # A view, not data[3:], which would copy the whole file.
            return codecs.utf_8_decode(memoryview(data)[3:], "strict", True)[0], "utf-8"
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    log.warning("%s: not UTF-8; read as %s", source, encoding)
    return text, encoding


def read_text_file(path: Path) -> tuple[str, str]:
    """Read a text file as :func:`decode_text` does, with ``\\n`` line endings.

    Returns
    -------
    (str, str)
        The text and the SHA-256 of the file's bytes.
    """
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if not data or data.isspace():
        raise InputError(f"{path}: the file is empty")
    if b"\r" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Line ends are fixed in the bytes, which are smaller than the text they
        # decode to (2-4 bytes a character); every encoding read here but UTF-16
        # keeps "\r" and "\n" as single bytes that no other character contains.
        data = data.replace(b"\r\n", b"\n")
        if b"\r" in data:
            data = data.replace(b"\r", b"\n")
    text, _ = decode_text(data, str(path))
    del data
    if not text or text.isspace():
        raise InputError(f"{path}: the file is empty")
    return normalise_newlines(text), digest


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``, copying only when needed."""
    if "\r" not in text:
        return text
    # Two statements, so the caller's string is the only other copy alive at a time.
    text = text.replace("\r\n", "\n")
    text = text.replace("\r", "\n")
    return text


#: Typographic ligatures PDF text carries ("Artiﬁcial"): names are matched on their letters.
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}


def expand_ligatures(text: str) -> str:
    """Spell out typographic ligatures, copying only when there are any.

    >>> expand_ligatures("Arti\\ufb01cial work\\ufb02ows")
    'Artificial workflows'
    """
    if text.isascii() or not any(lig in text for lig in _LIGATURES):
        return text
    for lig, letters in _LIGATURES.items():
        text = text.replace(lig, letters)
    return text
