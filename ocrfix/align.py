"""Align two versions of a text, word by word, without quadratic work.

Sibling copies share long runs of text but differ around them: boilerplate,
a paragraph missing or moved, rewording, other line breaks. So alignment is
anchored: word trigrams that occur exactly once in each text are matched,
the longest chain of them that runs forward in both texts is kept, then the
longest among the anchors left (a moved passage), and so on; only the
stretches between consecutive anchors of a chain are aligned in full, with
rapidfuzz's edit-distance opcodes. Stretches too unequal to be the same text
(a dropped paragraph) are left unaligned.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from rapidfuzz.distance import Levenshtein

from ocrfix.units import SPECK_LENGTH

# Word n-grams that anchor the alignment.
ANCHOR_N = 3
# A stretch between anchors is aligned in full only when neither side is
# longer than this many units and the two are of comparable length;
# otherwise it is text one side has and the other lacks.
MAX_GAP = 200
MAX_GAP_RATIO = 3.0
# A stretch between anchors this short is aligned in full even if one side
# is much longer: OCR loses a line or two, or reads a blot as a line of specks.
MAX_LOST_LINE = 30
# Units compared before the first anchor and after the last.
EDGE_WINDOW = 20
# Where one text ends, what the other has beyond is compared only if it is
# all specks (marks, and units of at most units.SPECK_LENGTH characters).
# After the main chain of anchors, further chains align passages one side
# moved: at most this many, each of at least this many anchors.
MAX_CHAINS = 8
MIN_MOVED_ANCHORS = 2
# Units that end a sentence (keys as units.key gives them: quotes folded).
SENTENCE_ENDS = frozenset(".!?\"'")

Tag = Literal["equal", "replace", "insert", "delete"]
Where = Literal["before", "between", "after"]


@dataclass(frozen=True, slots=True)
class Block:
    """Units ``a[a_start:a_end]`` correspond to ``b[b_start:b_end]`` (``tag`` as in difflib)."""

    tag: Tag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def align(a: Sequence[str], b: Sequence[str]) -> list[Block]:
    """Aligned blocks of two unit sequences, in order of ``a``; unaligned stretches
    are left out. A passage that one side has moved is aligned where it stands.

    >>> a, b = "tbe ship sailed home at dawn".split(), "the ship sailed home at dawn".split()
    >>> [(x.tag, x.a_start, x.a_end, x.b_start, x.b_end) for x in align(a, b)]
    [('replace', 0, 1, 0, 1), ('equal', 1, 6, 1, 6)]
    """
    grams_b = _unique_grams(b)
    pairs = sorted((i, grams_b[g]) for g, i in _unique_grams(a).items() if g in grams_b)
    blocks: list[Block] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _ in range(MAX_CHAINS):
        free = [
            (i, j)
            for i, j in pairs
            if all(i + k not in used_a and j + k not in used_b for k in range(ANCHOR_N))
        ]
        chain = _anchor_chain(free)
        if len(chain) < 2 * (MIN_MOVED_ANCHORS if blocks else 1):
            break
        found = _chain_blocks(a, b, chain, used_a, used_b)
        for x in found:
            if x.tag in ("equal", "replace"):  # what one side lacks may be moved
                used_a.update(range(x.a_start, x.a_end))
                used_b.update(range(x.b_start, x.b_end))
        blocks.extend(found)
    return _merge(sorted(_unmoved(blocks), key=lambda x: (x.a_start, x.a_end)))


def _unmoved(blocks: list[Block]) -> list[Block]:
    """``blocks`` without units one side has and the other lacks *here* but has
    elsewhere (a moved passage, aligned by another chain)."""
    paired = [x for x in blocks if x.tag in ("equal", "replace")]
    in_a = {i for x in paired for i in range(x.a_start, x.a_end)}
    in_b = {j for x in paired for j in range(x.b_start, x.b_end)}
    return [
        x
        for x in blocks
        if not (x.tag == "insert" and any(j in in_b for j in range(x.b_start, x.b_end)))
        and not (x.tag == "delete" and any(i in in_a for i in range(x.a_start, x.a_end)))
    ]


def _chain_blocks(
    a: Sequence[str],
    b: Sequence[str],
    chain: list[tuple[int, int]],
    used_a: set[int],
    used_b: set[int],
) -> list[Block]:
    """Blocks along one chain of anchors, leaving out units an earlier chain aligned."""
    blocks: list[Block] = []
    # Before the first anchor and after the last, only a window next to the
    # anchor is compared: further out, one side may have boilerplate.
    (i1, j1), (i0, j0) = chain[0], chain[-1]
    ka, kb = _edge_windows(_free_run(used_a, i1, -1, i1), _free_run(used_b, j1, -1, j1))
    if j1 - kb == 0 and not used_a.intersection(range(i1 - ka)):
        ka += _specks(a[: i1 - ka][::-1])  # b starts here: our specks before it
    before = _fill(a, b, i1 - ka, i1, j1 - kb, j1, where="before")
    reached = (before[0].a_start, before[0].b_start) if before else (i1, j1)
    blocks.extend([*_sentence_begun(a, b, *reached, used_b), *before])
    for (x0, y0), (x1, y1) in itertools.pairwise(chain):
        if (
            _free_run(used_a, x0, 1, x1 - x0) == x1 - x0
            and _free_run(used_b, y0, 1, y1 - y0) == y1 - y0
        ):
            blocks.extend(_fill(a, b, x0, x1, y0, y1, where="between"))
    ka, kb = _edge_windows(
        _free_run(used_a, i0, 1, len(a) - i0), _free_run(used_b, j0, 1, len(b) - j0)
    )
    if j0 + kb == len(b) and not used_a.intersection(range(i0 + ka, len(a))):
        ka += _specks(a[i0 + ka :])  # b ends here: our specks after it
    after = _fill(a, b, i0, i0 + ka, j0, j0 + kb, where="after")
    blocks.extend(after)
    reached = (after[-1].a_end, after[-1].b_end) if after else (i0, j0)
    blocks.extend(_sentence_finished(a, b, *reached, used_b))
    return blocks


def _sentence_begun(
    a: Sequence[str], b: Sequence[str], i: int, j: int, used_b: set[int]
) -> list[Block]:
    """Where ``a`` starts with a word and ``b``, aligned from ``j``, has words
    after a sentence's end within MAX_LOST_LINE units before: those units, as
    an insert; they may begin our sentence, if OCR lost our first line (the
    case of the words, which keys do not keep, decides: see copies._vote)."""
    if i != 0 or not a or not a[0][:1].isalpha() or j == 0:
        return []
    for k in range(j - 1, max(-1, j - 1 - MAX_LOST_LINE), -1):
        if k in used_b:
            return []
        if k > 0 and b[k - 1] in SENTENCE_ENDS:
            return [Block("insert", 0, 0, k, j)] if b[k][:1].isalpha() else []
    return []


def _sentence_finished(
    a: Sequence[str], b: Sequence[str], i: int, j: int, used_b: set[int]
) -> list[Block]:
    """Where ``a`` stops in mid-sentence at ``i`` (OCR lost its last line) and
    ``b``, aligned up to ``j``, goes on to a sentence's end within
    MAX_LOST_LINE units: those units, as an insert. Beyond the end of the
    shared text a copy may have boilerplate, but boilerplate does not finish
    our sentence for us: it begins with a capital (copies._vote checks)."""
    if i != len(a) or not a or a[-1] in SENTENCE_ENDS or j >= len(b):
        return []
    for k in range(j, min(len(b), j + MAX_LOST_LINE)):
        if k in used_b:
            return []
        if b[k] in SENTENCE_ENDS:
            return [Block("insert", i, i, j, k + 1)]
    return []


def _edge_windows(free_a: int, free_b: int) -> tuple[int, int]:
    """How many units of each side to compare beyond an edge anchor, given how
    many are free: at most EDGE_WINDOW, and of comparable length (a side cut
    short of the other would misplace the words it has)."""
    ka, kb = min(free_a, EDGE_WINDOW), min(free_b, EDGE_WINDOW)
    return min(ka, int(MAX_GAP_RATIO * kb)), min(kb, int(MAX_GAP_RATIO * ka))


def _specks(units: Sequence[str]) -> int:
    """How many ``units`` there are, if all are specks (marks, or at most
    SPECK_LENGTH characters) and no more than EDGE_WINDOW; else 0."""
    if len(units) > EDGE_WINDOW:
        return 0
    speck = all(len(u) <= SPECK_LENGTH or not any(c.isalnum() for c in u) for u in units)
    return len(units) if speck else 0


def _free_run(used: set[int], start: int, step: int, most: int) -> int:
    """How many units from ``start`` (going back before it when ``step`` is -1)
    no earlier chain aligned, up to ``most``."""
    n = 0
    position = start if step > 0 else start - 1
    while n < most and position not in used:
        n += 1
        position += step
    return n


def _anchor_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of shared unique n-grams at (i, j), the longest chain increasing in both,
    as the positions where each kept anchor starts and ends."""
    chain = _longest_increasing(pairs)
    # Keep anchors that do not overlap the previous one's n-gram.
    kept: list[tuple[int, int]] = []
    for i, j in chain:
        if not kept or (i >= kept[-1][0] + ANCHOR_N and j >= kept[-1][1] + ANCHOR_N):
            kept.append((i, j))
    # Each anchor stands for ANCHOR_N equal units; expose both ends to _fill.
    out: list[tuple[int, int]] = []
    for i, j in kept:
        out.extend([(i, j), (i + ANCHOR_N, j + ANCHOR_N)])
    return out


