"""Correction from sibling copies: what is taken, and what never is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ocrfix import FlagKind, check, fix
from ocrfix.api import DEFAULT, sibling
from ocrfix.cli import main
from ocrfix.copies import View, view_of
from ocrfix.discover import groups, links, shingles
from ocrfix.doc import make_doc
from ocrfix.model import CLEAN_NOISE
from ocrfix.siblings import _words_pooled
from ocrfix.units import units_of

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).parent.parent / "samples"
PRINT_OCR = SAMPLES / "putin-syria-print-ocr.txt"
OTHERS = [
    SAMPLES / "putin-syria-print-clean-footer-urls.txt",
    SAMPLES / "putin-syria-web-copy.txt",
    SAMPLES / "putin-syria-rferl-writeup.txt",
    SAMPLES / "putin-syria-other-writeup.txt",
]
STORY = (
    "The Defense Ministry said last week that the embattled country had been completely "
    "liberated of militants, two years after Russia entered the war in support of the regime. "
    "Russia this month also said that the war was drawing to a close, a claim the opposition "
    "groups dispute, and the president thanked the pilots for their support during the war."
)

REWORDINGS = [
    ("said", "stated"),
    ("country", "nation"),
    ("military", "army"),
    ("war", "conflict"),
    ("forces", "troops"),
    ("announced", "declared"),
    ("also", "further"),
    ("after", "following"),
    ("during", "throughout"),
    ("about", "regarding"),
    ("president", "leader"),
    ("visit", "trip"),
]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def reworded(text: str) -> str:
    """``text`` as an edition that rewords one unit in a hundred or so would print it."""
    for ours, theirs in REWORDINGS:
        text = text.replace(f" {ours} ", f" {theirs} ")
    return text


def changes(text: str, siblings: list[str]) -> list[tuple[str, str]]:
    return [(d.original, d.replacement) for d in fix(text, siblings=siblings).decisions]


def test_seed_fix_with_all_siblings_changes_exactly_three_things() -> None:
    """The brief's bar, as a full diff: "T order", the stray quote, the date; no more."""
    original = read(PRINT_OCR)
    prepared = [sibling(read(p), p.name) for p in OTHERS]
    fixed = fix(original, siblings=prepared)
    expected = (
        original.replace("“T order", "“I order")
        .replace("‘“we", "“we")
        .replace("11,2017", "11, 2017")
    )
    assert fixed.text == expected
    (decision,) = [d for d in fixed.decisions if d.original == "T"]
    assert decision.source == "sibling"
    flag = next(f for f in fixed.flags if f.start == decision.start)
    assert flag.best is not None
    assert {e.sibling for e in flag.best.evidence} >= {OTHERS[0].name, OTHERS[1].name}


def test_seed_directory_gives_clean_copies_no_change(tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["fix", str(SAMPLES), "-o", str(out)])
    for clean in (OTHERS[0], OTHERS[1], OTHERS[3]):
        assert (out / clean.name).read_text(encoding="utf-8") == read(clean)
    fixed = (out / PRINT_OCR.name).read_text(encoding="utf-8")
    assert "“I order the Defense Minister" in fixed and "Hmeimim" not in fixed
    assert "2026/04/06" not in fixed and "defense minister" not in fixed


def test_two_siblings_agreeing_fix_a_typical_confusion() -> None:
    ocr = STORY.replace("liberated", "liherated")
    assert ("liherated", "liberated") in changes(ocr, [STORY, STORY])


def test_numbers_dates_and_urls_are_never_taken() -> None:
    ocr = STORY + " It cost 1,400 on 2017-12-11, see https://example.org/a/2017."
    sib = STORY + " It cost 1,500 on 2017-12-12, see https://example.org/a/2018."
    assert changes(ocr, [sib, sib]) == []


def test_rewording_is_never_taken() -> None:
    sib = STORY.replace("said", "stated").replace("Russia this", "The Russian Federation this")
    assert changes(STORY, [sib, sib, sib]) == []


def test_case_and_quote_style_are_not_differences() -> None:
    ocr = STORY.replace("the war was", "“the war was") + "”"
    sib = STORY.replace("the war was", '"The war was') + '"'
    assert changes(ocr, [sib]) == []


def best_for(text: str, span: str, siblings: list[str]) -> float:
    """Confidence of the best suggestion for ``span`` (0 when it is not flagged)."""
    found = [f for f in check(text, siblings=siblings) if f.text == span and f.best]
    return found[0].best.confidence if found and found[0].best else 0.0


