"""Names that become part of a file's name: a session's, a lesson's, a student's.

A save is `session-NAME.json`, an export and a hand-in carry the lesson's and the
session's names, so a name that could leave its folder ("x/../../escaped") or hide in
it (".hidden", a control character, a letter that shows as nothing) must never get that
far. One rule for all of them: letters of any script, digits, `-` and `_`, each visible,
at most NAME_LENGTH characters.
"""

from __future__ import annotations

from .outside import shown_name

NAME_LENGTH = 40


def is_plain_name(text: object) -> bool:
    """Whether `text` is safe as part of a file name: 1 to NAME_LENGTH letters, digits, - or _,
    each of them visible (the Hangul filler U+3164 counts as a letter, and shows as nothing)."""
    return isinstance(text, str) and 0 < len(text) <= NAME_LENGTH and all(map(_plain, text))


def plain_name(text: str) -> str:
    """`text` made plain for a file name, each other character as `_`: for a name gradstep did
    not choose and cannot refuse (a login name), never for one a user typed."""
    made = "".join(char if _plain(char) else "_" for char in text)[:NAME_LENGTH]
    return made or "_"


def _plain(char: str) -> bool:
    return (char.isalnum() or char in "-_") and shown_name(char) == char
