"""The parameter editor: type new numbers, Enter applies them, a mistake is refused in place.

Nothing changes until every field is valid; a refused field keeps what was typed, gets
a one-line reason under the form, and the session is exactly as it was.
"""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ....core.numbers import parse_number, parse_numbers
from ....core.problem import METHODS, InvalidProblem, Problem
from ...words.catalogue import words

FIELDS = ("weights", "inputs", "goal", "method", "alpha", "step_amount")


def shown(values) -> str:
    return ",".join(repr(v) for v in values) if isinstance(values, tuple) else (
        values if isinstance(values, str) else repr(values))


class EditorScreen(ModalScreen[Problem | None]):
    """A form over the lesson; Enter in any field applies, Escape leaves it unchanged."""

    BINDINGS = [Binding("escape", "dismiss(None)", "cancel", key_display="esc")]

    def __init__(self, problem: Problem, language: str) -> None:
        super().__init__()
        self.problem = problem  # the starting point being edited (the session keeps its own)
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(id="editor"):
            yield Static(words(self.language, "key.edit"), classes="heading")
            with Grid(id="fields"):
                for field in FIELDS:
                    yield Label(words(self.language, field) if field != "method" else words(self.language, "rule"))
                    value = shown(getattr(self.problem, field))
                    field_input = Input(value=value, id=field, placeholder=" / ".join(METHODS) if field == "method" else "")
                    field_input.cursor_blink = False  # a blinking cursor is a redraw twice a second over SSH
                    yield field_input
            yield Static("", id="refusal")
            yield Static(words(self.language, "edit_help"), classes="hint")

    @on(Input.Submitted)
    def apply(self) -> None:
        try:
            problem = self.read_problem()
        except InvalidProblem as refusal:
            self.refuse(refusal.field, refusal.message)
            return
        self.dismiss(problem)

    def read_problem(self) -> Problem:
        """The problem the form describes, or InvalidProblem naming the first bad field."""
        values: dict[str, object] = {}
        for field in FIELDS:
            text = self.query_one(f"#{field}", Input).value
            try:
                if field in ("weights", "inputs"):
                    values[field] = parse_numbers(text)
                elif field == "method":
                    values[field] = text.strip()
                else:
                    values[field] = parse_number(text)
            except ValueError as error:
                raise InvalidProblem(field, str(error)) from None
        return Problem(**values)

    def refuse(self, field: str, message: str) -> None:
        for name in FIELDS:
            self.query_one(f"#{name}", Input).set_class(name == field, "-invalid")
        label = words(self.language, "rule") if field == "method" else words(self.language, field)
        self.query_one("#refusal", Static).update(f"{label}: {message}")
        self.query_one(f"#{field}", Input).focus()