def _unique_grams(units: Sequence[str]) -> dict[tuple[str, ...], int]:
    grams = [tuple(units[k : k + ANCHOR_N]) for k in range(len(units) - ANCHOR_N + 1)]
    counts = Counter(grams)
    return {g: k for k, g in enumerate(grams) if counts[g] == 1}


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by i) whose j increase too (patience sort)."""
    tails: list[int] = []  # tails[k]: the smallest j ending an increasing run of length k + 1
    tail_at: list[int] = []  # index into pairs of that run's end
    previous = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k] = j
            tail_at[k] = n
        previous[n] = tail_at[k - 1] if k > 0 else -1
    chain = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        chain.append(pairs[n])
        n = previous[n]
    return chain[::-1]


def _fill(
    a: Sequence[str], b: Sequence[str], i0: int, i1: int, j0: int, j1: int, *, where: Where
) -> list[Block]:
    """Align ``a[i0:i1]`` with ``b[j0:j1]`` in full, if they look like the same text.
    ``where``: the stretch lies between two anchors, or before the first or after
    the last (an edge of the shared text, where either copy may have boilerplate
    or specks: there a difference counts only where shared text lies beyond it,
    see _edge_kept)."""
    na, nb = i1 - i0, j1 - j0
    if na == 0 and nb == 0:
        return []
    if na == 0 or nb == 0:  # one side has units the other lacks
        blocks = [Block("insert" if na == 0 else "delete", i0, i1, j0, j1)]
    else:
        blocks = _fill_unequal(a, b, i0, i1, j0, j1, where)
    if where == "between":
        return blocks
    both_end = (i1, j1) == (len(a), len(b)) if where == "after" else (i0, j0) == (0, 0)
    return _edge_kept(a, blocks, where, both_end)


def _fill_unequal(
    a: Sequence[str], b: Sequence[str], i0: int, i1: int, j0: int, j1: int, where: Where
) -> list[Block]:
    """The blocks of a stretch both sides have units in."""
    na, nb = i1 - i0, j1 - j0
    lost_line = where == "between" and max(na, nb) <= MAX_LOST_LINE
    if max(na, nb) > MAX_GAP or (max(na, nb) > MAX_GAP_RATIO * min(na, nb) and not lost_line):
        # One side has text the other lacks (boilerplate, a dropped paragraph),
        # or the stretch is too long to be a local difference: compare only
        # windows next to the anchors, the shorter side split between them.
        k = min(na, nb, 2 * EDGE_WINDOW)
        head, tail = k // 2, k - k // 2
        return [
            *_opcodes(a, b, i0, i0 + head, j0, j0 + head),
            *_opcodes(a, b, i1 - tail, i1, j1 - tail, j1),
        ]
    if where != "between":
        return _edge_opcodes(a, b, i0, i1, j0, j1)
    return _opcodes(a, b, i0, i1, j0, j1)


def _edge_kept(a: Sequence[str], blocks: list[Block], where: Where, both_end: bool) -> list[Block]:
    """Of the blocks of an edge stretch, those that stand inside what both texts
    share: up to the outermost words read alike (a mark alike proves
    nothing); beyond them, where both texts begin (or end) there (``both_end``), marks
    alike and one difference, if it is one word read as another or units only
    ``a`` has (specks). Any other difference there may be a copy's boilerplate."""
    inward = blocks if where == "after" else blocks[::-1]
    shared = [k for k, x in enumerate(inward) if x.tag == "equal" and _has_words(a, x)]
    kept = inward[: shared[-1] + 1] if shared else []
    beyond = [x for x in inward[len(kept) :] if x.tag != "equal"]
    if both_end and len(beyond) == 1 and _slip(beyond[0]):
        kept = inward
    return kept if where == "after" else kept[::-1]


