"""The iteration log: one row a step, newest at the bottom, drawn only where it shows.

The rows are not widgets or stored text: each visible line is formatted from the
history's columns when Textual asks for it, so the log costs the same after 100,000
steps as after three. Columns that do not fit the width are left out, least telling
first (the worked step shows them for the last step anyway).
"""

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.export import as_row
from ...core.numbers import exact, fitted
from ...core.problem import HOT_COLD, Problem
from ..i18n import term, words
from ..state import AppState

NUMBER_WIDTH, EXACT_WIDTH = 10, 24  # 5 significant digits, or every digit
PRIORITY = ("error", "weight", "prediction", "delta", "weight_delta", "up_error", "down_error", "move")
HEADINGS = {"up_error": "up", "down_error": "down", "weight_delta": "w_delta"}


def log_columns(problem: Problem, room: int, number_width: int) -> list[tuple[str, int | None]]:
    """(field, index within it) for the columns that fit in `room` cells, in the log's order."""
    own = ("up_error", "down_error", "move") if problem.method == HOT_COLD else ("delta", "weight_delta")
    order = ("weight", "prediction", "error", *own)
    chosen = set()
    for field in PRIORITY:
        if field not in order:
            continue
        per_weight = field in ("weight", "weight_delta") and problem.size > 1
        cost = (problem.size if per_weight else 1) * (6 if field == "move" else number_width + 1)
        if cost <= room:
            chosen.add(field)
            room -= cost
    columns = []
    for field in order:
        if field in chosen:
            per_weight = field in ("weight", "weight_delta") and problem.size > 1
            columns += [(field, i) for i in range(problem.size)] if per_weight else [(field, None)]
    return columns


class IterationLog(ScrollView, can_focus=False):
    """Every step taken, as a table that scrolls to keep the newest row in view."""

    state: reactive[AppState | None] = reactive(None)
    """The App's state, bound with `data_bind(GradstepApp.state)`."""

    def watch_state(self, state: AppState | None) -> None:
        if state is not None:
            self.border_title = words(state.language, "log")
            self.virtual_size = Size(self.size.width, state.session.history.iteration + 1)
            self.scroll_end(animate=False, immediate=True)
            self.refresh()

    def on_resize(self) -> None:
        self.watch_state(self.state)

    def render_line(self, y: int) -> Strip:
        if self.state is None:
            return Strip.blank(self.size.width, self.rich_style)
        history = self.state.session.history
        number_width = EXACT_WIDTH if self.state.exact else NUMBER_WIDTH
        iteration_width = max(3, len(str(history.iteration)))
        columns = log_columns(history.problem, self.size.width - iteration_width, number_width)
        if y == 0:  # the heading stays put while the rows scroll under it
            cells = ["#".rjust(iteration_width)] + [self._heading(column, number_width, self.state.language)
                                                     for column in columns]
            return self._strip(cells, Style(bold=True, underline=True))
        k = self.scroll_offset.y + y - 1
        if k >= history.iteration:
            return Strip.blank(self.size.width, self.rich_style)
        row = as_row(history.record(k))
        show = exact if self.state.exact else lambda value: fitted(value, NUMBER_WIDTH)
        cells = [str(k).rjust(iteration_width)]
        for field, index in columns:
            value = row[field] if index is None else row[field][index]
            width = 5 if field == "move" else number_width
            cells.append((value if isinstance(value, str) else show(value)).rjust(width))
        newest = k == history.iteration - 1
        return self._strip(cells, Style(bold=True) if newest else Style())

    def _heading(self, column: tuple[str, int | None], number_width: int, language: str) -> str:
        field, index = column
        name = HEADINGS.get(field) or term(language, field)
        if index is not None:
            name = f"{'w' if field == 'weight' else 'wd'}{index + 1}"
        width = 5 if field == "move" else number_width
        return name.rjust(width - (cell_len(name) - len(name)))  # wide characters take two cells

    def _strip(self, cells: list[str], style: Style) -> Strip:
        line = " ".join(cells)
        return Strip([Segment(line, self.rich_style + style)]).crop_extend(0, self.size.width, self.rich_style)
