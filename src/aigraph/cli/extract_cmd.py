"""`aigraph extract` and `aigraph eval` (filled in by the extraction work)."""
