"""Paper titles through the whole extraction: ingest blocks, spans and canonical names."""


def papers(ex):
    return sorted(e.name for e in ex.entities if e.label == "PAPER")


def test_listing_page_and_reference_list_give_whole_titles(extract_text):
    text = (
        "Papers we liked\n\n"
        "1. KiteNet: Flying Robots in the Wild [Mar 02-21]\n\n"
        "We propose a simple method for teaching small robots to fly kites in gusty wind. In this paper we show "
        "that a learned controller beats hand-tuned baselines on every course we built, and we release the code.\n\n"
        "References\n\n"
        "1. Lovelace, A., Babbage, C.: Gusts and how to model them. In: Proc. of Kites, pp. 1-9 (2020)\n"
        "2. Turing, A.: Computing machinery and intelligence. Mind 59, 433-460 (1950)\n"
    )
    assert papers(extract_text(text, year=2021)) == [
        "Computing machinery and intelligence",
        "Gusts and how to model them",
        "KiteNet: Flying Robots in the Wild",
    ]


def test_a_sentence_with_dates_and_names_gives_no_paper(extract_text):
    text = "In 2020, OpenAI and DeepMind (London) released models; Smith, J. said the results were strong (2021).\n"
    assert papers(extract_text(text)) == []
