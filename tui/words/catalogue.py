"""Every sentence a user can see, one TOML file per language in languages/, each read once,
when its language is first asked for (ByLanguage).

Each file maps a key to its sentence; `say.say()` fills them in. The core never words
anything: it raises a Refusal carrying one of these keys. Data files, not gettext: gettext
needs compiled catalogues, and a translator edits one plain file that a test can read
directly (every language has English's keys, with the same values to fill in). A file's
[argparse] table holds argparse's own words in that language (English needs none).

`{name}` fills a value in; `{name!r}` quotes outside text; `{name!d}` describes a value
from a lesson file by its kind; `{name!t}` names a quantity in the reader's words; `[[ ... ]]` is left out when a value in it is None.
"""

import functools
import tomllib
from pathlib import Path

from .language import LANGUAGES

FOLDER = Path(__file__).with_name("languages")  # package data, installed as plain files
KINDS = ((bool, "bool"), (str, "text"), ((int, float), "number"), (list, "list"), (dict, "table"))


@functools.cache
def read(code: str) -> tuple[dict[str, str], dict[str, str]]:
    """A language's file: (its sentences by key, argparse's words in it by argparse's msgid)."""
    with (FOLDER / f"{code}.toml").open("rb") as file:
        sentences = tomllib.load(file)
    return sentences, sentences.pop("argparse", {})


class ByLanguage(dict):
    """One part of each language's file (`part`: 0 its sentences, 1 argparse's words), by
    language code, read the first time a language is asked for.

    A session speaks one language, and English where it cannot (the first in LANGUAGES,
    which every other falls back to): each file parsed is some 140 KB of strings held for
    the whole session, in every student's process, so a language nobody asked for is not
    read. g reads the next one when it switches.
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