def test_a_clean_copy_outweighs_a_noisy_one() -> None:
    ocr = STORY.replace("embattled", "embattied")
    noisy = ocr.replace("Ministry", "Miuistry").replace("years", "ycars")
    noisy = noisy.replace("support", "snpport")
    alone = best_for(ocr, "embattied", [])
    assert best_for(ocr, "embattied", [STORY, noisy]) > max(0.5, alone)


def test_two_noisy_witnesses_that_agree_outvote_one() -> None:
    """A real word ("dose" for "close") that one noisy copy cannot overturn, two can."""
    ocr = STORY.replace("close", "dose")
    noisy = STORY.replace("Ministry", "Miuistry").replace("entered", "cntered")
    other = STORY.replace("years", "ycars").replace("regime", "rcgime")
    one = best_for(ocr, "dose", [noisy])
    assert best_for(ocr, "dose", [noisy, other]) > max(0.5, one)


def test_copies_agreeing_with_us_count_against_a_change() -> None:
    text = STORY.replace("thanked", "tbanked")
    agree = [text.replace("Ministry", "ministry"), text.replace("years", "Years")]
    assert best_for(text, "tbanked", [STORY]) > best_for(text, "tbanked", [STORY, *agree])


def test_one_copy_does_not_turn_a_real_word_into_another() -> None:
    text = STORY.replace("regime", "modern regime")
    assert changes(text, [text.replace("modern", "modem")]) == []


def test_sibling_evidence_says_where() -> None:
    ocr = STORY.replace("liberated", "liherated")
    (flag,) = [f for f in check(ocr, siblings=[sibling(STORY, "web.txt")]) if f.text == "liherated"]
    assert flag.best is not None and flag.best.source == "sibling"
    (evidence,) = flag.best.evidence
    assert evidence.sibling == "web.txt"
    assert STORY[evidence.start : evidence.end] == "liberated"


def test_differences_only_siblings_see_are_flagged_as_such() -> None:
    ocr = STORY.replace("thanked", "tbanked")
    flags = check(ocr, siblings=[STORY])
    assert any(f.text == "tbanked" for f in flags)
    assert all(f.kind is not FlagKind.SIBLING or f.best for f in flags)


def test_discovery_groups_copies_and_keeps_stories_apart() -> None:
    other_story = (
        "The city council voted on Tuesday to expand the harbour, after a long debate about "
        "the cost of dredging and the fate of the old fish market near the river mouth, which "
        "traders say has served the town for more than two hundred years without a break."
    )
    texts = [STORY, other_story, STORY.replace("liberated", "liherated"), other_story.upper()]
    found = links([shingles(t) for t in texts])
    assert groups(len(texts), found) == [[0, 2], [1, 3]]


def test_a_real_word_misread_is_taken_when_a_copy_and_context_agree() -> None:
    ocr = STORY.replace("two years after", "two yeast after")
    assert ("yeast", "years") in changes(ocr, [STORY.replace("Ministry", "ministry")])
    # The same copy does not make "yeast" of "years" where context has no say.
    assert changes(STORY, [STORY.replace("two years", "two yeast")]) == []


def test_a_stray_digit_is_read_from_the_copies() -> None:
    """A speck read as "7", and "4" for "a": two copies show what stood there."""
    ocr = STORY.replace("a claim the", "a claim 7 the").replace("to a close", "to 4 close")
    copies = [STORY.replace("Ministry", "ministry"), STORY.replace("pilots", "Pilots")]
    assert fix(ocr, siblings=copies).text == STORY


def test_a_number_a_copy_spells_out_is_not_taken() -> None:
    ocr = STORY.replace("two years", "2 years")
    assert changes(ocr, [STORY, STORY]) == []
    assert changes(STORY, [ocr, ocr]) == []


def test_a_capital_inside_a_sentence_is_read_from_clean_copies() -> None:
    ocr = STORY.replace("entered the war in support", "entered the war In support")
    ocr = ocr.replace("liberated", "liherated").replace("groups", "gronps")  # a noisy print
    copies = [STORY.replace("Ministry", "ministry"), STORY.replace("pilots", "Pilots")]
    assert ("In", "in") in changes(ocr, copies)
    # A capital where a sentence starts is house style, whatever the copies say.
    assert changes(STORY, [STORY.replace("Russia this month", "russia this month")] * 2) == []


