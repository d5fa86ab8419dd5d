"""Keeping the session on disk while it runs, for a kill that no way out can catch.

Every state the App takes is shown to the session's journal (core.journal), which notes
what happened. Once a second, and only if something did, a Textual timer saves the
session and hands the journal to the hand-in (the pending rows beside the save, the
progress file the teacher's desk reads): so after kill -9 at most a second is missing,
and the next start completes the hand-in. Keys are timed as they arrive, whatever they do.
"""

from __future__ import annotations

import time

from textual import events

from ...core.journal import Journal
from ...core.questions import Answer
from ...core.saving import save
from ..files.places import KEEP_EVERY, VIEW_SETTINGS
from ..words.prose import question_words
from .app_part import AppPart


class Keeping(AppPart):
    """Mixed into the App: the journal, the time of the last key, and the timer that keeps both."""

    def prepare_keeping(self) -> None:
        self.journal = Journal(lambda session, index: question_words(session, index, self.state.language))
        self.journal.see(self.state.session, time.time())
        self.last_key = time.time()  # when the student last pressed a key, for the teacher's desk
        # what the disk has: the session, the last key, and the journal's entries (a try at a question)
        self._kept: tuple[object, float, int] = (self.state.session, self.last_key, len(self.journal.entries))

    def start_keeping(self) -> None:
        self.set_interval(KEEP_EVERY, self.keep_up)
        if self.hand_in is not None:  # the room sees the student as started before their first key
            self.hand_in.keep(self.journal, self.state.session, self.last_key)

    def note_state(self) -> None:
        """The state changed: the journal notes what the session did."""
        self.journal.see(self.state.session, time.time())

    def note_try(self, judged: Answer) -> None:
        """A try at the question on screen, judged: noted now with its own time, and on disk
        within a second (the teacher sees a student stuck while the answer box is still open)."""
        self.journal.tried(self.state.session, judged, time.time())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.last_key = time.time()
        await super().on_event(event)

    def keep_up(self) -> None:
        """Save and keep the hand-in up to date, if anything happened since the last time."""
        if self.ended or self._kept == (self.state.session, self.last_key, len(self.journal.entries)):
            return
        session = self.state.session
        if session is not self._kept[0] and self.real and self.save_path is not None:
            try:
                save(session, self.save_path, {key: getattr(self.state, key) for key in VIEW_SETTINGS} | self.owner.settings())
            except OSError:
                pass  # said at the end, where saving is tried again
        self._kept = (session, self.last_key, len(self.journal.entries))
        if self.hand_in is not None:
            self.hand_in.keep(self.journal, session, self.last_key)
