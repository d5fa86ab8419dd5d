"""Divergence in words: where the run blew up, why, and which alpha would not."""

from __future__ import annotations

from ...core import analysis
from ...core.divergence import GROWTH, Divergence, start_error
from ...core.history import History
from ...core.numbers import readable
from ...core.problem import Problem
from .figures import carried, r_value
from .say import say, term


def describe(language: str, divergence: Divergence, problem: Problem) -> str:
    """One line for a log or a summary: "diverged at iteration 25: the error reached ..."."""
    if divergence.overflowed:
        return say(language, "divergence.overflowed", iteration=divergence.iteration,
                   quantity=term(language, divergence.quantity))
    return say(language, "divergence.grew", iteration=divergence.iteration, what=_growth(language, divergence, problem))


def _growth(language: str, divergence: Divergence, problem: Problem) -> str:
    """How far the error grew: GROWTH times its start, or past GROWTH for a start below 1."""
    first = start_error(problem)
    value, growth = readable(divergence.value), readable(GROWTH)  # as the log writes it
    if first < 1:
        return say(language, "reached_past", value=value, growth=growth)
    return say(language, "reached", value=value, growth=growth, first=readable(first))


def banner(language: str, history: History, hidden: tuple[str, ...] = ()) -> str:
    """The banner's words: where it diverged, r, and the alpha that would converge (less
    what the lesson hides: r is the forecast, the alphas the analysis)."""
    problem, divergence = history.problem, history.divergence
    assert divergence is not None, "the banner is shown only once the run has diverged"
    stable, best = analysis.largest_stable_alpha(problem), analysis.best_alpha(problem)
    advice = "" if stable is None or best is None or "analysis" in hidden else say(language, "advice", stable=readable(stable),
                                                                    best=readable(best))
    if divergence.overflowed:
        what = say(language, "overflowed")
    else:
        what = _growth(language, divergence, problem)
    key = "banner.no_r" if "forecast" in hidden else "banner"
    # A record past the error limit is finite and kept, so the run stands one step beyond it:
    # said, so the iteration named agrees with the steps taken and the log's last row.
    stopped = say(language, "banner.stopped" if history.iteration == divergence.iteration else "banner.stopped_after",
                  last=history.iteration)
    return say(language, key, iteration=divergence.iteration, what=what, stopped=stopped,
               quantity=term(language, divergence.quantity), r=carried(r_value(problem)), advice=advice)
