"""Every name gradstep uses that another library keeps private, in one place.

Where Textual, plotext, textual-plotext or argparse has a public way, gradstep takes it
(get_line_filters, inherit_bindings, ...). What is left has none, and each touch is here,
under a name that says what it is for, so the rest of the code reads as public API and an
upgrade that renames one breaks here: tests/app/test_compat.py checks each still exists
and behaves as relied upon, and fails, naming it, before any screen does.

The versions these were read from are pinned in pyproject.toml (textual, plotext,
textual-plotext); argparse is the standard library's, from Python 3.11 on.

Nothing is imported from the toolkit at the top: the command line (tui/command) uses the
argparse touches and must not load Textual (tests/unit/test_import_hygiene.py).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator
from typing import Any

# -- Textual's terminal driver -------------------------------------------------------------
# driver.py and input_end.py subclass Textual's drivers. A driver keeps the App and its loop
# as _app and _loop (Driver.__init__), and no public name gives either to a subclass.


def driver_app(driver: Any) -> Any:
    """The App a driver posts events to: to hand it the events read, or tell it the terminal went."""
    return driver._app


def driver_loop(driver: Any) -> Any:
    """The App's event loop, for a driver's input thread to call into thread-safely."""
    return driver._loop


def driver_size(driver: Any) -> tuple[int, int] | None:
    """The terminal size a driver last knew (None: not told yet); Textual's web driver keeps
    the size each resize packet brings there, and input_end.py keeps it as Textual does."""
    return driver._size


def set_driver_size(driver: Any, size: tuple[int, int]) -> None:
    """Record the size a resize brought, where Textual's own drivers read it."""
    driver._size = size


def key_parser(driver: Any) -> Any:
    """Textual's own parser of a terminal's bytes into key and mouse events, as its driver
    makes it: input_end.py reads the terminal itself so it can stop at the end of input."""
    from textual._xterm_parser import XTermParser

    return XTermParser(driver._debug)


def app_driver(app: Any) -> Any:
    """The running App's driver (None before it starts), to leave and enter application mode
    again after SIGSTOP and to put the terminal's modes back when an exit hangs (ending.py)."""
    return app._driver


# -- Textual's crash path ------------------------------------------------------------------


class CrashHooks:
    """Mixed into an App before App: Textual's private crash hooks, under public names.

    Textual calls _handle_exception on an error in a handler, then prints what it kept in
    _exit_renderables (the traceback) through _print_error_renderables once the terminal
    is back. gradstep keeps the traceback in a file instead, and prints one line naming it.
    """

    def crashing(self, error: Exception) -> None:
        """An error Textual caught, before it ends the App: keep it (ending.py)."""

    def shows_textuals_report(self) -> bool:
        """Whether Textual's own traceback is printed as the App ends (tests want it)."""
        return True

    def _handle_exception(self, error: Exception) -> None:
        self.crashing(error)
        super()._handle_exception(error)  # type: ignore[misc]

    def _print_error_renderables(self) -> None:
        if self.shows_textuals_report():
            super()._print_error_renderables()  # type: ignore[misc]
        self._exit_renderables.clear()  # type: ignore[attr-defined]


# -- Rich's measured widths ----------------------------------------------------------------


def forget_measured_widths(most: int) -> None:
    """Empty Rich's cache of measured string widths once it holds more than `most`.

    Rich keeps the width of the last 4,096 strings it measured (rich.cells.cached_cell_len,
    an lru_cache with no public size): every figure a step changes is a string it never
    measures again, so after 200 steps a lesson's process held some 1,600 of them, 300 KB
    that the smallest Textual app on the same stack does not hold, in every student's
    process on a classroom machine."""
    from rich.cells import cached_cell_len

    if cached_cell_len.cache_info().currsize > most:
        cached_cell_len.cache_clear()


# -- plotext and textual-plotext -----------------------------------------------------------


def set_plot_size(plt: Any, width: int, height: int) -> None:
    """The plot's size in cells, even beyond the terminal's: plotsize alone caps it at the
    terminal's size, which a test's or a served app's is not (textual-plotext #5)."""
    plt._set_size(width, height)


def plotext_theme(plot: Any, theme: str) -> str:
    """The plotext theme PlotextPlot.render picks for Textual's `theme`: the chart builds its
    own picture (in layers, chart.py), and must colour it as the widget would."""
    return plot._get_plotext_theme_name(theme)


# -- argparse ------------------------------------------------------------------------------
# flags.py also overrides HelpFormatter's _split_lines, _fill_text and _format_usage, the
# hooks argparse's own RawTextHelpFormatter overrides; test_compat.py checks their signatures.


def one_line(formatter: argparse.HelpFormatter, text: str) -> str:
    """A help text's whitespace as argparse folds it (runs of it as one space), stripped."""
    return formatter._whitespace_matcher.sub(" ", text).strip()


def help_width(formatter: argparse.HelpFormatter) -> int:
    """The width argparse lays help out in (the terminal's, less a margin)."""
    return formatter._width


def program_name(formatter: argparse.HelpFormatter) -> str:
    """The program's name as the usage line says it."""
    return formatter._prog


def options_taking_a_value(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of the parser that takes exactly one value (`--weight 0.5`)."""
    return {option for action in parser._actions if action.nargs is None and action.option_strings
            for option in action.option_strings}


def is_option(parser: argparse.ArgumentParser, arg: str) -> bool:
    """Whether `arg` is one of the parser's option strings (`-w`), not a value starting with '-'."""
    return arg in parser._option_string_actions


@contextlib.contextmanager
def argparse_words(say: Callable[[str], str], say_counted: Callable[[str, str, int], str]) -> Iterator[None]:
    """argparse's own words (its errors, "usage: ", "options") said by `say` while the block runs.

    argparse translates through gettext, imported into its module as _ and ngettext, and
    takes no translator: these are swapped for the block, and put back after it."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = say, say_counted  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def argparse_says(message: str) -> str:
    """argparse's word for `message` in the words of the moment (inside argparse_words, a translation)."""
    return argparse._(message)  # type: ignore[attr-defined]
