"""Keys are cheap and drawing waits for the frame: queued presses are each a step, drawn once."""

import threading

import pytest
from gradstep.core.history import History
from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.driver import gradsteps_driver
from textual import events
from textual.drivers.headless_driver import HeadlessDriver

from ..helpers import SIZE, app_for, key_event, press_at_once, same_state, screen_text, settle, taken


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


@pytest.mark.slow  # another test of a feature the everyday set covers: in CI, not the everyday loop
async def test_keys_queued_together_act_in_the_order_they_came():
    """"b" then space, read together: space was a priority binding and b went through the
    screen and back, so the step came first and b undid it (and a refused b swallowed the
    step behind it)."""
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        for key in ["b", "space", "space", "b", "space"]:  # nothing to undo; 1, 2; back to 1; 2
            app.post_message(key_event(key))
        await settle(pilot)
        assert same_state(app.state.session.history, History.start(find_lesson("alpha").problem).jump(2))


async def test_keys_the_driver_reads_at_once_reach_the_app_all_and_in_order():
    """gradstep's driver posts the events read in one go together: none lost, none reordered."""
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        driver = gradsteps_driver(HeadlessDriver)(app)  # reading from a thread of its own, as in a terminal
        keys = ["b"] * 2 + ["space"] * 10 + ["b"] * 3  # 0, 10, 7 (backwards: 0, 10, 8)
        reader = threading.Thread(target=lambda: [driver.send_message(key_event(key)) for key in keys])
        reader.start()
        reader.join()
        await settle(pilot)
        assert same_state(app.state.session.history, History.start(find_lesson("alpha").problem).jump(7))


@pytest.mark.slow  # beside the everyday keys read together (the driver's above, a question's in test_keys_in_turn): in CI
@pytest.mark.parametrize(("opens", "closes"), [("question_mark", "q"), ("l", "l")])
async def test_a_key_read_with_the_one_that_closes_a_screen_acts_on_the_lesson(opens, closes):
    """q then b, read together on the help: both reached the help before it closed, and
    b came back to an App that only had priority bindings for it, so it was lost."""
    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "space", "space", "space")
        await pilot.press(opens)
        for key in [closes, "b", "b"]:  # the screen closes, then two steps back
            app.post_message(key_event(key))
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
        assert same_state(app.state.session.history, History.start(find_lesson("alpha").problem).jump(1))


@pytest.mark.slow  # a memory guard beside the everyday tests of what the panels paint: in CI
async def test_a_panel_keeps_its_picture_as_segments_not_strips():
    """A Strip carries seven caches that Textual fills as it paints; a panel keeps its rows'
    segments and makes each Strip as Textual asks (panel.py), so a student's process holds
    no second copy of every painted line with its caches."""
    from gradstep.tui.app.widgets.panel import StatePanel
    from textual.strip import Strip

    app = app_for("alpha")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await settle(pilot)
        held = [row for panel in app.query(StatePanel) for row in panel._lines]
        assert held and not any(isinstance(row, Strip) for row in held)
