"""One __repr__ for every record of gradstep's, written once.

A dataclass writes a __repr__ of its own for each class: some 2 KB of code and closures a
class, 0.1 MB over gradstep's records in every student's process on a classroom machine
(private memory 20 steps into a lesson, whole process). A record's repr is read only in a
test's failure or a debugger, so each is declared `repr=False` and takes this one, which
reads as the generated one does: `Problem(weights=(0.5,), inputs=(2.0,), ...)`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any


class Record:
    """Mixed into a dataclass declared with repr=False: its fields, as the generated repr shows them."""

    __slots__ = ()  # a record with slots keeps them

    def __repr__(self) -> str:
        record: Any = self  # a dataclass's instance, which the mixin's own type does not say
        shown = ", ".join(f"{field.name}={getattr(record, field.name)!r}" for field in fields(record) if field.repr)
        return f"{type(self).__qualname__}({shown})"
