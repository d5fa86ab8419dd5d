"""The limits a teacher reads in the README are the ones the code enforces."""

from pathlib import Path

from gradstep.core import limits

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_readme_states_every_limit():
    for stated in (f"at most {limits.MAX_WEIGHTS} weights", f"at most {limits.MAX_OUTPUTS} outputs", f"at most {limits.MAX_ITERATIONS:,} iterations",
                   f"replays at most {limits.MAX_ITERATIONS:,} iterations",
                   f"at most {limits.LESSON_FILE_BYTES // 1024} KB",
                   f"keys at most {limits.KEY_DEPTH} parts deep", f"at most {limits.SAVE_BYTES // 2**20} MB"):
        assert stated in README, stated
