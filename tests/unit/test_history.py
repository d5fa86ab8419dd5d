"""The history: exact step back, reset and jump, shared columns, bounded memory."""

import numpy as np
import pytest
from gradstep.core.history import History
from gradstep.core.courses import find_lesson


def alpha_run() -> History:
    return History.start(find_lesson("alpha").problem)


def test_step_back_gives_exactly_the_earlier_state():
    start = alpha_run()
    states = [start]
    for _ in range(10):
        states.append(states[-1].step())
    view = states[-1]
    for earlier in reversed(states[:-1]):
        view = view.step_back()
        assert view.iteration == earlier.iteration
        assert view.weights.tobytes() == earlier.weights.tobytes()
        assert view.error == earlier.error


def test_stepping_again_after_going_back_reuses_the_stored_records():
    ten = alpha_run().jump(10)
    trajectory = ten.trajectory
    again = ten.reset().jump(10)
    assert trajectory.count == 11 and again.trajectory is trajectory  # the next one is computed ahead
    assert again.weights.tobytes() == ten.weights.tobytes()


def test_jump_equals_stepping_one_at_a_time():
    stepped = alpha_run()
    for _ in range(25):
        stepped = stepped.step()
    jumped = alpha_run().jump(25)
    assert jumped.weight_trail.tobytes() == stepped.weight_trail.tobytes()
    assert jumped.errors.tobytes() == stepped.errors.tobytes()


def test_views_cannot_be_changed_through_their_arrays():
    view = alpha_run().jump(3)
    with pytest.raises(ValueError):
        view.weights[0] = 1.0
    with pytest.raises(ValueError):
        view.errors[0] = 1.0


def test_reset_returns_to_iteration_zero_and_start_weights():
    start = alpha_run()
    reset = start.jump(7).reset()
    assert reset.iteration == 0 and reset.weights.tobytes() == start.weights.tobytes()
    with pytest.raises(IndexError):
        reset.step_back()


def test_record_fields_follow_from_the_columns():
    view = alpha_run().jump(3)
    record = view.record(2)
    assert record.iteration == 2
    assert record.prediction == view.predictions[2] and record.error == view.errors[2]
    assert record.weights_after.tobytes() == view.weight_trail[3].tobytes()
    assert view.predictions_made == 3


def test_hot_cold_costs_three_predictions_a_step():
    assert History.start(find_lesson("hot-cold").problem).jump(15).predictions_made == 45


@pytest.mark.slow  # a hundred thousand steps
def test_a_hundred_thousand_steps_cost_a_few_megabytes():
    view = alpha_run().jump(100_000)
    assert view.iteration == 100_000
    columns = view.trajectory
    stored = sum(a.nbytes for a in (columns._weights, columns._predictions, columns._errors))
    assert stored < 4 * 2**20  # 24 bytes a step, with room for the doubling
    assert np.all(np.isfinite(view.errors))


def test_whether_a_step_is_possible_is_read_not_computed():
    view = alpha_run().jump(3)
    assert view.trajectory.count == 4  # jump computed the record its next step needs
    assert view.can_step and view.divergence is None
    assert view.trajectory.count == 4  # reading them computed nothing more
