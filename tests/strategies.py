"""What hypothesis makes up for the property tests: problems a student could type."""

from gradstep.core.problem import InvalidProblem, Problem
from hypothesis import assume, settings
from hypothesis import strategies as st


def examples(share: float) -> settings:
    """`share` of the profile's count of examples, with no deadline: more for a property
    whose rare cases matter, fewer for one whose examples are slow. CI's profile is
    Hypothesis's default (100); the everyday loop's a few (see tests/conftest.py)."""
    return settings(max_examples=max(1, round(share * settings().max_examples)), deadline=None)


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


@st.composite
def layers(draw, values=finite, rates=positive):
    """Any problem the editor takes: one to three outputs of one to three inputs, some weights
    frozen, either rule where it applies."""
    outputs, size = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    weights = outputs * size
    method = draw(st.sampled_from(["gd", "hot-cold"])) if weights == 1 else "gd"
    frozen = () if method == "hot-cold" else tuple(draw(st.sets(st.integers(0, weights - 1), max_size=weights)))
    goal = draw(values) if outputs == 1 else tuple(draw(values) for _ in range(outputs))
    try:
        return Problem(weights=tuple(draw(values) for _ in range(weights)), inputs=tuple(draw(values) for _ in range(size)),
                       goal=goal, method=method, alpha=draw(rates), step_amount=draw(rates), frozen=tuple(sorted(frozen)))
    except InvalidProblem as refusal:  # an error that overflows before the first step: refused as input
        assert refusal.key == "problem.start_overflows"
        assume(False)
