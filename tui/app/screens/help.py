"""The help screen: every key, what each panel means, and the lesson's own words."""

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...words.catalogue import words
from ..keys import key_bindings
from ..state import AppState

PANELS = {
    "en": (
        ("Parameters", "the neuron now: weights, inputs, goal, the rule, its prediction and error; "
                       "r, the factor each step multiplies the miss by, and what that means"),
        ("Chart", "the error for every weight (a parabola), the weights visited (o) and the "
                  "current one (@); v shows the error per iteration instead"),
        ("Worked step", "the last step's arithmetic with its numbers filled in"),
        ("Log", "one row a step, newest at the bottom; f shows every digit, x saves it as CSV"),
    ),
    "zh": (
        ("参数", "神经元当前的权重、输入、目标、规则、预测和误差;r 是每一步偏差乘上的因子及其含义"),
        ("图", "每个权重对应的误差(抛物线)、走过的权重 (o) 和当前位置 (@);按 v 改看误差随迭代的变化"),
        ("这一步的计算", "上一步的算式,代入了实际数字"),
        ("迭代记录", "每步一行,最新的在最下面;按 f 显示全部位数,按 x 保存为 CSV"),
    ),
}


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
        for binding in key_bindings():
            if binding.id:  # every key of the brief; the aliases and weight keys have none
                keys.add_row(binding.key_display, words(language, f"help.{binding.id}"))
        keys.add_row("1-9", words(language, "help.weights"))
        panels = Table.grid(padding=(0, 2))
        panels.add_column(style="bold", no_wrap=True)
        panels.add_column()
        for name, meaning in PANELS[language]:
            panels.add_row(name, meaning)
        text = self.state.session.lesson.text(language)
        with VerticalScroll(id="help"):
            yield Static(Text(words(language, "help.close"), style="italic"))
            yield Static(Text(f"{self.state.session.lesson.name}: {text.title}", style="bold"))
            yield Static(Text("\n".join(part for part in (text.teaches, text.notice) if part)))
            yield Static(keys, classes="section")
            yield Static(panels, classes="section")
