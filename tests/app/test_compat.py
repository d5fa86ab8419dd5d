"""Each private name tui/compat.py reaches for still exists and does what gradstep relies on.

An upgrade of Textual, plotext, textual-plotext or Python that renames one fails here,
naming it, before a screen or a terminal test fails for reasons hard to trace."""

import argparse
import asyncio
import inspect

import pytest
from textual import events
from textual.app import App
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from rich.cells import cached_cell_len, cell_len
from textual_plotext import PlotextPlot

from gradstep.tui import compat


async def test_a_driver_holds_its_app_and_the_loop_it_was_made_in():
    app = App()
    driver = LinuxDriver(app, debug=False, mouse=False, size=(80, 24))
    assert compat.driver_app(driver) is app
    assert compat.driver_loop(driver) is asyncio.get_running_loop()


async def test_a_driver_keeps_the_size_it_was_told():
    driver = LinuxDriver(App(), debug=False, mouse=False, size=(80, 24))
    assert compat.driver_size(driver) == (80, 24)
    compat.set_driver_size(driver, (100, 30))
    assert compat.driver_size(driver) == (100, 30)


async def test_the_key_parser_reads_a_terminals_bytes_as_textual_does():
    driver = LinuxDriver(App(), debug=False, mouse=False, size=(80, 24))
    parser = compat.key_parser(driver)
    keys = [event.key for event in [*parser.feed("a\x1b[A"), *parser.tick()] if isinstance(event, events.Key)]
    assert keys == ["a", "up"]


async def test_a_running_app_has_its_driver_and_none_before():
    app = App()
    assert compat.app_driver(app) is None
    async with app.run_test(size=(80, 24)):
        assert isinstance(compat.app_driver(app), Driver)


class Crashing(compat.CrashHooks, App):
    """An App whose first handler fails, keeping what the hooks were told."""

    def __init__(self, report: bool) -> None:
        super().__init__()
        self.report = report
        self.kept: list[Exception] = []

    def crashing(self, error: Exception) -> None:
        self.kept.append(error)

    def shows_textuals_report(self) -> bool:
        return self.report

    def on_mount(self) -> None:
        raise ValueError("a bug in on_mount")


@pytest.mark.parametrize("report", [True, False])
async def test_textuals_crash_hooks_are_called_and_its_report_can_be_left_out(report, capsys):
    app = Crashing(report)
    with pytest.raises(ValueError):
        async with app.run_test(size=(80, 24)):
            pass
    assert [str(error) for error in app.kept] == ["a bug in on_mount"]
    assert ("a bug in on_mount" in capsys.readouterr().err) is report  # Textual's traceback, or nothing
    assert app._exit_renderables == []


def test_plotext_draws_at_any_size_beyond_the_terminals():
    def drawn(width: int, height: int) -> list[str]:
        plot = PlotextPlot()
        compat.set_plot_size(plot.plt, width, height)  # larger than any terminal the tests run in
        plot.plt.scatter([1, 2], [3, 4])
        return plot.plt.build().split("\n")

    assert len(drawn(300, 90)) - len(drawn(300, 70)) == 20


def test_the_plotext_theme_is_textual_plotexts_for_the_apps_theme():
    plot = PlotextPlot()
    assert compat.plotext_theme(plot, "ansi-dark") == "textual-auto-ansi-dark"
    plot.plt.theme(compat.plotext_theme(plot, "textual-dark"))  # a theme plotext knows: no error


def test_argparse_formatters_width_name_and_whitespace():
    formatter = argparse.HelpFormatter("gradstep", width=50)
    assert compat.help_width(formatter) == 50
    assert compat.program_name(formatter) == "gradstep"
    assert compat.one_line(formatter, "  two\n  lines\t here ") == "two lines here"


def test_argparse_says_which_options_take_one_value():
    parser = argparse.ArgumentParser()
    parser.add_argument("-w", "--weight")
    parser.add_argument("--exact", action="store_true")
    parser.add_argument("--points", nargs="+")
    assert compat.options_taking_a_value(parser) == {"-w", "--weight"}
    assert compat.is_option(parser, "--exact") and not compat.is_option(parser, "-nan")


def test_argparse_speaks_the_words_given_while_they_are_given(capsys):
    parser = argparse.ArgumentParser(prog="gradstep", exit_on_error=False)
    parser.add_argument("--weight", type=float)
    with compat.argparse_words(lambda message: message.upper(), lambda one, many, count: (one if count == 1 else many).upper()):
        assert compat.argparse_says("usage: ") == "USAGE: "
        assert parser.format_usage().startswith("USAGE: ")
    assert parser.format_usage().startswith("usage: ")


def test_the_help_formatter_hooks_flags_py_overrides_keep_their_signatures():
    hooks = {"_split_lines": ["self", "text", "width"], "_fill_text": ["self", "text", "width", "indent"],
             "_format_usage": ["self", "usage", "actions", "groups", "prefix"]}
    for name, parameters in hooks.items():
        assert list(inspect.signature(getattr(argparse.HelpFormatter, name)).parameters) == parameters, name


def test_rich_s_measured_widths_are_forgotten_past_a_number():
    """Rich still measures through the cache the driver empties, and emptying it is all
    that is done (driver.py): widths are measured again, the same."""
    cached_cell_len.cache_clear()
    for number in range(100):
        assert cell_len(f"weight {number}") == len(f"weight {number}")
    assert cached_cell_len.cache_info().currsize == 100
    compat.forget_measured_widths(100)
    assert cached_cell_len.cache_info().currsize == 100  # not more than 100 yet: kept
    cell_len("weight 100")
    compat.forget_measured_widths(100)
    assert cached_cell_len.cache_info().currsize == 0
    assert cell_len("权重 100") == 8
