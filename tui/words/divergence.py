"""Divergence in words: where the run blew up, why, and which alpha would not."""

from ...core import analysis
from ...core.divergence import Divergence, error_limit
from ...core.history import History
from ...core.numbers import readable
from ...core.problem import Problem
from .say import say, term


def describe(language: str, divergence: Divergence, problem: Problem) -> str:
    """One line for a log or a summary: "diverged at iteration 25: the error reached ..."."""
    if divergence.overflowed:
        return say(language, "divergence.overflowed", iteration=divergence.iteration,
                   quantity=term(language, divergence.quantity))
    return say(language, "divergence.grew", iteration=divergence.iteration, value=readable(divergence.value, 3),
               limit=readable(error_limit(problem), 3))


def banner(language: str, history: History) -> str:
    """The banner's words: where it diverged, r, and the alpha that would converge."""
    problem, divergence = history.problem, history.divergence
    stable, best = analysis.largest_stable_alpha(problem), analysis.best_alpha(problem)
    advice = "" if stable is None else say(language, "advice", stable=readable(stable, 3), best=readable(best, 3))
    if divergence.overflowed:
        what = say(language, "overflowed")
    else:
        what = say(language, "reached", value=readable(divergence.value, 3),
                   limit=readable(error_limit(problem), 3))
    return say(language, "banner", iteration=divergence.iteration, what=what,
               quantity=term(language, divergence.quantity), r=readable(analysis.r_factor(problem)), advice=advice)
