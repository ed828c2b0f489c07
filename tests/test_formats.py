"""hOCR, ALTO and PAGE XML: reading, writing back, safety (a spec by example)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from ocrfix import fix
from ocrfix.formats import Document, FormatError, read, render, write
from ocrfix.types import Decision, FlagKind

SAMPLES = Path(__file__).parent.parent / "samples" / "layout"
LAYOUTS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".xml", ".hocr"))
SCHEMAS = Path(__file__).parent / "schemas"


def canonical(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data).getroottree(), method="c14n")


def decision(document: Document, old: str, new: str, nth: int = 0) -> Decision:
    """A decision replacing the ``nth`` occurrence of ``old`` in the document's text."""
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(old, start + 1)
    return Decision(start, start + len(old), old, new, 0.9, "dictionary", FlagKind.NON_WORD, "")


def test_every_sample_is_read() -> None:
    assert len(LAYOUTS) >= 10
    formats = {read(p).format for p in LAYOUTS}
    assert formats == {"hocr", "alto", "page"}


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_no_decisions_give_back_the_input(path: Path) -> None:
    data, written = render(read(path), [])
    assert written.corrected == 0
    assert canonical(data) == canonical(path.read_bytes())


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_corrections_change_only_words_alternatives_and_provenance(path: Path) -> None:
    """Every decision ocrfix makes on the page, written back: the canonical
    output differs from the input only where :func:`allowed` says."""
    document = read(path)
    decisions = fix(document.text).decisions
    data, written = render(document, decisions, version="test")
    before, after = etree.fromstring(path.read_bytes()), etree.fromstring(data)
    assert same_but_allowed(before, after)
    assert lines(read_text_of(data)) == lines(expected_text(document, decisions, written))


def lines(text: str) -> list[str]:
    """``text``'s lines, their spacing made single: a word deleted whole (a
    speck) takes its space with it in the file, not in the plain text."""
    return [" ".join(line.split()) for line in text.splitlines()]


def read_text_of(data: bytes) -> str:
    return read_bytes(data).text


def read_bytes(data: bytes) -> Document:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".xml") as f:
        f.write(data)
        f.flush()
        return read(Path(f.name))


def expected_text(document: Document, decisions: tuple[Decision, ...], written: object) -> str:
    """The document's text with the decisions that fall inside one word applied."""
    skipped = set(getattr(written, "skipped", ()))
    text = document.text
    kept = [d for d in decisions if d not in skipped and d.original.count("\n") == 0]
    for d in sorted(kept, key=lambda d: d.start, reverse=True):
        k = document.word_at(d.start)
        if k is not None and d.end <= document.words[k].end:
            text = text[: d.start] + d.replacement + text[d.end :]
    return text


# Elements ocrfix adds (after those of their name already there; a
# TextEquiv before them), and attributes it may set.
# What ocrfix may add: alternatives and provenance (PAGE 2013 has no
# MetadataItem: its provenance is a Comments element, made when absent).
ADDED = {
    "ALTERNATIVE",
    "postProcessingStep",
    "MetadataItem",
    "Comments",
    "meta",
    "OCRProcessing",
    "TextEquiv",
}
CHANGED_ATTRIBUTES = {"CONTENT", "SUBS_TYPE", "SUBS_CONTENT", "index", "conf"}
FREE_TEXT = {"Unicode", "Comments"}


def local(e: etree._Element) -> str:
    return etree.QName(e).localname if isinstance(e.tag, str) else ""


def same_but_allowed(a: etree._Element, b: etree._Element) -> bool:
    """Are ``a`` (input) and ``b`` (output) alike but for a word's text, an added
    alternative (ALTO ALTERNATIVE, PAGE TextEquiv, hOCR alternatives span) and
    provenance (ALTO processing step, PAGE MetadataItem or Comments, hOCR meta)?"""
    if a.tag != b.tag:
        return False
    for name in set(a.attrib) | set(b.attrib):
        if a.get(name) != b.get(name) and name not in CHANGED_ATTRIBUTES:
            return False
    if _hocr_rewritten(a, b):
        deleted = [e for e in b.iter() if local(e) == "del"]
        return bool(deleted) and deleted[0].text == "".join(a.itertext())
    kept = _without_added(a, b)
    if len(kept) != len(a):
        return False
    if local(a) not in FREE_TEXT and (a.text or "").strip() != (b.text or "").strip():
        return False
    return all(same_but_allowed(x, y) for x, y in zip(a, kept, strict=True))


