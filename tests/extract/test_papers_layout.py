"""Paper titles found by layout: a title line over its abstract, Title: fields, link texts."""

from aigraph.extract.papers import find_papers

ABSTRACT = (
    "We propose a simple method for teaching small robots to fly kites in gusty wind. "
    "In this paper we show that a learned controller beats hand-tuned baselines on every course we built, "
    "and we release the code."
)


def titles(text, known=(), links=False):
    return [p.title for p in find_papers(text, known=lambda s: s in known, links=links)]


def test_title_line_over_its_abstract():
    assert titles(f"Learning to Fly Kites with Small Robots\n\n{ABSTRACT}\n") == ["Learning to Fly Kites with Small Robots"]


def test_numbered_listing_drops_marker_date_chrome_and_byline():
    text = (
        "Papers we liked\n\n"
        f"1. KiteNet: Flying Robots in the Wild [Mar 02-21]\n\n{ABSTRACT}\n\n"
        f"2. Going higher with kite controllers - Proposed by Example Labs\n\n{ABSTRACT}\n\n"
        f"#3 Wind Is All You Need [PDF] [Copy]\n\n{ABSTRACT}\n"
    )
    assert titles(text) == [
        "KiteNet: Flying Robots in the Wild",
        "Going higher with kite controllers",
        "Wind Is All You Need",
    ]


def test_authors_line_between_title_and_abstract():
    text = (
        "Deep Residual Learning for Image Recognition\n\n"
        "Authors: Kaiming He ; Xiangyu Zhang ; Shaoqing Ren ; Jian Sun\n\n"
        "Deeper neural networks are more difficult to train. A residual learning framework eases the training "
        "of networks that are substantially deeper than those used previously, and it wins first place on a "
        "classification task.\n"
    )
    assert titles(text) == ["Deep Residual Learning for Image Recognition"]


def test_heading_over_ordinary_prose_is_not_a_title():
    text = (
        "Open models catch up with closed ones\n\n"
        "Open-weight models narrowed the gap this year. Labs released more of them than ever, and several "
        "matched last year's best closed systems on the usual leaderboards while costing far less to run.\n\n"
        "Chinese labs overtook American ones in research papers\n"
        "We analyzed papers on arXiv that mention model families, counting each mention once per paper and year, "
        "and the share of open models grew in every quarter we looked at.\n"
    )
    assert titles(text) == []


def test_title_and_author_fields_and_sentences_are_not_titles_by_themselves():
    text = f"Authors: Ada Lovelace, Charles Babbage\n\n{ABSTRACT}\n\nThe model is small. It flies.\n\n{ABSTRACT}\n"
    assert titles(text) == []


def test_title_field_on_a_paper_page():
    text = "Title: Neural Kite Control at Scale\nAuthors: A. Lovelace, C. Babbage\nAbstract: We study kites.\n"
    assert titles(text) == ["Neural Kite Control at Scale"]
    assert titles("Title: Weekly funding recap\nDate: Monday\nRaised: $20M\n") == []


def test_markdown_link_to_a_paper_host():
    text = (
        "Read [Attention Is All You Need](https://arxiv.org/abs/1706.03762) and "
        "[our blog](https://example.com/blog), or the [paper](https://arxiv.org/abs/2005.14165)."
    )
    assert titles(text, links=True) == ["Attention Is All You Need"]
    assert titles(text) == []  # off where the tokenizer would glue the title to the URL


def test_title_starting_with_a_model_name_is_the_paper():
    text = f"BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding\n\n{ABSTRACT}\n"
    assert titles(text, known={"BERT"}) == [
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    ]


def test_paper_page_with_breadcrumbs_dates_and_one_author_per_line():
    text = (
        "Computer Science > Robotics\n"
        "[Submitted on 3 Jan 2020]\n"
        "KiteNet: Pre-training of Deep Kite Controllers\n"
        "Published on Jan 3, 2020\n"
        "Authors:\n"
        "Ada Lovelace,\n"
        "Charles Babbage\n\n"
        "Abstract\n"
        "Flying kites well is hard. A learned controller, trained on many simulated gusts, flies better than people "
        "do on every course that was tried, and it costs little to run on a phone.\n"
    )
    assert titles(text) == ["KiteNet: Pre-training of Deep Kite Controllers"]


