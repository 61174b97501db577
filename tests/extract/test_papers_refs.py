"""Paper titles in reference entries of the common citation styles."""

import pytest

from aigraph.extract.papers import find_papers


def titles(text, links=False):
    return [p.title for p in find_papers(text, links=links)]


@pytest.mark.parametrize(
    "entry",
    [
        # Springer / LNCS: authors, colon, title, venue, (year)
        "1. Vaswani, A., Shazeer, N., Parmar, N.: Attention is all you need. In: Advances in NeurIPS, pp. 5998–6008 (2017)",
        "[3] A. Vaswani, N. Shazeer: Attention is all you need. NeurIPS, 5998-6008 (2017)",
        # APA
        "Vaswani, A., Shazeer, N., & Parmar, N. (2017). Attention is all you need. Advances in NeurIPS, 30.",
        "2. Vaswani et al. (2017). Attention is all you need. In Proceedings of NeurIPS.",
        # ACM
        "Ashish Vaswani, Noam Shazeer, and Niki Parmar. 2017. Attention is all you need. In Advances in NeurIPS.",
        # IEEE and MLA
        '[12] A. Vaswani, N. Shazeer, and N. Parmar, "Attention is all you need," in Proc. NeurIPS, 2017, pp. 5998-6008.',
        'Vaswani, Ashish, et al. "Attention is all you need." Advances in NeurIPS 30 (2017).',
        # Vancouver
        "Vaswani A, Shazeer N, Parmar N. Attention is all you need. Adv Neural Inf Process Syst. 2017;30.",
        # Harvard (single quotes), IEEE without quotes, author-year with commas
        "Vaswani, A. et al. (2017) 'Attention is all you need', Advances in Neural Information Processing Systems, 30.",
        "10. A. Vaswani, N. Shazeer, N. Parmar, et al., Attention is all you need, NeurIPS 2017.",
        "- Vaswani et al. (2017), Attention is all you need, arXiv:1706.03762",
        # DBLP: full names, colon
        "Ashish Vaswani, Noam Shazeer, Niki Parmar: Attention is all you need. NIPS 2017: 5998-6008",
    ],
)
def test_reference_styles(entry):
    assert titles(entry) == ["Attention is all you need"]


def test_title_beginning_with_a_model_name_and_arxiv_venue():
    entry = "7. Okafor, T., et al.: DistilNet: a smaller and faster student for language tasks. arXiv preprint arXiv:2101.01234 (2021)"
    assert titles(entry) == ["DistilNet: a smaller and faster student for language tasks"]


def test_question_mark_stays_in_the_title():
    entry = "[7] J. Smith, K. Lee: Do kites dream of wind? In: Proc. of Kites, pp. 1-9 (2021)"
    assert titles(entry) == ["Do kites dream of wind?"]


def test_bullets_under_a_references_heading():
    text = (
        "Further reading\n"
        "- Deep Residual Learning for Image Recognition (He et al., 2016)\n"
        "- Language Models are Few-Shot Learners\n"
        "\n"
        "About the author\n"
        "Jane writes about kites.\n"
    )
    assert titles(text) == ["Deep Residual Learning for Image Recognition", "Language Models are Few-Shot Learners"]


def test_prose_headings_venues_and_years_are_not_entries():
    text = (
        "Sam Altman, CEO: We will ship more models in 2024.\n"
        "OpenAI, Google: The race heats up (2023).\n"
        "In: Proceedings of the 2019 Conference on Kites, pp. 1-9 (2019)\n"
        "NeurIPS 2020\n"
        "Funding news (2025). Ten startups raised money. Details below.\n"
    )
    assert titles(text) == []


def test_entry_wrapped_over_two_lines_and_natbib_and_chicago_styles():
    text = (
        "[1] Ada Lovelace, Charles Babbage, Alan Turing, et al. Kites are few-shot\n"
        "flyers. In Proc. of Kites, 2020.\n"
        "[2] Ada Lovelace, Charles Babbage, and Alan Turing. Wind is all you need. In Kites, 2017.\n"
        '[3] Lovelace, Ada, Charles Babbage, and Alan Turing. 2017. "Wind Is All You Need." In Kites.\n'
    )
    assert titles(text) == ["Kites are few-shot flyers", "Wind is all you need", "Wind Is All You Need"]


def test_links_under_references_heading_need_a_title_not_a_docs_page():
    text = (
        "## References\n\n"
        "- [Kite Control: Learning to Fly in Any Wind](https://example.org/kites)\n"
        "- [App testing concepts](https://docs.example.org/testing)\n"
        "- [Kite API documentation](https://docs.example.org/api)\n"
        "- [Wind Is All You Need](https://arxiv.org/abs/2001.00001)\n"
    )
    assert titles(text, links=True) == ["Kite Control: Learning to Fly in Any Wind", "Wind Is All You Need"]
    text += "- Tails Matter for Kite Stability (Lovelace et al., 2019)\n"
    assert titles(text) == ["Tails Matter for Kite Stability"]  # link lines skipped, the list goes on


def test_single_author_with_a_bare_initial():
    assert titles("Lovelace, A. (2020). Gusts and how to model them. Kite Journal, 3.") == ["Gusts and how to model them"]


def test_a_lab_as_the_author():
    text = (
        "[1] KiteLab: Kite-2 Technical Report. arXiv preprint arXiv:2401.00001 (2024)\n"
        "[2] Wind Team, KiteLab. 2024. The Kite-3 Model Family: Small, Medium, Large.\n"
        "1. Research: Open kites caught up in 2024.\n"
    )
    assert titles(text) == ["Kite-2 Technical Report", "The Kite-3 Model Family: Small, Medium, Large"]
