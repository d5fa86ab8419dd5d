"""Every sentence a user can see, one TOML file per language in languages/, read once.

Each file maps a key to its sentence; `say.say()` fills them in. The core never words
anything: it raises a Refusal carrying one of these keys. Data files, not gettext: gettext
needs compiled catalogues, and a translator edits one plain file that a test can read
directly (every language has English's keys, with the same values to fill in). A file's
[argparse] table holds argparse's own words in that language (English needs none).

`{name}` fills a value in; `{name!r}` quotes outside text; `{name!d}` describes a value
from a lesson file by its kind; `{name!t}` names a quantity in the reader's words; `[[ ... ]]` is left out when a value in it is None.
"""

import tomllib
from pathlib import Path

from .language import LANGUAGES

FOLDER = Path(__file__).with_name("languages")  # package data, installed as plain files
KINDS = ((bool, "bool"), (str, "text"), ((int, float), "number"), (list, "list"), (dict, "table"))


def read(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A language's file: (its sentences by key, argparse's words in it by argparse's msgid)."""
    with path.open("rb") as file:
        sentences = tomllib.load(file)
    return sentences, sentences.pop("argparse", {})


_READ = {code: read(FOLDER / f"{code}.toml") for code in LANGUAGES}
SENTENCES: dict[str, dict[str, str]] = {code: sentences for code, (sentences, _) in _READ.items()}
ARGPARSE: dict[str, dict[str, str]] = {code: argparse for code, (_, argparse) in _READ.items()}
SENTENCE_KEYS = frozenset(SENTENCES[next(iter(LANGUAGES))])  # every language has these (tests/unit/test_words.py)