def _has_words(a: Sequence[str], block: Block) -> bool:
    return any(c.isalnum() for unit in a[block.a_start : block.a_end] for c in unit)


def _slip(block: Block) -> bool:
    """Is ``block`` one word read as another, or units only the first text has?"""
    one_word = block.a_end - block.a_start == 1 == block.b_end - block.b_start
    return block.tag == "delete" or (block.tag == "replace" and one_word)


def _opcodes(a: Sequence[str], b: Sequence[str], i0: int, i1: int, j0: int, j1: int) -> list[Block]:
    """Edit-distance alignment of ``a[i0:i1]`` and ``b[j0:j1]`` as blocks."""
    if i0 == i1 or j0 == j1:
        return []
    return [
        Block(
            cast(Tag, op.tag),
            i0 + op.src_start,
            i0 + op.src_end,
            j0 + op.dest_start,
            j0 + op.dest_end,
        )
        for op in Levenshtein.opcodes(list(a[i0:i1]), list(b[j0:j1]))
    ]


def _edge_opcodes(
    a: Sequence[str], b: Sequence[str], i0: int, i1: int, j0: int, j1: int
) -> list[Block]:
    """Like :func:`_opcodes`, for a short stretch at an edge, where one side may
    have boilerplate holding a word both have ("news for the week. THE
    SHIPWRECK" against "THE SHIPWRFCK"): a word replaced by a like word costs
    less than by any other, so words pair by likeness, not by chance of order."""
    xs, ys = a[i0:i1], b[j0:j1]
    n, m = len(xs), len(ys)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = float(i)
    for j in range(1, m + 1):
        cost[0][j] = float(j)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(
                cost[i - 1][j] + 1,
                cost[i][j - 1] + 1,
                cost[i - 1][j - 1] + _unlikeness(xs[i - 1], ys[j - 1]),
            )
    steps: list[Block] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + _unlikeness(xs[i - 1], ys[j - 1]):
            i, j = i - 1, j - 1
            tag: Tag = "equal" if xs[i] == ys[j] else "replace"
            steps.append(Block(tag, i0 + i, i0 + i + 1, j0 + j, j0 + j + 1))
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            i -= 1
            steps.append(Block("delete", i0 + i, i0 + i + 1, j0 + j, j0 + j))
        else:
            j -= 1
            steps.append(Block("insert", i0 + i, i0 + i, j0 + j, j0 + j + 1))
    return _runs(steps[::-1])


