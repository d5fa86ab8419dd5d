"""The help screen: every key, what each panel means, and the lesson's own words."""

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...words.say import say
from ..keys import key_bindings
from ..state import AppState

PANELS = ("parameters", "chart", "worked", "log")  # in the order they sit on screen


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
        language = self.state.language
        keys = Table.grid(padding=(0, 2))
        keys.add_column(style="bold", no_wrap=True)
        keys.add_column()
        for binding in key_bindings(language):
            if binding.id:  # every key of the brief; the aliases and weight keys have none
                keys.add_row(Text(binding.key_display), Text(say(language, f"help.{binding.id}")))  # [ is a key
        keys.add_row(Text("1-9"), Text(say(language, "help.weights")))
        panels = Table.grid(padding=(0, 2))
        panels.add_column(style="bold", no_wrap=True)
        panels.add_column()
        for panel in PANELS:
            panels.add_row(Text(say(language, f"help.panel.{panel}")), Text(say(language, f"help.panel.{panel}.text")))
        text = self.state.session.lesson.text(language)
        with VerticalScroll(id="help"):
            yield Static(Text(say(language, "help.close"), style="italic"))
            yield Static(Text(f"{self.state.session.lesson.name}: {text.title}", style="bold"))
            yield Static(Text("\n".join(part for part in (text.teaches, text.notice) if part)))
            yield Static(keys, classes="section")
            yield Static(panels, classes="section")
