"""What hypothesis makes up for the property tests: problems a student could type."""

from gradstep.core.problem import InvalidProblem, Problem
from hypothesis import assume
from hypothesis import strategies as st

finite = st.floats(allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0.0, exclude_min=True, allow_infinity=False)
moderate = st.floats(min_value=-100, max_value=100, allow_nan=False)


@st.composite
def problems(draw, values=finite, rates=positive):
    """Any problem a student could type: one to four weights, either rule."""
    size = draw(st.integers(1, 4))
    method = draw(st.sampled_from(["gd", "hot-cold"])) if size == 1 else "gd"
    try:
        return Problem(
            weights=tuple(draw(values) for _ in range(size)),
            inputs=tuple(draw(values) for _ in range(size)),
            goal=draw(values),
            method=method,
            alpha=draw(rates),
            step_amount=draw(rates),
        )
    except InvalidProblem as refusal:  # an error that overflows before the first step: refused as input
        assert refusal.key == "problem.start_overflows"
        assume(False)
