"""Where text from outside enters: files read safely, and their words made harmless to show.

A lesson file, a save, a file name or a TOML key may come from anyone. Shown raw, an
escape sequence in it can retitle the terminal, clear it, leave the alternate screen or
write to the clipboard; a bidirectional override can make a line read backwards. So every
loader passes outside text through `clean` as it reads it, and no front end needs to
remember to. And a file is read only if it is a regular file of modest size: a FIFO would
block, /dev/zero never ends, and a 10 MB "lesson" is a mistake, so each is refused at
once, before any parsing.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .refusals import Refusal

# Every C0 and C1 control character but the newline (tab included: its width depends on
# the terminal), DEL, and the marks and overrides that reorder text (Trojan Source).
_CONTROLS = "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROLS}]")
ONE_LINE = f"[^{_CONTROLS}\n]*"  # typed text with nothing to clean: what a text field accepts


# Characters a terminal shows as nothing at all, though Python counts them printable:
# Unicode's default-ignorable code points of that kind (the Hangul fillers U+115F, U+1160,
# U+3164 and U+FFA0, variation selectors, the combining grapheme joiner) and the Braille
# blank U+2800, which looks like a space. A name made of them reads as an empty one.
_BLANK = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
                    "\U000e0100-\U000e01ef]")


def shown_name(text: str) -> str:
    """An outside name (a file's, a session's, a lesson's, a cell of a student's file) as one
    line with nothing in it hidden: every character that is not printable (Unicode's Cc, Cf,
    Cs, Co, Cn, Zl, Zp, and every space but the plain one: the line breaks, the controls, the
    zero-width and byte-order marks) and every blank-looking one is shown as its escape
    ("\\n", "\\u200b", "\\u3164"). So a file named "x\\nFAKE ..." cannot print a line of
    its own, and two names that look alike on screen are told apart."""
    if text.isprintable() and not _BLANK.search(text):
        return text
    return "".join(char if char.isprintable() and not _BLANK.match(char) else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def clean(text: str) -> str:
    """`text` with every control character (but the newline) and every bidirectional
    override made visible as its escape ("\\x1b"), so nothing reaches a terminal raw."""
    return _UNSAFE.sub(lambda found: found[0].encode("unicode_escape").decode("ascii"), text)


def read_text(path: Path, limit: int, follow_links: bool = True) -> str:
    """The UTF-8 text of the regular file at `path`, if it holds at most `limit` bytes.

    A Refusal ("file.is_folder", "file.not_regular", "file.too_large", "file.not_utf8")
    says why not; FileNotFoundError and other OSErrors pass through. Opening never blocks
    (a FIFO without a writer), and no more than `limit` + 1 bytes are ever read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_links:
            raise Refusal("file.not_regular") from None  # a link where a file should be
        raise
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise Refusal("file.is_folder")
        if not stat.S_ISREG(mode):
            raise Refusal("file.not_regular")
        data = b""
        while len(data) <= limit and (chunk := os.read(descriptor, limit + 1 - len(data))):
            data += chunk
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise Refusal("file.too_large", kilobytes=limit // 1024)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal("file.not_utf8") from None