def test_heading_over_a_numbered_listing_is_not_a_title():
    text = (
        "Top papers of the year\n\n"
        "1. Kites Are Few-Shot Flyers\n"
        "The authors show that very large kites fly well after seeing only a few gusts of wind, and they test this "
        "on many fields, beaches and hills across three seasons.\n"
    )
    assert titles(text) == ["Kites Are Few-Shot Flyers"]


def test_section_headings_of_docs_and_field_blocks_are_not_titles():
    text = (
        "## Filtering benchmarks\n\n"
        "`run` has filter options. We build the list of benchmarks and our experiments compare them against the "
        "baselines, which are run for every change that lands, in a loop, on a quiet machine.\n\n"
        "## Running all benchmarks\n\n"
        "Benchmarks run in rounds on a quiet machine; each result is printed next to the previous one, so a slower "
        "change stands out in the report that the tool prints at the end.\n\n"
        "Program: GNU kite\nAuthor: Ada Lovelace\nVersion: 1.0\n"
    )
    assert titles(text) == []


def test_title_with_a_short_subtitle_over_an_authors_field():
    text = f"Kites: Flying Further\nAuthors: A. Lovelace, C. Babbage\n\n{ABSTRACT}\n"
    assert titles(text) == ["Kites: Flying Further"]


def test_openreview_style_page_with_bold_title_byline_affiliations_and_date():
    text = (
        "**Tethered Flight at Scale**\n"
        "by Ada Lovelace, Charles Babbage\n"
        "Analytical Engine Lab, University of Kites\n"
        "{ada, charles}@kites.org\n"
        "29 March 2022\n"
        "TL;DR: Long strings help.\n"
        "Abstract: Kites on long strings fly higher. A controller that changes string length with the wind "
        "beats fixed strings on every course that was tried, at no extra cost.\n"
    )
    assert titles(text) == ["Tethered Flight at Scale"]


def test_abstract_opening_with_by_is_read_as_the_abstract():
    text = (
        "Longer Strings Make Higher Kites\n\n"
        "By training over 400 kites on strings of many lengths, we find that longer strings fly higher, and we "
        "propose a controller that adapts the string to the wind.\n"
    )
    assert titles(text) == ["Longer Strings Make Higher Kites"]


def test_venue_and_authors_line_joined_by_middle_dots():
    text = f"Kite Control at Scale\n\nKiteConf 2021 \u00b7 Ada Lovelace, Charles Babbage \u00b7 Edit\n\n{ABSTRACT}\n"
    assert titles(text) == ["Kite Control at Scale"]


def test_markdown_heading_with_venue_year_and_a_line_of_links():
    text = (
        "## Wind Is All You Need (KiteConf 2021)\n\n"
        "[arXiv](https://arxiv.org/abs/2101.00001) | [Code](https://example.org/code)\n\n"
        f"{ABSTRACT}\n"
    )
    assert titles(text) == ["Wind Is All You Need"]



def test_an_affiliation_line_over_the_abstract_is_not_a_title():
    page = (f"Sparse Routing for Tiny Experts\n\nJane Doe, John Roe\n\n"
            f"Department of Computer Science, Kestrel University\n\nAbstract\n\n{ABSTRACT}\n")
    assert titles(page) == ["Sparse Routing for Tiny Experts"]


def test_a_release_posts_headline_is_not_a_paper_title():
    for headline in ("Introducing Zentrix 2: our fastest model yet", "Zentrix 2, our fastest model yet"):
        assert titles(f"{headline}\n\nToday we are releasing Zentrix 2. {ABSTRACT}\n") == []


def test_a_release_post_in_the_third_person_is_not_a_paper():
    body = ("Vexora has released Quill 2, a sparse model with open weights. Quill 2 outperforms larger models on most "
            "benchmarks we track, and experiments show it runs six times faster than the dense baseline.")
    assert titles(f"Quill 2: a sparse mixture of experts\n\n{body}\n") == []
    assert titles(f"Quill 2: a sparse mixture of experts\n\n{ABSTRACT}\n") == ["Quill 2: a sparse mixture of experts"]
