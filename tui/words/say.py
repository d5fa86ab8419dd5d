"""Filling the catalogue's sentences: values shown safely, in the reader's language.

Every value that reaches a sentence passes through here, so no front end can forget the
rules: numbers read to SHOWN_DIGITS significant digits, outside text (a typed word, a file
or session name, a lesson file's field) is one line with every control, line break and
invisible character shown as its escape and, where a sentence quotes it (`{text!r}`), is
quoted with Python's escapes and cut short; a refusal held as a value becomes its own
sentence. A part in `[[ ]]` is left out when a value in it is None ("did you mean ...?"
only when there is a close match). `{count:one|many}` writes a count with its noun in the
number it takes ("1 file", "2 files").
"""

from __future__ import annotations

import dataclasses
import re
import string

from ...core.numbers import readable
from ...core.outside import shown_name  # a value met here may not have passed a loader
from ...core.problem import Problem
from ...core.refusals import Refusal
from .catalogue import KINDS, SENTENCE_KEYS, SENTENCES
from .language import LANGUAGES

QUOTED_LENGTH = 60  # characters of outside text quoted in a message; the rest is "..."
OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)


def say(language: str, key: str, /, **values: object) -> str:
    """The catalogue's sentence `key` in `language`, filled in."""
    return _Filler(language).fill(SENTENCES[language][key], values)


def explain(language: str, refusal: Refusal, names: dict[str, str] | None = None, codes: bool = True) -> str:
    """A refusal as one line: where, the field (shown as `names` calls it), and what is wrong.
    The rule it asks for ({gd}) has its code name beside its name where the student types
    codes (`codes`: the command line's --method gd, a lesson file); in the app, where m
    switches and the editor takes the rule by name, "只能用梯度下降（gd）来学" put an English
    code name inside a Chinese sentence for nothing."""
    colon = say(language, "sep.colon")
    field = (names or {}).get(refusal.field, refusal.field) if refusal.field else None
    place = [shown_name(str(part)) for part in (refusal.where, field) if part]
    rule = say(language, "rule.typed", name=say(language, "gd"), code="gd") if codes else say(language, "gd")
    return colon.join([*place, say(language, refusal.key, **{"gd": rule, **refusal.values})])


def alone(language: str, line: str) -> str:
    """`line` shown by itself on the screen, as a sentence: ended by the language's full stop
    (sep.end) if it has none. A refusal is worded to go after "gradstep: " or inside another
    sentence; the editor showed "或用逗号隔开的几个数（如 0.1,0.2）" with no 。 of its own."""
    end = say(language, "sep.end")
    return line if line.endswith((".", "?", "!", ".)", "。", "？", "！", "。）", "。”")) else line + end


def quoted(text: str) -> str:
    """Outside text as a message quotes it: Python's escapes, cut at QUOTED_LENGTH."""
    shown = text if len(text) <= QUOTED_LENGTH else text[:QUOTED_LENGTH] + "..."
    return shown_name(repr(shown))


def number(value: int | float) -> str:
    """A number in a message: a count whole ("100000 steps taken", not 1e+05), a huge
    integer by its length only (Python refuses to print an int past 4,300 digits), any
    other figure to SHOWN_DIGITS significant digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) < 10**15:
            return str(value)
        digits = value.bit_length() * 30103 // 100000 + 1  # log10(2) = 0.30103
        return f"~1e{digits - 1}"
    return readable(value)


class _Filler(string.Formatter):
    """str.format with gradstep's conversions: !r quotes outside text, !d describes a value
    from a lesson file by its kind ("text '0.8'"), !t names a quantity ("step_amount" reads
    "step"), and every value is made safe."""

    def __init__(self, language: str) -> None:
        self.language = language

    def fill(self, template: str, values: dict[str, object]) -> str:
        def optional(found: re.Match) -> str:
            names = {name for _, name, _, _ in self.parse(found[1]) if name}
            return "" if any(values.get(name) is None for name in names) else found[1]

        return self.vformat(OPTIONAL.sub(optional, template), (), values)

    def convert_field(self, value: object, conversion: str | None) -> str:
        if conversion == "d":
            return self.describe(value)
        if conversion == "r":
            if not isinstance(value, str):
                return self.show(value)
            marks = say(self.language, "sep.quotes")  # Chinese quotes “…”
            return quoted(value) if marks == "''" else f"{marks[0]}{quoted(value)[1:-1]}{marks[1]}"
        if conversion == "t":
            return term(self.language, str(value))
        return self.show(value)

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:  # a count and its noun: {size:number|numbers}
            return counted(str(value), *format_spec.split("|", 1))
        return value if isinstance(value, str) and not format_spec else super().format_field(value, format_spec)

    def show(self, value: object) -> str:
        if isinstance(value, Refusal):
            return explain(self.language, value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return number(value)
        if isinstance(value, (list, tuple)):
            return say(self.language, "sep.list").join(self.show(item) for item in value)
        return shown_name(str(value))  # a name, a path, a reason: one line, nothing hidden

    def describe(self, value: object) -> str:
        """How a value from a lesson file reads in a message: its kind, and itself when short."""
        kind = next((name for kind, name in KINDS if isinstance(value, kind)), "value")
        word = say(self.language, f"kind.{kind}")
        if isinstance(value, str):
            return f"{word} {quoted(value)}"
        if isinstance(value, (bool, int, float)):
            return f"{word} {self.show(value)}"
        return word



def counted(count: str, one: str, many: str) -> str:
    """A count with its noun as English writes it: "1 number", "2 numbers". A sentence
    writes `{size:number|numbers}` where its count may be 1: "row 2 has 1 numbers" was the
    editor's refusal of a row of one weight. A language without plurals writes {size}."""
    return f"{count} {one if count == '1' else many}"


def term(language: str, name: str) -> str:
    """A quantity's name in `language` when the catalogue has it, else as the core spells it."""
    return say(language, name) if name in SENTENCE_KEYS else name


def headings(language: str, outputs: int = 1) -> dict[str, str]:
    """The text table's words in `language`: its column headings, and hot and cold's moves.
    A language whose words the code's names are (English) keeps them, as CSV has them;
    another names delta and weight_delta by its own words too (差值, 权重改变量), as its
    worked step introduces them, not by the code's. With several `outputs` the error is
    their errors' sum, named as the parameters panel names it (误差和 where a column headed
    误差 stood beside 误差1, 误差2 and the panel's 误差和, one figure under two names)."""
    if LANGUAGES[language].code_names:
        return {}
    columns = {name: term(language, name) for name in ("iteration", "weight", "prediction", "error", "output_error")}
    if outputs > 1:
        columns["error"] = term(language, "error_sum")
    columns |= {name: say(language, f"column.{name}") for name in ("up_error", "down_error", "move", "delta", "weight_delta")}
    return columns | {move: say(language, f"direction.{word}") for move, word in
                      (("up", "up"), ("down", "down"), ("none", "stay"))}


def field_names(language: str, problem: Problem | None = None) -> dict[str, str]:
    """A problem's fields as the app labels them ("method" is the rule, 规则 in Chinese);
    with the `problem` on screen, its weights, inputs and goals in the number it has, as the
    parameters panel names them: lesson 9's one input was labelled "inputs" there and in the
    editor."""
    names = {field.name: say(language, field.name) for field in dataclasses.fields(Problem)}
    if problem is not None:
        names |= {"weights": say(language, "weights" if problem.size > 1 else "weight"),
                  "inputs": say(language, "inputs" if len(problem.inputs) > 1 else "input"),
                  "goal": say(language, "goals" if problem.outputs > 1 else "goal")}
    return names
