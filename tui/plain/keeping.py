"""Line mode's keeping: the session on disk at most a second behind, without an event loop.

The App keeps its session with a Textual timer (tui/app/keeping.py). Line mode blocks in
reading a line, so a change that comes within a second of the last write is written by a
timer thread a second after that write, unless another change gets there first; a lock
keeps the thread and the reading loop from touching the journal at once. So after kill -9
at most a second is missing, whether the keys came one at a time or pasted in a burst.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ...core.journal import Journal
from ...core.questions import Answer
from ...core.session import Session
from ..files.hand_in import HandIn
from ..files.places import KEEP_EVERY


class LineKeeping:
    """The journal of a line-mode session, kept on disk (the save and the hand-in) once a second at most."""

    def __init__(self, journal: Journal, start: Session, handing_in: HandIn | None,
                 save: Callable[[Session], None], every: float = KEEP_EVERY) -> None:
        self.journal, self.handing_in, self.save, self.every = journal, handing_in, save, every
        self.latest = start
        self._lock = threading.Lock()
        self._last = time.monotonic()  # when the disk was last brought up to date
        self._timer: threading.Timer | None = None
        journal.see(start, time.time())

    def changed(self, session: Session) -> None:
        """A new session: noted now, on disk within a second."""
        with self._lock:
            self.latest = session
            self.journal.see(session, time.time())
            self._soon()

    def tried(self, judged: Answer) -> None:
        """A try at the question asked, judged: noted now, on disk within a second (the
        teacher sees two wrong answers before the student reads on)."""
        with self._lock:
            self.journal.tried(self.latest, judged, time.time())
            self._soon()

    def _soon(self) -> None:
        """The disk brought up to date now, or by the timer a second after the last time
        (the lock held)."""
        wait = self._last + self.every - time.monotonic()
        if wait <= 0:
            self._keep()
        elif self._timer is None:
            self._timer = threading.Timer(wait, self._later)
            self._timer.daemon = True
            self._timer.start()

    def _later(self) -> None:
        with self._lock:
            self._timer = None
            self._keep()

    def _keep(self) -> None:
        self._last = time.monotonic()
        try:
            self.save(self.latest)
        except OSError:
            pass  # said at the end, where saving is tried again
        if self.handing_in is not None:
            self.handing_in.keep(self.journal, self.latest, time.time())

    def finish(self) -> None:
        """The end: no more keeping, and the hand-in made from everything noted."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.handing_in is not None:
                self.journal.see(self.latest, time.time())
                self.handing_in.finish(self.journal, self.latest, time.time())
