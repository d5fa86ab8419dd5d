"""Every sentence a user can see, one TOML file per language in languages/, each read once,
when its language is first asked for (ByLanguage).

Each file maps a key to its sentence; `say.say()` fills them in. The core never words
anything: it raises a Refusal carrying one of these keys. Data files, not gettext: gettext
needs compiled catalogues, and a translator edits one plain file that a test can read
directly (every language has English's keys, with the same values to fill in). A file's
[argparse] table holds argparse's own words in that language (English needs none).

`{name}` fills a value in; `{name!r}` quotes outside text; `{name!d}` describes a value
from a lesson file by its kind; `{name!t}` names a quantity in the reader's words; `{count:one|many}`
writes a count with its noun, singular for 1 ("1 file", "2 files"); `[[ ... ]]` is left out when a value in it is None.
"""

from __future__ import annotations

import functools
import mmap
import os
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

from .language import LANGUAGES

FOLDER = Path(__file__).with_name("languages")  # package data, installed as plain files
KINDS = ((bool, "bool"), (str, "text"), ((int, float), "number"), (list, "list"), (dict, "table"))


@functools.cache
def read(code: str) -> tuple["Sentences", dict[str, str]]:
    """A language's file: (its sentences by key, argparse's words in it by argparse's msgid).

    The file is mapped, not read: its pages are then the system's file cache, which every
    student's process on the machine shares, rather than 60 KB of each one's own memory."""
    with (FOLDER / f"{code}.toml").open("rb") as file:
        text = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) if os.fstat(file.fileno()).st_size else b""
    argparse_table = text.find(b"\n[argparse]")  # the table comes last
    if argparse_table < 0:
        return Sentences(text, len(text)), {}
    return Sentences(text, argparse_table), tomllib.loads(text[argparse_table:].decode())["argparse"]


class Sentences(Mapping[str, str]):
    """One language's sentences, each parsed from the file when it is first asked for.

    A session says a few dozen of some 660 sentences. The file parsed whole is some 120 KB
    of strings held for the session, in every student's process; its text, mapped, is the
    system's to share. Each sentence is one TOML line (or one multi-line string), `"key" =
    value`, read by tomllib alone when first said, then kept. Going through them all (the
    tests do) parses the file whole, so its every fault still shows; every key is found
    alone as it is in the whole (tests/unit/test_languages.py).
    """

    def __init__(self, text: "bytes | mmap.mmap", end: int) -> None:
        self._text, self._end = text, end  # the file, and where its sentences end
        self._said: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key in self._said:
            return self._said[key]
        start = self._start(key)
        if start < 0:
            raise KeyError(key)
        value = self._text.find(b" = ", start) + 3
        quotes = self._text[value:value + 3]
        if quotes in (b'"""', b"'''"):  # a multi-line string: to its closing quotes
            end = self._text.find(b"\n", self._text.find(quotes, value + 3) + 3)
        else:
            end = self._text.find(b"\n", value)
        self._said[key] = tomllib.loads(self._text[start:end if end >= 0 else self._end].decode())[key]
        return self._said[key]

    def _start(self, key: str) -> int:
        """Where the line `"key" = ...` starts; -1: there is none."""
        if '"' in key or "\\" in key:
            return -1
        line = b'"' + key.encode() + b'" = '
        if self._text[:len(line)] == line:
            return 0
        found = self._text.find(b"\n" + line, 0, self._end)
        return found + 1 if found >= 0 else -1

    def _whole(self) -> dict[str, str]:
        return tomllib.loads(self._text[:self._end].decode())

    def __iter__(self) -> Iterator[str]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())


class ByLanguage(dict):
    """One part of each language's file (`part`: 0 its sentences, 1 argparse's words), by
    language code, read the first time a language is asked for.

    A session speaks one language, and English where it cannot (the first in LANGUAGES,
    which every other falls back to): a language nobody asked for is neither mapped nor
    parsed. g reads the next one when it switches.
    """

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: str) -> dict[str, str]:
        if code not in LANGUAGES or not (FOLDER / f"{code}.toml").is_file():
            raise KeyError(code)
        self[code] = read(code)[self.part]
        return self[code]

    def get(self, code: str, default: object = None) -> object:
        try:
            return self[code]
        except KeyError:
            return default


SENTENCES: dict[str, dict[str, str]] = ByLanguage(0)
ARGPARSE: dict[str, dict[str, str]] = ByLanguage(1)
SENTENCE_KEYS = SENTENCES[next(iter(LANGUAGES))].keys()  # every language has these (tests/unit/test_words.py)