def _hocr_rewritten(a: etree._Element, b: etree._Element) -> bool:
    return (
        "ocrx_word" in (a.get("class") or "")
        and any(
            "alternatives" in (e.get("class") or "") for e in b.iter() if isinstance(e.tag, str)
        )
        and not any(
            "alternatives" in (e.get("class") or "") for e in a.iter() if isinstance(e.tag, str)
        )
    )


def _without_added(a: etree._Element, b: etree._Element) -> list[etree._Element]:
    """``b``'s children less those ocrfix added (by name, beyond ``a``'s count)."""
    out = list(b)
    for name in ADDED:
        extra = sum(local(c) == name for c in b) - sum(local(c) == name for c in a)
        if extra <= 0:
            continue
        named = [c for c in out if local(c) == name]
        added = named[:extra] if name == "TextEquiv" else named[-extra:]
        out = [c for c in out if c not in added]
    return out


def test_the_comparison_sees_a_moved_box() -> None:
    """The check above is no check unless it fails on geometry changed."""
    before = etree.fromstring((SAMPLES / "alice-degraded.alto.xml").read_bytes())
    after = etree.fromstring((SAMPLES / "alice-degraded.alto.xml").read_bytes())
    next(e for e in after.iter() if local(e) == "String").set("HPOS", "1")
    assert not same_but_allowed(before, after)


def test_a_corrected_alto_word_keeps_its_original_as_an_alternative() -> None:
    document = read(SAMPLES / "alice-degraded.alto.xml")
    data, written = render(document, [decision(document, "baglnning", "beginning")])
    assert written.corrected == 1
    root = etree.fromstring(data)
    strings = [e for e in root.iter() if local(e) == "String" and e.get("CONTENT") == "beginning"]
    assert len(strings) == 1
    alternatives = [e.text for e in strings[0] if local(e) == "ALTERNATIVE"]
    assert alternatives == ["baglnning"]
    steps = [e for e in root.iter() if local(e) == "postProcessingStep"]
    assert len(steps) == 1 and "contentModification" in etree.tostring(steps[0]).decode()


def test_a_corrected_hocr_word_has_ins_and_del_alternatives() -> None:
    document = read(SAMPLES / "alice-degraded.hocr")
    data, _ = render(document, [decision(document, "baglnning", "beginning")])
    root = etree.fromstring(data)
    span = next(e for e in root.iter() if "alternatives" in (e.get("class") or ""))
    assert [(local(e), e.text) for e in span] == [("ins", "beginning"), ("del", "baglnning")]
    word = span.getparent()
    while "ocrx_word" not in (word.get("class") or ""):
        word = word.getparent()
    assert "bbox" in word.get("title", "")  # the box is untouched
    assert read_text_of(data).count("beginning") == document.text.count("beginning") + 1


def test_page_correction_adds_a_first_textequiv_and_keeps_lines_consistent() -> None:
    document = read(SAMPLES / "tesseract-german.page2019.xml")
    word = document.text.split()[3]
    data, written = render(document, [decision(document, word, word + "x")])
    assert written.corrected == 1
    root = etree.fromstring(data)
    changed = [
        w
        for w in root.iter()
        if local(w) == "Word" and len([e for e in w if local(e) == "TextEquiv"]) == 2
    ]
    assert len(changed) == 1
    equivs = equivs_of(changed[0])
    assert [e.get("index") for e in equivs] == ["1", "2"]
    assert equivs[0][0].text == word + "x" and equivs[1][0].text == word
    line = changed[0].getparent()
    words = [w for w in line if local(w) == "Word"]
    main = min(equivs_of(line), key=lambda e: int(e.get("index", "1")))
    words_text = " ".join(
        min((e for e in w if local(e) == "TextEquiv"), key=lambda e: int(e.get("index", "1")))[
            0
        ].text
        for w in words
    )
    assert main[0].text == words_text
    assert any(local(e) == "MetadataItem" and e.get("name") == "ocrfix" for e in root.iter())


def equivs_of(element: etree._Element) -> list[etree._Element]:
    return [e for e in element if local(e) == "TextEquiv"]


