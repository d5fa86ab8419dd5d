"""A terminal that goes away is noticed by its input, whether a SIGHUP comes or not.

A window closed under `su`, `sudo -u` or any wrapper that keeps SIGHUP to itself leaves
gradstep on a terminal that is gone, and no signal says so. Its input does: a hung-up
terminal reads as the end of input (0 bytes), or fails (EIO), and so does a pipe whose
writer left. Textual's terminal driver reads on after that: select() finds the terminal
readable, read() gives nothing, and round it goes, most of a core, for as long as someone
lets it, the session neither saved nor handed in. Textual's web driver (`textual serve`)
stops reading instead, and the app waits for a browser that is gone.

Here either end of input, or an error reading it, calls the App's `terminal_gone`, which
does what a SIGHUP does: save, hand in, leave. So does the web driver's output breaking
(the server killed), which was reported as a crash. (And the web driver's input is kept
from piling resizes up while the app cannot run: see _InputThatEnds.)
"""

from __future__ import annotations

import os
import re
import selectors
from codecs import getincrementaldecoder
from typing import TYPE_CHECKING

from textual import events
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Size

from ..compat import driver_app, driver_loop, driver_size, key_parser, set_driver_size

if TYPE_CHECKING:  # to the checker each mixin is the Textual driver it is mixed into
    from textual.drivers.web_driver import WebDriver

    _WebPart = WebDriver
    _TerminalPart = LinuxDriver
else:
    _WebPart = _TerminalPart = object

TICK = 0.1  # seconds between looks at a lone escape: is it the Escape key, or the start of a sequence?
# An Escape read together with the key after it: Textual takes the two for Alt and that key
# (or drops the Escape before a mark), so Esc then n over SSH closed no form and stepped
# nowhere. Before anything but the start of a sequence ([ O ] P _ \), an Escape is the
# Escape key: before another Escape too (Esc Esc s was read as Esc and Alt+s, which typed
# an s), and at the end of what is fed at once (the last Escape of a read is held back, so
# one there stands before that one). gradstep binds no Alt key.
ESCAPE_KEY = re.compile(r"\x1b(?=[^\[\]OP_\\]|$)")


def as_typed(text: str) -> list[str | None]:
    """`text` as read, in the pieces the parser is fed, None where an Escape key stands
    alone; a newline is Enter (before gradstep sets the terminal raw, the terminal turns
    Enter into a newline, which Textual reads as ctrl+j)."""
    pieces: list[str | None] = []
    for index, piece in enumerate(ESCAPE_KEY.split(text.replace("\n", "\r"))):
        if index:
            pieces.append(None)
        if piece:
            pieces.append(piece)
    return pieces


def reading_to_the_end(textuals: type[Driver]) -> type[Driver]:
    """A mixin for Textual's driver `textuals` whose input thread ends at the end of input and says so."""
    if issubclass(textuals, LinuxDriver):
        return _TerminalInput
    return _InputThatEnds


def ending_at_the_end(textuals: type[Driver]) -> type[Driver]:
    """Textual's driver `textuals`, its input thread ending at the end of input: for an App
    that only needs that (it has a `terminal_gone`)."""
    return type(textuals.__name__, (reading_to_the_end(textuals), textuals), {})


class _InputThatEnds(_WebPart):
    """The web driver's thread ends at the end of input on its own: then the app is told.

    And a resize is only its latest size. Textual's web driver posts every resize the
    server sends; while the app cannot run (the server stopped reading its output, so
    every write blocks) they piled up in the loop's queue, 8 MB a second under a flood, and
    the loop had them all to get through before a SIGTERM's exit. Here one is on its way at
    a time, carrying the size when it arrives.
    """

    _resize_on_its_way = False

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # not told to stop: the input ended, or failed
            driver_app(self).terminal_gone()

    def write(self, data: str) -> None:
        """The web driver writes in place, in the App's loop: a server gone (its end of the
        pipe closed) is a hang-up too, not a bug to report."""
        try:
            super().write(data)
        except BrokenPipeError:
            driver_app(self).terminal_gone()

    def write_meta(self, data: dict[str, object]) -> None:
        """As write: the last one ("exit") comes as the app ends, when the server may be long gone."""
        try:
            super().write_meta(data)
        except BrokenPipeError:
            driver_app(self).terminal_gone()

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type != "resize":
            return super().on_meta(packet_type, payload)
        # The server sends the size as two ints; Textual's own on_meta stores them unchecked too.
        set_driver_size(self, (payload["width"], payload["height"]))  # type: ignore[arg-type]
        if not self._resize_on_its_way:
            self._resize_on_its_way = True
            driver_loop(self).call_soon_threadsafe(self._resized)

    def _resized(self) -> None:
        """In the loop: the latest size the server sent, as one Resize."""
        self._resize_on_its_way = False
        latest = driver_size(self)
        assert latest is not None, "on_meta stored a size before it called for this"
        size = Size(*latest)
        driver_app(self).post_message(events.Resize(size, size))


class _TerminalInput(_TerminalPart):
    """The terminal driver's input thread, which reads the terminal as Textual's does and
    stops at the end of input or an error reading it."""

    def run_input_thread(self) -> None:
        parser = key_parser(self)
        decode = getincrementaldecoder("utf-8")().decode
        with selectors.DefaultSelector() as selector:
            try:
                selector.register(self.fileno, selectors.EVENT_READ)
            except OSError:  # a file or /dev/null, which no selector watches: input that has ended
                driver_app(self).terminal_gone()
                return
            held = ""  # a lone Escape at the end of a read: the key, or a sequence's first byte?
            while not self.exit_event.is_set():
                if not selector.select(TICK):
                    if held:  # nothing came after it within a tick: the Escape key
                        held = ""
                        self.process_message(events.Key("escape", "\x1b"))
                else:
                    try:
                        data = os.read(self.fileno, 4096)
                    except BlockingIOError:  # made non-blocking by another process, and read by it first
                        continue
                    except OSError:  # EIO: the terminal is gone
                        data = b""
                    if not data:
                        driver_app(self).terminal_gone()
                        return
                    text = held + decode(data)
                    held = "\x1b" if text.endswith("\x1b") else ""
                    for piece in as_typed(text[:len(text) - len(held)]):
                        for event in parser.feed(piece) if piece is not None else [events.Key("escape", "\x1b")]:
                            self.process_message(event)
                for event in parser.tick():  # a lone escape, once it has waited long enough
                    self.process_message(event)
