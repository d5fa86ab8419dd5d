"""Line mode keeps its session on disk at most a second behind, with no event loop to time it."""

import threading

from gradstep.core.journal import Journal, Words
from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.plain.keeping import LineKeeping


class Recorded:
    """A hand-in that notes what it was given to keep, and when the last change arrived."""

    def __init__(self) -> None:
        self.kept: list[int] = []
        self.finished: list[int] = []
        self.written = threading.Event()

    def keep(self, journal, session, last_key) -> None:
        self.kept.append(session.history.iteration)
        self.written.set()

    def finish(self, journal, session, last_key) -> None:
        self.finished.append(len(journal.entries))


def test_a_burst_of_changes_is_one_write_and_the_last_change_is_written_soon_after():
    handing_in, saved = Recorded(), []
    start = Session.begin(find_lesson("hot-cold"))
    keeping = LineKeeping(Journal(lambda session, index: Words("")), start, handing_in,
                          lambda session: saved.append(session.history.iteration), every=0.2)
    session = start
    for _ in range(5):  # pasted: five lines in one read, well within the interval
        session = session.step()
        keeping.changed(session)
    assert handing_in.kept == []  # nothing written by the reading loop within the interval
    assert handing_in.written.wait(5)  # the timer wrote the last of them
    assert handing_in.kept == [5] and saved == [5]
    keeping.finish()
    assert handing_in.finished == [5]  # five steps noted, handed in at the end
