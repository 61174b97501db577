import pytest

from aigraph.extract import extract_document
from aigraph.ingest import parse_text


@pytest.fixture(scope="session")
def extract_text():
    """Extract from a string laid out as a slide-citing summary."""

    def run(text: str, year: int | None = 2024):
        return extract_document(parse_text(text, source="example.md", year=year))

    return run
