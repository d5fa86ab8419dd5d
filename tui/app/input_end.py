"""A terminal that goes away is noticed by its input, whether a SIGHUP comes or not.

A window closed under `su`, `sudo -u` or any wrapper that keeps SIGHUP to itself leaves
gradstep on a terminal that is gone, and no signal says so. Its input does: a hung-up
terminal reads as the end of input (0 bytes), or fails (EIO), and so does a pipe whose
writer left. Textual's terminal driver reads on after that: select() finds the terminal
readable, read() gives nothing, and round it goes, most of a core, for as long as someone
lets it, the session neither saved nor handed in. Textual's web driver (`textual serve`)
stops reading instead, and the app waits for a browser that is gone.

Here either end of input, or an error reading it, calls the App's `terminal_gone`, which
does what a SIGHUP does: save, hand in, leave.
"""

import os
import selectors
from codecs import getincrementaldecoder

from textual._xterm_parser import XTermParser  # Textual's own key parser; no public name for it
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

TICK = 0.1  # seconds between looks at a lone escape: is it the Escape key, or the start of a sequence?


def reading_to_the_end(textuals: type[Driver]) -> type[Driver]:
    """A mixin for Textual's driver `textuals` whose input thread ends at the end of input and says so."""
    if issubclass(textuals, LinuxDriver):
        return _TerminalInput
    return _InputThatEnds


class _InputThatEnds:
    """The web driver's thread ends at the end of input on its own: then the app is told."""

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # not told to stop: the input ended, or failed
            self._app.terminal_gone()


class _TerminalInput:
    """The terminal driver's input thread, which reads the terminal as Textual's does and
    stops at the end of input or an error reading it."""

    def run_input_thread(self) -> None:
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        with selectors.DefaultSelector() as selector:
            selector.register(self.fileno, selectors.EVENT_READ)
            while not self.exit_event.is_set():
                if selector.select(TICK):
                    try:
                        data = os.read(self.fileno, 4096)
                    except BlockingIOError:  # made non-blocking by another process, and read by it first
                        continue
                    except OSError:  # EIO: the terminal is gone
                        data = b""
                    if not data:
                        self._app.terminal_gone()
                        return
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():  # a lone escape, once it has waited long enough
                    self.process_message(event)
