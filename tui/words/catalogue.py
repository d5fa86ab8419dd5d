"""Every sentence a user can see, one TOML file per language in languages/, read once.

Each file maps a key to its sentence; `say.say()` fills them in. The core never words
anything: it raises a Refusal carrying one of these keys. Data files, not gettext: gettext
needs compiled catalogues, and a translator edits one plain file that a test can read
directly (every language has English's keys, with the same values to fill in).

`{name}` fills a value in; `{name!r}` quotes outside text; `{name!d}` describes a value
from a lesson file by its kind; `{name!t}` names a quantity in the reader's words; `[[ ... ]]` is left out when a value in it is None.
"""

import tomllib
from pathlib import Path

FOLDER = Path(__file__).with_name("languages")  # package data, installed as plain files
KINDS = ((bool, "bool"), (str, "text"), ((int, float), "number"), (list, "list"), (dict, "table"))


def _read(code: str) -> dict:
    with (FOLDER / f"{code}.toml").open("rb") as file:
        return tomllib.load(file)


_ENGLISH, _CHINESE = _read("en"), _read("zh")
# argparse's own words, which it looks up through gettext as it runs (Python 3.11's msgids).
ARGPARSE_ZH: dict[str, str] = _CHINESE.pop("argparse")
WORDS: dict[str, tuple[str, str]] = {key: (english, _CHINESE[key]) for key, english in _ENGLISH.items()}
