"""Large texts are read and segmented in memory bounded by a small multiple of their size."""

import tracemalloc

from aigraph.ingest import read_document

SIZE = 50_000_000

# One section of a made-up summary, with paragraphs as long as a newsletter's:
# a heading, citing bullets with continuation lines, paragraphs without slides,
# and characters outside ASCII (so Python stores the text at two bytes a
# character, as real reports need). Windows line ends make the reader copy the
# text once more to normalise them: the worst case for memory.
SECTION = (
    "2. Research (Slides 10 \u2014 74)\r\n\r\n"
    "This part of the notes walks through the year\u2019s research, from protein folding to "
    "language models, and says which results held up once other labs tried them again. It "
    "leans on the report\u2019s own charts where it can, and flags the places where the "
    "evidence is a single paper or a single company\u2019s blog post rather than a trend that "
    "several groups have seen.\r\n\r\n"
    "  \u2022 Slide 12: DeepMind\u2019s AlphaFold 2 predicts protein structures from sequence, and "
    "the team released a database of more than 200 million predicted structures with EMBL-EBI.\r\n"
    "    It is used by structural biologists across the world, who report that the predicted "
    "models save months of laboratory work on proteins that resisted crystallography, though "
    "the confidence scores still need reading with care on disordered regions.\r\n"
    "  \u2022 Slides 163 + 164: EleutherAI trains GPT-J, an open model that matches a smaller GPT-3 "
    "on several zero-shot tasks, and publishes the weights for anyone to study. The group began "
    "as volunteers on a chat server and now runs evaluations that larger labs cite, which shows "
    "how far open work can go with donated compute and careful engineering.\r\n"
    "  \u2022 Slides 175 - 180: Defence agencies fund autonomy research; the caf\u00e9 culture of "
    "\u00b5-scale start-ups grows as budgets rise and procurement rules change. Several of these "
    "companies sell to more than one government, and the slides track their funding rounds, "
    "their contracts and the export rules that limit where their systems can be sold.\r\n\r\n"
    "A closing paragraph without any slide, which comments on the section as a whole and "
    "compares it with the previous year\u2019s edition of the report: fewer benchmark records, "
    "more attention to data quality, and a clear shift of frontier work from universities to a "
    "handful of well-funded companies, with the open-source community close behind.\r\n\r\n"
)


def write_copies(path, text, size):
    chunk = text.encode("utf-8")
    copies = size // len(chunk) + 1
    with path.open("wb") as f:
        for _ in range(copies):
            f.write(chunk)
    return copies, path.stat().st_size


def read_traced(path):
    """Read ``path``; return the document and the peak of traced allocations."""
    tracemalloc.start()
    try:
        doc = read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return doc, peak


def test_fifty_megabyte_summary_in_bounded_memory(tmp_path):
    copies, size = write_copies(tmp_path / "large.txt", SECTION, SIZE)
    doc, peak = read_traced(tmp_path / "large.txt")

    # The text alone is two bytes a character; the file's bytes, the text, a
    # copy for its line endings and the blocks must together stay under 6x.
    assert peak < 6 * size, f"peak {peak / size:.2f}x the file size"
    # Everything was read and cut as it would be in a small file.
    assert len(doc.text) == copies * len(SECTION.replace("\r\n", "\n"))
    assert len(doc.blocks) == copies * 6  # heading, paragraph, three bullets, paragraph
    cited = [b.slides for b in doc.blocks[-6:]]
    assert cited == [(), (), (12,), (163, 164), (175, 176, 177, 178, 179, 180), ()]
    assert doc.blocks[-1].section == "Research"


NAV = "Introduction | Research | Industry | Politics | Safety | Predictions"
SLIDE = (
    NAV + " #stateofai | {n}\n"
    "Open models close the gap\n"
    "\u25cf Meta\u2019s Llama 2 and Mistral 7B bring capable open weights to anyone with a GPU, and "
    "fine-tuned variants climb the public leaderboards within weeks of each release.\n"
    "\u25cf The gap to GPT-4 on hard reasoning benchmarks stays wide: open models trail by more than "
    "twenty points on MMLU and far more on competition mathematics.\n"
    "\u25cf Licences differ: some forbid use by the largest companies, others only ask for attribution, "
    "and a few keep the training data secret while opening the weights.\n"
    "stateof.ai 2023\n"
)


def test_ten_megabytes_of_slide_deck_text_in_bounded_memory(tmp_path):
    deck = "".join(SLIDE.format(n=n) for n in range(1, 201))
    copies, size = write_copies(tmp_path / "deck.txt", deck, 10_000_000)
    doc, peak = read_traced(tmp_path / "deck.txt")
    assert peak < 6 * size, f"peak {peak / size:.2f}x the file size"
    slides = [b for b in doc.blocks if b.kind == "slide"]
    assert len(slides) == copies * 200
    assert [b.slides for b in slides[:3]] == [(1,), (2,), (3,)]
    assert doc.block_text(slides[-1]).startswith("Open models close the gap\n")
    assert sum(b.kind == "chrome" for b in doc.blocks) == 2 * len(slides)
