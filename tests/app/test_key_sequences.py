"""Random key sequences on random lessons, in random window sizes: nothing breaks.

A hypothesis state machine presses keys on a running app and, after every key, checks
the session against the truth: a fresh replay of its problem must give exactly the
same weights and log, the chart's weight must exist, and a diverged run must dim step.
"""

import asyncio

import pytest
from gradstep.core.history import History
from gradstep.core.courses import course
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from ..helpers import resize, screen_text

pytestmark = pytest.mark.slow  # random key sequences: hundreds of presses

KEYS = ["space", "n", "b", "0", "w", "plus", "minus", "m", "v", "f", "g", "1", "2", "3"]
SIZES = [(20, 8), (60, 18), (80, 24), (120, 40), (200, 60)]


class Student(RuleBasedStateMachine):
    """A student pressing anything at all."""

    @initialize(lesson=st.sampled_from(course()))
    def open_app(self, lesson):
        self.loop = asyncio.new_event_loop()
        self.app = GradstepApp(Session.begin(lesson))
        self.jobs = asyncio.Queue()
        self.driver = self.loop.create_task(self._drive())
        self.do(lambda pilot: pilot.pause())  # the app is up before the first check

    async def _drive(self):
        """The app's whole test run in one task, as Textual's context variables require."""
        async with self.app.run_test(size=(80, 24)) as pilot:
            while (job := await self.jobs.get()) is not None:
                action, done = job
                try:
                    await action(pilot)
                    done.set_result(None)
                except Exception as error:  # handed back to the rule that asked
                    done.set_exception(error)

    def do(self, action):
        done = self.loop.create_future()
        self.jobs.put_nowait((action, done))
        self.loop.run_until_complete(done)

    @rule(key=st.sampled_from(KEYS))
    def press(self, key):
        self.do(lambda pilot: pilot.press(key))

    @rule(number=st.integers(1, len(course())))
    def switch_lesson(self, number):
        self.do(lambda pilot: pilot.press("l", str(number)))

    @rule(size=st.sampled_from(SIZES))
    def resize(self, size):
        async def resize_and_draw(pilot):
            await resize(pilot, *size)
            await pilot.pause()

        self.do(resize_and_draw)

    @invariant()
    def session_is_exactly_a_replay(self):
        if not hasattr(self, "app"):
            return
        state = self.app.state
        history = state.session.history
        replay = History.start(history.problem).jump(history.iteration)
        assert replay.iteration == history.iteration
        assert replay.weights.tobytes() == history.weights.tobytes()
        assert replay.errors.tobytes() == history.errors.tobytes()
        assert state.language in ("en", "zh") and state.view in ("weight", "iteration")
        too_small = self.app.size.width < 80 or self.app.size.height < 24
        assert self.app.check_action("step", ()) is (True if history.can_step and not too_small else None)
        drawn = " ".join(screen_text(self.app).split())  # the screen still draws what it should
        on_top = self.app.screen is self.app.screen_stack[0]  # no question, help or editor over it
        assert not on_top or ("80x24" in drawn if too_small else history.iteration == 0 or "step" in drawn)

    def teardown(self):
        if hasattr(self, "app"):
            self.jobs.put_nowait(None)
            self.loop.run_until_complete(self.driver)
            self.loop.close()


Student.TestCase.settings = settings(max_examples=10, stateful_step_count=20, deadline=None)
test_random_keys_never_break_the_session = Student.TestCase