def _unlikeness(x: str, y: str) -> float:
    """0 for the same unit; else from 0.5 (nearly alike) to 1.5 (nothing alike)."""
    return 0.0 if x == y else 0.5 + Levenshtein.normalized_distance(x, y)


def _runs(steps: list[Block]) -> list[Block]:
    """Single-unit steps joined into blocks as difflib makes them: equal runs,
    and each run of differences between them as one replace, insert or delete."""
    out: list[Block] = []
    for x in steps:
        last = out[-1] if out else None
        if last is not None and (last.tag == "equal") == (x.tag == "equal"):
            a0, b0 = last.a_start, last.b_start
            a1, b1 = x.a_end, x.b_end
            tag: Tag = (
                "equal"
                if x.tag == "equal"
                else "insert"
                if a0 == a1
                else "delete"
                if b0 == b1
                else "replace"
            )
            out[-1] = Block(tag, a0, a1, b0, b1)
        else:
            out.append(x)
    return out


def _merge(blocks: list[Block]) -> list[Block]:
    """Join adjacent equal blocks (anchors and the stretches around them)."""
    out: list[Block] = []
    for x in blocks:
        last = out[-1] if out else None
        if (
            last is not None
            and last.tag == x.tag == "equal"
            and last.a_end == x.a_start
            and last.b_end == x.b_start
        ):
            out[-1] = Block("equal", last.a_start, x.a_end, last.b_start, x.b_end)
        else:
            out.append(x)
    return out
