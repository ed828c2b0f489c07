"""Split text into tokens with exact code-point offsets.

Every character of the input belongs to exactly one token, so joining the
tokens' texts gives back the input unchanged. URLs, e-mail addresses and
numbers with separators are single tokens, which keeps the detectors from
"correcting" inside them.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ocrfix.types import Token, TokenKind

TOKEN_RE = regex.compile(
    r"""
    (?P<newline> \r\n | \r | \n )
    # Combining marks stay with what they follow (a space, a mark): a token
    # never starts inside a grapheme.
  | (?P<space> (?: [^\S\r\n] \p{M}* )+ )
    # URLs: a scheme or www., then anything up to white space, not counting
    # punctuation that ends a sentence or closes a bracket after it.
  | (?P<url> (?: [a-z][a-z0-9+.-]*:// | www\. ) \S*? (?= [.,;:!?)\]}"'\u201d\u2019]* (?:\s|$) ) )
  | (?P<email> [\w.+-]+ @ [\w-]+ (?: \. [\w-]+ )+ )
    # Byte values in hexadecimal: 8A:F3:10:6B (keys, fingerprints).
  | (?P<hex> [0-9A-Fa-f]{2} (?: : [0-9A-Fa-f]{2} ){3,} (?! [\w:] ) )
    # Numbers with separators stay whole: 1,400  1,400,000  3.5  2017-12-11
    # 12/11/2017  10:30. A comma group must have three digits, so "5,1999"
    # (a lost space between a day and a year) is not taken for one number.
    # A number glued to letters ("1st", "5ome") is left to the word case.
  | (?P<number>
        (?: \d{1,3} (?: ,\d{3} )+ (?: \.\d+ )?
          | \d+ (?: [.:/-] \d+ )*
        )
        (?! [\p{L}\p{M}\d] )
    )
    # File paths: from the root, home or here (/usr/share, ~/notes, ./run),
    # folders down to a file with a suffix (doc/notes.txt), or three parts or
    # more (src/lib/core). "and/or" is two words.
  | (?P<path>
        (?: (?<![\w/]) (?: ~ | \.{1,2} )? / [\w*+-] [\w.*+-]* (?: / [\w.*+-]+ )*
          | [\w+-] [\w.+-]* (?: / [\w.*+-]+ )+ \. [a-z0-9]{1,5}
          | [\w+-] [\w.+-]* (?: / [\w.*+-]+ ){2,}
        )
        (?<! [.] ) (?! [\w/] )
    )
    # Words: letters, marks and digits, with inner apostrophes and hyphens
    # (Assad's, fashionably-attired). A hyphen at the end, as in a broken
    # line "pro-", stays outside the word.
  | (?P<word>
        [\p{L}\p{M}\p{N}]+
        (?: [-'\u2019\u00ad] [\p{L}\p{M}\p{N}]+ )*
    )
    # Anything else is one character of punctuation or symbol, with its marks.
  | (?P<punct> \X )
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.DOTALL,
)


# Groups of TOKEN_RE named otherwise than their kind.
KINDS = {"hex": TokenKind.NUMBER}


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text`` in order, covering it exactly.

    >>> [t.text for t in tokenize("I came, 5,1999 at 1,400.")]
    ['I', ' ', 'came', ',', ' ', '5', ',', '1999', ' ', 'at', ' ', '1,400', '.']
    >>> [t.kind.value for t in tokenize("see https://x.org/a.")]
    ['word', 'space', 'url', 'punct']
    >>> [t.kind.value for t in tokenize("in doc/notes.txt, and/or")]
    ['word', 'space', 'path', 'punct', 'space', 'word', 'punct', 'word']
    """
    return list(iter_tokens(text))


def iter_tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text`` lazily; see :func:`tokenize`."""
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        yield Token(match.start(), match.end(), match.group(), KINDS.get(kind) or TokenKind(kind))
