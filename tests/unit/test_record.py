"""Every record of gradstep's shares one __repr__ (core/record.py) rather than a generated one each."""

import dataclasses
import importlib
import pkgutil

import gradstep
from gradstep.core.problem import Problem
from gradstep.core.record import Record


def test_a_record_reads_as_the_generated_repr_would():
    problem = Problem(weights=(0.5, -0.25), inputs=(2.0, 1.0), goal=0.8, frozen=(1,))

    @dataclasses.dataclass(frozen=True)
    class Problem_:  # the generated repr, on the same fields
        weights: tuple
        inputs: tuple
        goal: float
        method: str
        alpha: float
        step_amount: float
        frozen: tuple

    twin = Problem_(*(getattr(problem, field.name) for field in dataclasses.fields(problem)))
    assert repr(problem).partition("(")[2] == repr(twin).partition("(")[2]
    assert repr(problem).startswith("Problem(weights=(0.5, -0.25), inputs=(2.0, 1.0), goal=0.8,")


def test_every_record_takes_the_shared_repr():
    """A dataclass that generated its own would cost each student's process 2 KB again;
    Textual's messages keep theirs (Textual prints them its own way)."""
    from textual.message import Message

    own = []
    for module in pkgutil.walk_packages(gradstep.__path__, "gradstep."):
        for value in vars(importlib.import_module(module.name)).values():
            if (isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.name
                    and not issubclass(value, Message)):
                if value.__dataclass_params__.repr or not issubclass(value, Record):  # type: ignore[attr-defined]
                    own.append(f"{module.name}.{value.__qualname__}")
    assert own == []