def test_stories_sharing_only_set_phrases_are_not_copies() -> None:
    """Two reports of different inquests share their genre's phrases, no passage."""
    one = (
        "An inquest was held on Monday on the body of a labourer found in the canal. "
        "The surgeon gave it as his opinion that death was due to drowning, and from the "
        "evidence it appeared that the man had been drinking at a public house in the town."
    )
    two = (
        "An inquest was opened yesterday on the body of an infant left at a railway station. "
        "Dr. Grey gave it as his opinion that the child had lived, and it appeared that the "
        "mother, a servant from the town, had travelled by the morning train from the coast."
    )
    assert links([shingles(one), shingles(two)]) == []
    assert changes(one, [two]) == []


def test_write_ups_sharing_one_passage_are_found() -> None:
    """Two different reports quoting one statement: found through the sampled index."""
    quote = (
        "the minister said that the troops would be withdrawn from the northern provinces "
        "before the end of the year and that the bases would be handed over to local forces"
    )
    one = f"In a speech on Monday {quote}. Critics called the plan rushed and vague."
    two = f"Reporters in the capital heard how {quote}, a promise first made in spring."
    (link,) = links([shingles(one), shingles(two)])
    assert link.shared >= 25


def test_a_copys_rewording_inside_a_misread_run_is_not_taken() -> None:
    """Where our garbled line holds a word the edited copy reworded, the copy's
    OCR-like readings are taken and our word is kept."""
    ocr = STORY.replace("said last week that", "said lasl weck tbat")
    edited = STORY.replace("said last week", "stated last week")
    fixed = fix(ocr, siblings=[edited]).text
    assert "Ministry said last week that" in fixed and "stated" not in fixed


def test_a_line_our_scan_lost_is_restored_from_a_second_scan_and_a_copy() -> None:
    """The second scan has the line (and a blot read as "7"); the edited copy
    has it too. With the edited copy alone it may be the editor's addition."""
    line = "The 12 pilots were thanked in person by the president."
    full = STORY.replace("the regime. ", f"the regime. {line} ")
    ours = full.replace(f"{line} ", ": ")
    scan = full.replace(line, line.replace("thanked", "tbanked") + " 7").replace("years", "ycars")
    edited = full.replace("said last week", "stated last week")
    assert line in fix(ours, siblings=[scan, edited]).text
    assert line not in fix(ours, siblings=[edited]).text


def test_a_copys_number_is_read_only_inside_a_lost_line() -> None:
    """A number a copy adds on its own is a fact of its own: no vote at all.
    Inside a line our OCR lost (we read specks there), it comes with the line."""
    alone = STORY.replace("groups dispute", "groups 12 dispute")
    line = STORY.replace("groups dispute", "groups in 12 towns and villages dispute")
    ours = STORY.replace("groups dispute", "groups : dispute")
    doc = make_doc(ours, DEFAULT)
    readings = [
        [v.reading for v in view_of(doc, units_of(ours), sibling(text, "copy")).votes]
        for text in (alone, line)
    ]
    assert not any("12" in r for r in readings[0])
    assert any("12 towns" in r for r in readings[1])


def test_a_word_moved_across_a_mark_is_not_doubled() -> None:
    """We read "snpport - of the" where the copies read "support of-the": the
    word stands on the other side of the hyphen, one difference, not two."""
    ocr = STORY.replace("in support of the", "in snpport -\nof the")
    copy = STORY.replace("in support of the", "in support of-the")
    noisy = copy.replace("Ministry", "Miuistry")
    fixed = fix(ocr, siblings=[copy, noisy]).text
    assert len(re.findall(r"\bof\b", fixed)) == len(re.findall(r"\bof\b", STORY))
    assert "support" in fixed


def test_a_line_read_in_place_of_a_speck_keeps_its_spacing() -> None:
    """We lost a line and read a speck before the next ("‘Russia"): the line
    comes back, spaced from the word after it as the copies space it."""
    line = "The pilots were thanked in person."
    full = STORY.replace("the regime. ", f"the regime. {line}\n")
    ours = full.replace(f"{line}\n", "\n\u2018")
    scan = full.replace("thanked", "tbanked").replace("years", "ycars")
    clean = full.replace("said last week", "stated last week")
    fixed = fix(ours, siblings=[scan, clean]).text
    assert f"{line} Russia" in fixed or f"{line}\nRussia" in fixed


def test_a_capital_where_the_copy_starts_a_sentence_is_its_wording() -> None:
    ocr = STORY.replace("groups dispute, and the", "groups dispute, and if the")
    copy = STORY.replace("groups dispute, and the", "groups dispute. If the")
    assert "and if the" in fix(ocr, siblings=[copy, copy]).text


