"""Slide citations at the end of a bullet or inside a sentence."""

from aigraph.ingest import parse_text


def blocks(text):
    doc = parse_text(text)
    return [(doc.block_text(b).strip(), b.slides) for b in doc.blocks]


def test_trailing_citation_attributes_its_bullet():
    got = blocks("- Facebook AI trained SEER on a billion images (Slide 12).\n- No citation here.\n")
    assert got[0] == ("Facebook AI trained SEER on a billion images (Slide 12)", (12,))
    assert ("No citation here.", ()) in got


def test_two_citations_in_one_sentence_split_it():
    got = blocks("Good prompts give good results (slide 46), bad ones poor results [slides 47-48].\n")
    assert got[0][1] == (46,) and got[1][1] == (47, 48)


def test_leading_citations_are_left_alone():
    got = blocks("- Slide 7: DeepMind shipped Gato (see slide 9 for more).\n")
    assert got == [("DeepMind shipped Gato (see slide 9 for more).", (7,))]


def test_a_sentence_that_opens_with_its_slide_is_attributed_to_its_end():
    got = blocks("The deck is long. On slide 51, Vexora released Quill-2. Nobody noticed.\n")
    assert got == [("The deck is long.", ()), ("On slide 51, Vexora released Quill-2.", (51,)), ("Nobody noticed.", ())]
    got = blocks("In slides 12-14, prices fell by 84.2% in a year. At slide 15: the rest.\n")
    assert got == [("In slides 12-14, prices fell by 84.2% in a year.", (12, 13, 14)), ("At slide 15: the rest.", (15,))]


def test_a_slide_cited_inside_a_sentence_does_not_open_one():
    assert blocks("We looked in slides 12-14, and found nothing.\n") == [("We looked in slides 12-14, and found nothing.", ())]
