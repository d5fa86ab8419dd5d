"""Why something a user gave cannot be used: a message key and its values, never a sentence.

The core refuses a bad number, a bad lesson file, an unreadable save. The words for that
belong to whoever shows them, in the user's language, so a Refusal carries a key such as
"number.not_finite" and the values to fill in (Django's ValidationError(message, code,
params) is the pattern); `gradstep.tui.words.catalogue` turns it into a sentence. A
refusal can say where it happened (a file, a field) and hold the refusal it came from
as a value, so "lesson.toml: alpha: must be greater than 0" is three facts, each
translated at the edge.
"""

from __future__ import annotations

import copy
from typing import Any


class Refusal(ValueError):
    """Something given that cannot be used; `str()` of it is for logs and tracebacks only."""

    def __init__(self, key: str, *, field: str | None = None, where: str | None = None, **values: object) -> None:
        super().__init__(key)
        self.key = key  # the catalogue's key for the message
        self.field = field  # the field or flag it concerns, as the user named it
        self.where = where  # the file it was found in
        # What the message fills in; a Refusal among them is a reason within. Any, not object:
        # they are passed on as keywords (`**refusal.values`) to refusals of other kinds.
        self.values: dict[str, Any] = values

    def at(self, *, field: str | None = None, where: str | None = None) -> "Refusal":
        """A copy located in `field` of `where`; a place it already knows is kept."""
        located = copy.copy(self)
        located.field = self.field or field
        located.where = self.where or where
        return located

    def __str__(self) -> str:
        place = "".join(f"{part}: " for part in (self.where, self.field) if part)
        return f"{place}{self.key} {self.values}"
