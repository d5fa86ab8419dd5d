"""The limits a lab reads in docs/classroom.md are the ones the code enforces."""

from pathlib import Path

from gradstep.core import limits

CLASSROOM = (Path(__file__).resolve().parents[2] / "docs" / "classroom.md").read_text(encoding="utf-8")


def test_the_lab_guide_states_every_limit():
    for stated in (f"at most {limits.MAX_WEIGHTS} weights", f"at most {limits.MAX_OUTPUTS} outputs", f"at most {limits.MAX_ITERATIONS:,} iterations",
                   f"replays at most {limits.MAX_ITERATIONS:,} iterations",
                   f"at most {limits.LESSON_FILE_BYTES // 1024} KB",
                   f"keys at most {limits.KEY_DEPTH} parts deep", f"at most {limits.SAVE_BYTES // 2**20} MB"):
        assert stated in CLASSROOM, stated


def test_the_rate_keys_stop_at_the_rate_bounds():
    from gradstep.core.session import next_rung

    assert next_rung(limits.LARGEST_RATE, +1) == limits.LARGEST_RATE
    assert next_rung(limits.SMALLEST_RATE, -1) == limits.SMALLEST_RATE
    assert next_rung(limits.LARGEST_RATE * 0.9, +1) == limits.LARGEST_RATE


def test_one_key_for_each_weight_and_each_output():
    assert limits.MAX_WEIGHTS == limits.MAX_OUTPUTS == limits.WEIGHT_KEYS == 9  # the digits 1-9
