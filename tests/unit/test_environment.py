"""What the terminal can show, read from the locale past Python's own coercion."""

import io

import pytest
from gradstep.tui.command.environment import (
    dumb_terminal,
    language_from_environment,
    terminal_locale,
    unicode_terminal,
)

# (the environment Python hands us, whether UTF-8 mode came on by itself, Unicode?)
CASES = {
    "LANG=C, coerced by Python": ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, 1, False),
    "nothing set, coerced": ({"LC_CTYPE": "C.UTF-8"}, 1, False),
    "LC_ALL=C": ({"LC_ALL": "C"}, 1, False),
    "LC_ALL=POSIX": ({"LC_ALL": "POSIX"}, 1, False),
    "LANG=C.UTF-8": ({"LANG": "C.UTF-8"}, 0, True),
    "LANG=en_US.UTF-8 not installed, coerced": ({"LANG": "en_US.UTF-8", "LC_CTYPE": "C.UTF-8"}, 1, True),
    "LC_CTYPE=C.UTF-8 chosen by the user": ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, 0, True),
    "LANG=zh_CN.utf8": ({"LANG": "zh_CN.utf8"}, 0, True),
    "LANG=zh_CN.GB2312": ({"LANG": "zh_CN.GB2312"}, 0, False),
    "LC_ALL beats LANG": ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, 1, False),
    "PYTHONUTF8 with LANG=C": ({"LANG": "C", "LC_CTYPE": "C.UTF-8", "PYTHONUTF8": "1"}, 1, False),
}


@pytest.mark.parametrize(("environ", "utf8_mode", "unicode"), CASES.values(), ids=CASES.keys())
def test_unicode_follows_the_locale_not_pythons_coercion(environ, utf8_mode, unicode):
    assert unicode_terminal(environ, utf8_mode=utf8_mode, xoptions={}) is unicode


def test_the_locale_named_is_the_users():
    assert terminal_locale({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, utf8_mode=1, xoptions={}) == "C"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("environ", "tty", "dumb"), [
    ({"TERM": "dumb"}, True, True), ({"TERM": "unknown"}, True, True), ({}, True, True),
    ({"TERM": "xterm"}, True, False), ({"TERM": "xterm"}, False, True),
])
def test_dumb_terminals(environ, tty, dumb):
    stream = Tty() if tty else io.StringIO()
    assert dumb_terminal(environ, stdin=stream, stdout=stream, stderr=stream) is dumb


def test_a_terminal_whose_error_stream_goes_elsewhere_cannot_be_drawn_on():
    """The app draws on stderr: `gradstep 2>log` gets the plain lines, on stdout."""
    assert dumb_terminal({"TERM": "xterm"}, stdin=Tty(), stdout=Tty(), stderr=io.StringIO())


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LANG": "en_GB.UTF-8"}, "en"), ({}, "en"), ({"LC_MESSAGES": "zh_CN", "LANG": "en_US"}, "zh"),
])
def test_language_from_the_locale(environ, language):
    assert language_from_environment(environ) == language
