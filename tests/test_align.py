"""Alignment of two versions of a text (a spec by example, like dinglehopper's)."""

from __future__ import annotations

from ocrfix.align import align


def blocks(a: str, b: str) -> list[tuple[str, str, str]]:
    """(tag, a side, b side) of the aligned blocks, as text."""
    x, y = a.split(), b.split()
    return [
        (blk.tag, " ".join(x[blk.a_start : blk.a_end]), " ".join(y[blk.b_start : blk.b_end]))
        for blk in align(x, y)
    ]


STORY = (
    "the defense ministry said last week that the country had been liberated of militants "
    "two years after russia entered the war in support of the regime"
)


def test_identical_texts_are_one_equal_block() -> None:
    assert blocks(STORY, STORY) == [("equal", STORY, STORY)]


def test_a_misread_word_is_a_replacement() -> None:
    ocr = STORY.replace("ministry", "rninistry")
    assert ("replace", "rninistry", "ministry") in blocks(ocr, STORY)


def test_boilerplate_around_the_story_is_left_unaligned() -> None:
    web = "support us today subscribe now " + STORY + " sign up for our newsletter here"
    found = blocks(STORY, web)
    assert ("equal", STORY, STORY) in found
    assert all("subscribe" not in b and "newsletter" not in b for _, _, b in found)


def test_a_missing_paragraph_is_left_unaligned() -> None:
    other = "a long paragraph that only one copy has about something else entirely new " * 3
    a = STORY + " " + other + " " + STORY.replace("the", "a")
    b = STORY + " " + STORY.replace("the", "a")
    found = blocks(a, b)
    assert all("something else" not in x for _, x, _ in found)
    aligned = sum(len(x.split()) for tag, x, _ in found if tag == "equal")
    assert aligned >= 0.9 * 2 * len(STORY.split())


def test_a_moved_paragraph_is_aligned_where_it_stands() -> None:
    p1 = "first paragraph about the budget vote in parliament yesterday evening late"
    p2 = "second paragraph about the weather over the coast this coming weekend again"
    p3 = "third paragraph about the football match in the capital city on sunday"
    found = blocks(f"{p1} {p2} {p3}", f"{p2} {p3} {p1.replace('vote', 'vcte')}")
    assert [(tag, x) for tag, x, _ in found if tag != "equal"] == [("replace", "vote")]
    equal = " ".join(x for tag, x, y in found if tag == "equal" and x == y)
    assert p2 in equal and p3 in equal and "yesterday evening late" in equal
    starts = [blk.a_start for blk in align(f"{p1} {p2} {p3}".split(), f"{p2} {p3} {p1}".split())]
    assert starts == sorted(starts)


def test_partial_overlap_aligns_only_what_is_shared() -> None:
    shared = "putin also said that conditions have been created for a political resolution"
    a = "one write up starts here with its own words " + shared + " and ends its own way"
    b = "another report opens differently entirely " + shared + " then goes elsewhere too"
    assert ("equal", shared, shared) in blocks(a, b)


def test_unrelated_texts_do_not_align() -> None:
    assert blocks(STORY, "completely different words with nothing in common at all here") == []


def test_a_line_one_side_lost_between_anchors_is_an_insertion() -> None:
    lost = "and then he left the house quietly by the back door"
    a = STORY.replace("after russia", "after : russia")
    b = STORY.replace("after russia", f"after {lost} russia")
    found = blocks(a, b)
    assert any(tag in ("insert", "replace") and lost.split()[3] in y for tag, _, y in found)


def test_a_difference_at_the_edge_of_the_shared_text_is_not_aligned() -> None:
    """Our text ends in specks where the copy's footer begins: no reading of ours."""
    a = STORY + " . : e"
    b = STORY + " . read more on our site"
    assert [tag for tag, _, _ in blocks(a, b)] == ["equal"]


def test_a_mark_alike_beyond_the_edge_does_not_anchor_a_footer() -> None:
    a = STORY + " . : : :"
    b = STORY + " . copyright notice : all rights reserved . follow us"
    assert all("copyright" not in y for tag, _, y in blocks(a, b) if tag != "equal")


def test_specks_after_the_end_both_texts_share_are_a_difference() -> None:
    found = blocks(STORY + " . 7 2 « =", STORY + " .")
    assert found[-1][0] == "delete" and found[-1][1] == "7 2 « ="


def test_words_after_the_end_of_the_copy_are_not_a_difference() -> None:
    """Our text goes on where the copy ends: boilerplate or a part it lacks, not specks."""
    found = blocks(STORY + " . sign up for our newsletter", STORY + " .")
    assert all("newsletter" not in x for _, x, _ in found)


def test_a_footer_at_the_end_is_not_read_for_our_specks() -> None:
    """Both texts end here, but the copy's last words are its footer: our
    specks are no misreading of it."""
    found = blocks(STORY + " . | | | or oe", STORY + " . read more")
    assert all("read" not in y for tag, _, y in found if tag != "equal")


def test_a_headline_word_in_the_boilerplate_does_not_pull_the_headline_into_it() -> None:
    """The copy's header ends with "the week's news" before the headline: our
    "the" pairs with the headline's, and the misread word with its like."""
    headline = "the shipwreck inquiry at dover "
    ocr = "the shipwrfck inquiry at dover " + STORY
    web = "subscribe for the week's news . " + headline + STORY
    found = blocks(ocr, web)
    assert ("replace", "shipwrfck", "shipwreck") in found
    assert all("news" not in y for tag, _, y in found if tag != "equal")


def test_a_sentence_one_side_breaks_off_is_finished_from_the_other() -> None:
    """A text that stops mid-sentence lost its last line: the other's words to
    the sentence's end are an insert (boilerplate after a finished sentence is not)."""
    whole = STORY + " and the pilots were thanked . read more stories"
    cut = STORY + " and the pilots"
    assert ("insert", "", "were thanked .") in blocks(cut, whole)
    assert all("read" not in b for _, _, b in blocks(cut + " were thanked .", whole))