def test_readings_that_agree_on_the_words_pool_their_chance() -> None:
    """Two copies restore the same lost words, one with our speck beside them:
    their agreement on the words is not split by the speck."""
    chance = {"in": 0.1, "in danger.": 0.5, "in danger. \u2018": 0.4}
    pooled = _words_pooled(chance, "in")
    assert pooled["in danger."] == pytest.approx(0.9)
    assert pooled["in"] == 0.1


def test_a_paragraph_one_copy_dropped_is_still_read_by_another() -> None:
    """The edited copy lacks our second paragraph (an editor's cut): that is no
    reading of it, and the second scan's readings inside it are still heard,
    though it reads a blot there too ("7", which is never taken)."""
    cut = "The pilots flew more than a thousand missions over the country in two years."
    ours = cut.replace("thousand missions", "thousaud misslons").replace("country", "county")
    scan = cut.replace("thousand missions", "thousand 7 missions")
    after = STORY.replace("Defense Ministry", "Air Force").replace("last week", "on Monday")
    ours, scan = (f"{STORY}\n\n{p}\n\n{after}" for p in (ours, scan))
    scan = scan.replace("Ministry", "Miuistry").replace("years after", "ycars after")
    edited = f"{STORY}\n\n{after}".replace("said last week", "stated last week")
    assert "over the country" in fix(ours, siblings=[scan, edited]).text


def test_a_copys_lone_mark_at_a_line_end_is_not_taken() -> None:
    """A scan reads a speck at a line's end ("the :"): its reading of our
    misread word is taken without it."""
    ours = STORY.replace("in support of the regime", "in support of tbe\nregime")
    scan = STORY.replace("in support of the regime", "in support of the :\nregime")
    doc = make_doc(ours, DEFAULT)
    readings = [v.reading for v in view_of(doc, units_of(ours), sibling(scan, "scan")).votes]
    assert "the" in readings


def test_a_much_noisier_copy_alone_does_not_change_a_clean_text() -> None:
    """A heavy scan that lost marks and ran words together is evidence for
    review, not a correction: alone, it cannot outvote a clean text whose
    model finds nothing wrong (the language model prefers fewer tokens)."""
    scan = (
        STORY.replace("Ministry", "Miuistry")
        .replace("years", "ycars")
        .replace("support", "snpport")
        .replace("regime", "rcgime")
        .replace(", ", " ")
    )
    assert changes(STORY, [scan]) == []
    flagged = [f for f in check(STORY, siblings=[scan]) if f.best]
    assert flagged and all(f.best.confidence <= 0.5 for f in flagged if f.best)


def test_identical_copies_are_one_witness() -> None:
    """The same OCR saved twice (as ALTO and as hOCR, say) does not outvote us as two."""
    ocr = STORY.replace("close", "dose")
    noisy = STORY.replace("Ministry", "Miuistry").replace("entered", "cntered")
    once = best_for(ocr, "dose", [noisy])
    assert best_for(ocr, "dose", [noisy, noisy.replace(" ", "  ")]) == once


def test_only_the_dozen_least_noisy_copies_are_weighed() -> None:
    """Many copies (here 30) are weighed as the 12 cleanest: past a dozen
    witnesses a reading is settled, and every added copy would slow the vote."""
    ocr = STORY.replace("embattled", "embattied")
    clean = [f"{STORY} Page {k}." for k in range(12)]  # distinct: not one witness
    damaged = STORY.replace("years", "ycars").replace("regime", "rcgime").replace("war", "wnr")
    noisy = [f"{damaged} Page {k}." for k in range(18)]
    siblings = [sibling(text, f"copy {k}") for k, text in enumerate(noisy + clean)]
    flags = [f for f in check(ocr, siblings=siblings) if f.best]
    used = {e.sibling for f in flags for c in f.suggestions for e in c.evidence}
    assert used and used <= {f"copy {k}" for k in range(18, 30)}


def test_a_mark_every_copy_prints_as_we_read_it_is_not_taken_for_a_speck() -> None:
    """A lone stop (a rule would delete it as a speck) that the copies print at
    the same place is the printer's: flagged for review, not deleted."""
    ours = (
        "The constable said the man lived for about six minutes after he was discovered\n\n"
        ". There were traces on the ground showing a struggle had taken place.\n"
    )
    copy = ours.replace("discovered\n\n. There", "discovered.\n\nThere")
    assert fix(ours).text != ours  # alone, the stop goes
    assert fix(ours, siblings=[copy, copy.replace("constable", "Constable")]).text == ours


