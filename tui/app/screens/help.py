"""The help screen: the lesson's own words, what each term means, every key, every panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from ...words.help import help_says, panel_help
from ...words.prose import lesson_heading, opening
from ...words.say import say
from ..keys import key_bindings, key_name
from ..state import AppState
from ..widgets.wrapped import Wrapped

PANELS = ("parameters", "chart", "worked", "log")  # in the order they sit on screen
# The glossary, each term after those its text uses: 梯度下降 used 权重改变量 lines before defining it.
# alpha before weight_delta: weight_delta's entry says how the weight moves by it, -alpha x it
# (权重改变量, "weight change", read as the weight's own move).
TERMS = ("delta", "error", "hot_cold", "alpha", "weight_delta", "gd", "converges", "r", "best_alpha", "edge",
         "e_notation", "rounding", "about")


class HelpScreen(ModalScreen[None]):
    """Keys, panels and the lesson text; any of ?, q or Escape closes it, space and b scroll it."""

    BINDINGS = [
        Binding("question_mark", "dismiss", "close", key_display="?"),
        Binding("q", "dismiss", "close", show=False),
        Binding("escape", "dismiss", "close", show=False),
        Binding("space", "page(1)", "scroll", show=False),
        Binding("b", "page(-1)", "scroll back", show=False),
    ]

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state  # a snapshot to describe; the help changes nothing

    def action_page(self, direction: int) -> None:
        """A page down or up with printable keys: Page Down and arrows can be lost over SSH."""
        scroll = self.query_one("#help", VerticalScroll)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def compose(self) -> ComposeResult:
        state, language = self.state, self.state.language
        lesson, history = state.session.lesson, state.session.history
        hidden = lesson.hidden  # what the teacher keeps from the student: the help keeps it too
        keys = [(key_name(language, binding), help_says(language, f"help.{binding.id}", hidden), "")
                for binding in key_bindings() if binding.id]  # the aliases and weight keys have none
        several_outputs = state.session.problem.outputs > 1  # lessons 9 and 10 name a weight wi,j, nothing else
        keys.append(("1-9", say(language, "help.weights.outputs" if several_outputs else "help.weights"), ""))
        panels = [(say(language, f"help.panel.{panel}"), panel_help(language, panel, state.session.problem, hidden), "")
                  for panel in PANELS]
        terms = [(say(language, f"term.{term}"), help_says(language, f"term.{term}.text", hidden), "") for term in TERMS]
        with VerticalScroll(id="help"):
            yield Wrapped([("", say(language, "help.close"), "italic"),
                           ("", lesson_heading(lesson, language), "bold"),
                           *(("", part, "") for part in opening(lesson, history, language)[:-1])])
            yield Wrapped(terms, classes="section")
            yield Wrapped(keys, classes="section")
            yield Wrapped(panels, classes="section")