def test_page_output_validates_against_the_schema() -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "pagecontent-2019-07-15.xsd")))
    path = SAMPLES / "tesseract-german.page2019.xml"
    assert schema.validate(etree.parse(str(path))), schema.error_log
    document = read(path)
    data, written = render(document, fix(document.text).decisions, version="test")
    assert written.corrected > 0
    assert schema.validate(etree.fromstring(data).getroottree()), schema.error_log


def test_alto_words_broken_at_a_line_end_are_marked_whole_not_moved() -> None:
    document = read(SAMPLES / "tesseract-lorem.alto3.xml")
    found = [d for d in fix(document.text).decisions if d.kind is FlagKind.HYPHENATION]
    assert found
    data, written = render(document, found)
    assert written.joined == len(found) and not written.skipped
    root = etree.fromstring(data)
    parts = [e for e in root.iter() if e.get("SUBS_TYPE") in ("HypPart1", "HypPart2")]
    assert len(parts) == 2 * len(found)
    first = found[0]
    assert {e.get("SUBS_CONTENT") for e in parts} >= {first.replacement}
    assert read_text_of(data) == document.text  # the text stays where it was printed


def test_confidences_are_read_on_one_scale() -> None:
    hocr = read(SAMPLES / "alice-tesseract3.hocr")
    assert hocr.words[0].confidence == pytest.approx(0.96)  # x_wconf 96
    alto = read(SAMPLES / "alice-degraded.alto.xml")
    assert all(w.confidence is None or 0 <= w.confidence <= 1 for w in alto.words)
    assert any(w.confidence is not None and w.confidence < 0.9 for w in alto.words)
    page = read(SAMPLES / "tesseract-german.page2019.xml")
    assert all(w.confidence is not None and 0 <= w.confidence <= 1 for w in page.words)