def _with_slips(text: str) -> str:
    """``text`` as a middling scan reads it: a few letters misread."""
    slips = {"Defense": "Dcfense", "liberated": "libcrated", "opposition": "oppositiou"}
    for right, wrong in slips.items():
        text = text.replace(right, wrong)
    return text


@pytest.mark.parametrize(
    ("ours", "sure_from"),
    [
        ("air base", ["scan", "edited"]),  # the hyphen lost, a space read
        ("air- base", ["scan", "edited"]),  # a hyphen spaced on one side only
        ("air -base", ["edited"]),
        ("air:\nbase", ["edited"]),  # a colon read for a hyphen at a line's end
    ],
)
def test_a_hyphen_the_copies_print_joins_what_we_spaced(ours: str, sure_from: list[str]) -> None:
    """Copies read "air-base": the fix is "air-base", not "air- base" (the bench
    folds white space, and so does a reader: "air- base" is still wrong)."""
    full = STORY.replace("the pilots", "the air-base pilots")
    copies = {
        "scan": full.replace("Ministry", "Miuistry").replace("years", "ycars"),
        "edited": full.replace("said last week", "stated last week"),
    }
    text = _with_slips(full.replace("air-base", ours))
    assert "the air-base pilots" in fix(text, siblings=[copies[k] for k in sure_from]).text


def test_copies_that_place_a_lost_stop_on_either_side_of_a_break_are_heard_together() -> None:
    """We lost a stop at a line's end ("regime\\nRussia"). The clean copy's stop
    aligns with our word before the break, the scan's with its misread word
    after it ("regime. Rnssia"): two readings of one place, weighed as one span."""
    text = STORY.replace("the regime. Russia", "the regime.\nRussia")
    ours = _with_slips(text.replace("regime.\nRussia", "regime\nRussia"))
    edited = text.replace("said last week", "stated last week")
    scan = text.replace("regime.\nRussia", "regime. Rnssia").replace("years", "ycars")
    flags = check(ours, siblings=[edited, scan])
    assert any(f.best and f.best.text == "regime.\nRussia" for f in flags)


def test_a_last_line_our_scan_lost_is_restored_where_the_copies_finish_the_sentence() -> None:
    ours = _with_slips(STORY.removesuffix(" during the war."))
    scan = STORY.replace("Ministry", "Miuistry").replace("years", "ycars")
    web = STORY.replace("said last week", "stated last week") + "\n\nRead more stories"
    fixed = fix(ours, siblings=[scan, web]).text
    assert fixed.endswith("for their support during the war.")


def test_what_follows_our_finished_text_or_a_heading_is_not_taken() -> None:
    """Beyond our last line a copy has more: boilerplate (capitalized), or a
    sentence after ours that ended with a stop. Neither is a lost line."""
    byline = f"{STORY}\n\nReporting by Jane Doe"
    web = f"{byline}\n\nShare this article with a friend."
    assert fix(_with_slips(byline), siblings=[web, web.replace("years", "ycars")]).text.endswith(
        "Jane Doe"
    )
    longer = f"{STORY} The pilots will fly home in spring."
    assert fix(_with_slips(STORY), siblings=[longer, longer]).text.endswith("during the war.")


def test_a_first_line_our_scan_lost_is_restored_where_the_copies_begin_the_sentence() -> None:
    ours = _with_slips(STORY[STORY.index("this month") :])
    scan = STORY.replace("Ministry", "Miuistry").replace("years", "ycars")
    fixed = fix(ours, siblings=[scan, STORY])
    assert fixed.text.startswith("Russia this month also said")
    assert any(
        d.replacement.startswith("Russia ") and d.source == "sibling" for d in fixed.decisions
    )


def _view(ours: str, copy: str) -> View:
    return view_of(make_doc(ours, DEFAULT), units_of(ours), sibling(copy, "copy"))


def test_a_second_scan_is_told_from_an_edition() -> None:
    """A second scan of our print: OCR errors of its own, one garble that looks
    like a rewording ("settled" for "embattled"), nothing around the story. An
    edition: boilerplate around the story, or rewordings beyond one; a clean
    copy is never a scan (its differences may be an editor's)."""
    ours = _with_slips(STORY)
    scan = STORY.replace("Ministry", "Miuistry").replace("years", "ycars")
    assert _view(ours, scan.replace("embattled", "settled")).scan
    around = f"Breaking news, updated hourly\n\n{scan}\n\nShare this story with a friend"
    assert not _view(ours, around).scan
    reworded = scan.replace("embattled", "settled").replace("opposition", "regime")
    assert not _view(ours, reworded.replace("pilots", "commanders")).scan
    assert not _view(ours, STORY).scan


