"""Keys are cheap and drawing waits for the frame: queued presses are each a step, drawn once."""

import pytest
from gradstep.core.session import Session
from textual import events

from ..helpers import SIZE, app_for, screen_text, settle, taken


@pytest.mark.slow  # many steps or examples: in CI, not the everyday loop
async def test_queued_presses_are_each_one_step_and_one_picture():
    queued, stepped = app_for("alpha"), app_for("alpha")
    async with queued.run_test(size=SIZE) as pilot:
        await settle(pilot)
        widgets = list(queued.query("StatePanel"))
        drawn = {widget: 0 for widget in widgets}
        for widget in widgets:
            def counting(state, widget=widget, draw=widget.draw):
                drawn[widget] += 1
                return draw(state)
            widget.draw = counting
        for _ in range(300):  # all in the App's queue before it handles the first
            queued.post_message(events.Key("space", " "))
        await settle(pilot)
        assert queued.state.session.history.iteration == 300
        shown = [widget for widget in widgets if widget.size.area]
        assert {drawn[widget] for widget in shown} == {1}  # one picture, not one per key
        after_queue = screen_text(queued)
    async with stepped.run_test(size=SIZE) as pilot:  # the last ten one at a time, each drawn
        session = stepped.state.session
        stepped.state = stepped.state.replace(session=Session(session.lesson, session.history.jump(290)))
        for _ in range(10):
            await pilot.press("space")
            await settle(pilot)
        assert screen_text(stepped) == after_queue
    assert taken(300) in after_queue