def test_siblings_work_across_formats() -> None:
    """The degraded ALTO page corrected against the plain-text copy of its page."""
    document = read(SAMPLES / "alice-degraded.alto.xml")
    copy = (SAMPLES / "alice-gt.txt").read_text(encoding="utf-8")
    alone = fix(document.text).decisions
    helped = fix(document.text, siblings=[copy]).decisions
    assert any(d.source == "sibling" for d in helped)
    data, written = render(document, helped)
    assert written.corrected > len([d for d in alone if d.original.count("\n") == 0]) / 2
    assert "beginning" in read_text_of(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page><PrintSpace>
<TextBlock><TextLine><String CONTENT="&lol3;"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE PcGts [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
<Page><TextRegion><TextEquiv><Unicode>&secret;</Unicode></TextEquiv></TextRegion></Page></PcGts>
"""


@pytest.mark.parametrize(
    ("data", "line"), [(BILLION_LAUGHS, 3), (EXTERNAL_ENTITY, 2)], ids=["laughs", "external"]
)
def test_entities_are_refused_with_the_line(tmp_path: Path, data: bytes, line: int) -> None:
    path = tmp_path / "evil.xml"
    path.write_bytes(data)
    with pytest.raises(FormatError, match=rf"evil\.xml:{line}: declares XML entities"):
        read(path)


def test_a_truncated_file_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_bytes((SAMPLES / "tesseract-lorem.page2013.xml").read_bytes()[:1500])
    with pytest.raises(FormatError, match=r"cut\.xml:\d+: not well-formed XML"):
        read(path)


def test_an_unknown_xml_root_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_bytes(b"<?xml version='1.0'?><catalog><book/></catalog>")
    with pytest.raises(FormatError, match="not hOCR, ALTO or PAGE XML"):
        read(path)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocrfix", *args], capture_output=True, text=True, check=False
    )


def test_cli_fixes_an_alto_file_into_alto(tmp_path: Path) -> None:
    source = SAMPLES / "alice-degraded.alto.xml"
    before = source.read_bytes()
    out = tmp_path / "fixed.xml"
    done = cli("fix", str(source), "-o", str(out), "--sibling", str(SAMPLES / "alice-gt.txt"))
    assert done.returncode in (0, 1), done.stderr
    assert source.read_bytes() == before
    fixed = read(out)
    assert fixed.format == "alto" and "beginning" in fixed.text


def test_cli_refuses_a_malicious_file_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "evil.xml"
    path.write_bytes(BILLION_LAUGHS)
    done = cli("check", str(path))
    assert done.returncode == 2
    assert "evil.xml:3: declares XML entities" in done.stderr
    assert "Traceback" not in done.stderr


def test_write_is_atomic_and_keeps_the_document(tmp_path: Path) -> None:
    document = read(SAMPLES / "alice-degraded.hocr")
    out = tmp_path / "out.hocr"
    write(document, [decision(document, "baglnning", "beginning")], out)
    assert "baglnning" in document.text  # the document read is not changed
    assert [p.name for p in tmp_path.iterdir()] == ["out.hocr"]


def test_a_correction_of_several_words_is_written_word_by_word() -> None:
    """ "ber sate" -> "her sister" spans two String elements: each takes its word
    and keeps its box; a merge ("to do" -> "todo") cannot be divided so."""
    document = read(SAMPLES / "alice-degraded.alto.xml")
    two = decision(document, "ber sate", "her sister")
    merge = decision(document, "bok bet", "book")
    data, written = render(document, [two, merge])
    assert written.corrected == 2 and written.skipped == (merge,)
    root = etree.fromstring(data)
    contents = [e.get("CONTENT") for e in root.iter() if local(e) == "String"]
    k = contents.index("her")
    assert contents[k + 1] == "sister"
    assert same_but_allowed(
        etree.fromstring((SAMPLES / "alice-degraded.alto.xml").read_bytes()), root
    )


def test_cli_json_report_still_writes_the_layout_file(tmp_path: Path) -> None:
    out = tmp_path / "fixed.hocr"
    done = cli("fix", str(SAMPLES / "alice-degraded.hocr"), "-o", str(out), "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    assert read(out).format == "hocr"
    assert '"decisions"' in done.stdout or '"replacement"' in done.stdout


def without_dates(data: bytes) -> bytes:
    """The file with the provenance's date and time taken out (they differ by run)."""
    return re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ?", b"DATE", data)


def test_a_mixed_batch_gives_the_same_files_on_one_process_or_two(tmp_path: Path) -> None:
    """hOCR, ALTO, plain text and a broken file in one directory: two worker
    processes (which read, fix and write the files themselves) write what one
    process writes; the broken file is reported and the rest are done. The
    clean text gets what it gets alone: the two layout files are one OCR, so
    one witness, and a much noisier one."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("alice-degraded.alto.xml", "alice-degraded.hocr", "alice-gt.txt"):
        (src / name).write_bytes((SAMPLES / name).read_bytes())
    (src / "broken.xml").write_bytes(b"<?xml version='1.0'?>\n<alto><Layout>\n")
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        done = cli("fix", str(src), "-o", str(out), "--jobs", jobs)
        assert done.returncode == 2, done.stderr
        assert "broken.xml" in done.stderr and "Traceback" not in done.stderr
        assert "4 files: 3 changed" in done.stderr and "1 errors" in done.stderr
        outs[jobs] = {p.name: without_dates(p.read_bytes()) for p in out.iterdir()}
    assert sorted(outs["1"]) == ["alice-degraded.alto.xml", "alice-degraded.hocr", "alice-gt.txt"]
    assert outs["1"] == outs["2"]
    assert read(tmp_path / "out2" / "alice-degraded.hocr").format == "hocr"
    alone = fix((SAMPLES / "alice-gt.txt").read_text(encoding="utf-8")).text
    assert outs["1"]["alice-gt.txt"].decode("utf-8") == alone


def test_an_output_that_cannot_be_written_is_an_error_for_that_file(tmp_path: Path) -> None:
    """A target where a directory stands cannot be written: that file's error is
    reported in one line and the others are written."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in ("alice-degraded.hocr", "alice-degraded.alto.xml"):
        (src / name).write_bytes((SAMPLES / name).read_bytes())
    (out / "alice-degraded.hocr").mkdir(parents=True)
    done = cli("fix", str(src), "-o", str(out), "--jobs", "2")
    assert done.returncode == 2
    assert "alice-degraded.hocr: cannot write" in done.stderr
    assert "Traceback" not in done.stderr
    assert read(out / "alice-degraded.alto.xml").format == "alto"


# The content models of the ALTO elements ocrfix adds to or writes, as the
# ALTO schemas (v2 to v4) give them: children in this order, each optional.
# (No ALTO xsd can be installed from a package registry, so the schema's
# rules for these elements are checked here; PAGE is validated in full.)
ALTO_ORDER = {
    "String": ["Shape", "ALTERNATIVE", "Glyph"],
    "OCRProcessing": ["preProcessingStep", "ocrProcessingStep", "postProcessingStep"],
    "postProcessingStep": [
        "processingCategory",  # v3 and later
        "processingDateTime",
        "processingAgency",
        "processingStepDescription",
        "processingStepSettings",
        "processingSoftware",
    ],
    "processingSoftware": [
        "softwareCreator",
        "softwareName",
        "softwareVersion",
        "applicationDescription",
    ],
}


def in_schema_order(element: etree._Element) -> bool:
    order = ALTO_ORDER[local(element)]
    ranks = [order.index(local(c)) for c in element if local(c) in order]
    return ranks == sorted(ranks) and all(local(c) in order for c in element if local(c))


@pytest.mark.parametrize(
    "path", [p for p in LAYOUTS if read(p).format == "alto"], ids=lambda p: p.name
)
def test_what_is_written_into_alto_keeps_the_schemas_order(path: Path) -> None:
    document = read(path)
    words = [w for w in document.words if w.editable and w.end - w.start > 1]
    decisions = [
        Decision(w.start, w.end, text, text[::-1], 0.9, "dictionary", FlagKind.NON_WORD, "")
        for w in (words[0], words[-1])
        if (text := document.text[w.start : w.end])
    ]
    data, written = render(document, decisions, version="test")
    root = etree.fromstring(data)
    checked = [e for e in root.iter() if local(e) in ALTO_ORDER]
    assert written.corrected and checked
    assert all(in_schema_order(e) for e in checked)
    category = [e.text for e in root.iter() if local(e) == "processingCategory"]
    described = any(local(e) == "Description" for e in root)  # else no provenance: see alto.record
    assert category == (["contentModification"] if described and "ns-v2#" not in root.tag else [])


def test_an_outline_reopens_the_file_without_walking_it_again(tmp_path: Path) -> None:
    """What a batch sends between processes: the words of a file read once. A
    file changed since is read again in full, never matched to stale words."""
    from ocrfix.formats.outline import outline, reopen, stamp

    path = tmp_path / "page.hocr"
    path.write_bytes((SAMPLES / "alice-degraded.hocr").read_bytes())
    before = stamp(path)
    document = read(path)
    known = outline(document, before)
    again = reopen(path, document.text, known)
    assert (again.format, again.text, again.words) == ("hocr", document.text, document.words)
    assert render(again, [])[0] == render(document, [])[0]
    path.write_bytes((SAMPLES / "alice-tesseract5.hocr").read_bytes())
    changed = reopen(path, document.text, known)
    assert changed.text == read(path).text != document.text


def test_a_word_the_engine_doubted_is_flagged_for_review() -> None:
    """The engine's confidence is evidence: a known word read with confidence
    0.2 is flagged (no suggestion, so ``fix`` leaves it); read surely, not."""
    from ocrfix import check

    text = "The cat sat on the mat."
    start = text.index("sat")
    unsure = check(text, confidences=[(start, start + 3, 0.2)])
    assert [(f.text, f.kind, f.confidence, f.best) for f in unsure] == [
        ("sat", FlagKind.LOW_CONFIDENCE, 0.8, None)
    ]
    assert check(text, confidences=[(start, start + 3, 0.97)]) == []
    assert fix(text, confidences=[(start, start + 3, 0.2)]).text == text


def test_a_layout_files_confidences_reach_the_detector(tmp_path: Path) -> None:
    """``ocrfix check`` on an hOCR page flags the words Tesseract doubted; the same
    text as plain text has no such flags."""
    page = SAMPLES / "alice-degraded.hocr"
    document = read(page)
    doubted = [w for w in document.words if w.confidence is not None and w.confidence < 0.5]
    assert doubted
    done = cli("check", str(page), "--format", "json")
    kinds = [f["kind"] for f in json.loads(done.stdout)["flags"]]
    assert kinds.count("low-confidence") >= 1
    plain = tmp_path / "page.txt"
    plain.write_text(document.text, encoding="utf-8")
    done = cli("check", str(plain), "--format", "json")
    assert "low-confidence" not in done.stdout