def test_a_line_only_a_second_scan_kept_is_restored_though_it_has_a_garble() -> None:
    """Our scan lost a clause that a second scan kept and the web copy cut. The
    second scan also reads a word as another far from it ("settled" for
    "embattled"), as heavy OCR does: still a scan, which has no editor to
    have added the clause."""
    clause = "the pilots flew home in the spring and "
    full = STORY.replace("and the president", f"and {clause}the president")
    ours = _with_slips(STORY)
    scan = full.replace("years", "ycars").replace("embattled", "settled")
    web = f"News of the week\n\n{STORY}\n\nRead more".replace("said last", "stated last")
    assert clause in fix(ours, siblings=[scan, web]).text


def test_a_clean_text_does_not_take_an_editions_wording() -> None:
    """A text with no OCR noise, read against an edition that adds a phrase
    here and there and repunctuates: where the model suspects nothing, what
    the edition reads is its own wording, left for review; a word it reads
    otherwise is still taken."""
    web = read(SAMPLES / "putin-syria-web-copy.txt")
    words = web.split(" ")
    added = [w + (" as reported" if k % 40 == 20 else "") for k, w in enumerate(words)]
    edition = " ".join(added).replace(", ", "; ", 3)
    assert "as reported" not in fix(web, siblings=[edition]).text
    assert any("as reported" in f.best.text for f in check(web, siblings=[edition]) if f.best)
    ocr = STORY.replace("two years after", "two yeast after")
    assert ("yeast", "years") in changes(ocr, [STORY.replace("said last", "said late last")])


def test_another_edition_does_not_change_a_clean_texts_words() -> None:
    """An edition that rewords much (one unit in a hundred or more) is no copy
    of our text: where the model suspects nothing, even a word it reads
    otherwise ("point" for "points") is its own wording; a misspelling of ours
    the model flags is still mended."""
    web = read(SAMPLES / "putin-syria-web-copy.txt")
    edition = reworded(web.replace(" points ", " point ", 1))
    assert changes(web, [edition]) == [("paiment", "payment")]


def test_a_rewording_edition_does_not_replace_what_the_model_only_doubts() -> None:
    """Where the document model doubts a code ("X-2+": a lone "2") but
    suggests nothing, an edition that rewords much and reads a word there
    ("leader") gives its own wording: it is left for review, not applied, in
    a text with OCR noise of its own too."""
    web = read(SAMPLES / "putin-syria-web-copy.txt")
    edition = reworded(web)
    coded = web.replace(" president ", " X-2+ ", 1)
    assert changes(coded, [edition]) == [("paiment", "payment")]
    (doubted,) = [f for f in check(coded, siblings=[edition]) if "X-2+" in f.text]
    assert doubted.best is not None and doubted.best.confidence <= 0.5
    noisy = coded.replace(" the ", " tbe ", 6)  # OCR noise of ours: still its wording
    assert make_doc(noisy, DEFAULT).stats.noise > CLEAN_NOISE
    assert "X-2+" not in [original for original, _ in changes(noisy, [edition])]


def test_a_copy_reading_another_name_does_not_back_our_models_guess() -> None:
    """A copy that prints another name where we read "Iate Marsh" doubts our
    words, but no more than it doubts "late Marsh", the document model's weak
    guess: the guess stays as unsure as the model made it."""
    web = read(SAMPLES / "putin-syria-web-copy.txt")
    ours = web.replace(" president ", " Iate Marsh ", 1)
    copy = web.replace(" president ", " Ada Lowell ", 1)
    assert changes(ours, [copy]) == [("paiment", "payment")]


def test_an_editions_wording_with_our_words_kept_is_still_its_wording() -> None:
    """Where the model doubts "X-2+" and an edition rewords the phrase ("the
    head of state continued"), the edition's reading with our known word kept
    ("head of state added") comes from the edition all the same: for review."""
    web = read(SAMPLES / "putin-syria-web-copy.txt")
    ours = web.replace("the president added,", "the X-2+ added,", 1)
    edition = reworded(web.replace("the president added,", "the head of state continued,", 1))
    assert changes(ours, [edition]) == [("paiment", "payment")]
