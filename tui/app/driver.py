"""The terminal driver gradstep runs on: Textual's own, with what passes through it made cheaper.

- What it writes goes through `output.Cells`: the same picture in fewer bytes, leaving out
  what the terminal already shows. A resize makes it forget what that is: a terminal
  reflows or clears its cells when it is resized, and Textual then paints them all again.
  So does Ctrl-L, for a terminal something else wrote on (a `wall` message, a background job).
- After each frame it empties Rich's cache of measured widths, once that holds more
  strings than a screen has lines of text in its panels (MOST_MEASURED): each step's
  figures are strings measured once, and kept, they cost every student's process.
- Its input thread ends at the end of input, or an error reading it, and tells the App
  (`input_end`): a terminal that went away without a SIGHUP.
- What it reads reaches the App in batches. Textual's driver posts every event from its
  input thread through `asyncio.run_coroutine_threadsafe`, a coroutine and a Task a key,
  and the App, handed keys one by one, finds its queue empty between two of them and
  draws a frame there. A burst of 2,000 held keys paid both 2,000 times over (1.3-1.6 s
  before the last step showed). Here the events that arrive before the App's loop gets
  to them are posted together, in the order they came, from the loop's own thread:
  the App steps through all of them and draws once.
"""

from __future__ import annotations

import threading

from textual.driver import Driver
from textual.message import Message

from ..compat import driver_app, driver_loop, forget_measured_widths
from .input_end import reading_to_the_end
from .output import Cells

MOST_MEASURED = 512  # strings whose widths Rich keeps; a screen's text, a few hundred, fits


def gradsteps_driver(textuals: type[Driver]) -> type[Driver]:
    """Textual's driver for this terminal (`textuals`), cheaper both ways."""

    # The bases are the driver Textual chose for this terminal, known only at run time.
    class GradstepDriver(reading_to_the_end(textuals), textuals):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._arrived: list[Message] = []  # read, not yet posted to the App
            self._arriving = threading.Lock()
            self._cells = Cells()  # what the terminal shows, as far as what was written tells it
            self._written_at = None  # the App's size when that was written

        def write(self, data: str) -> None:
            size = driver_app(self).size
            if size != self._written_at:
                self._cells.forget(tuple(size))
                self._written_at = size
            super().write(self._cells.rewrite(data))
            forget_measured_widths(MOST_MEASURED)

        def forget_screen(self) -> None:
            """Something else wrote on the terminal (Ctrl-L): what it shows is not known, so
            the next frame goes out whole."""
            self._cells.forget()

        def send_message(self, message: Message) -> None:
            with self._arriving:
                self._arrived.append(message)
                if len(self._arrived) > 1:
                    return  # the callback on its way posts this one too
            driver_loop(self).call_soon_threadsafe(self._post_arrived)

        def _post_arrived(self) -> None:
            with self._arriving:
                arrived, self._arrived = self._arrived, []
            for message in arrived:
                driver_app(self).post_message(message)

    return GradstepDriver
