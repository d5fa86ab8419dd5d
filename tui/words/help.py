"""The help's words for a lesson: each entry as the catalogue says it, unless it explains a
readout the lesson hides.

A teacher hides a readout (core/lessons.py HIDEABLE) to let the student find it: whether a
run converges (r, the forecast), which alpha lands in one step (the analysis), how a step
is worked out (the worked step). The glossary said all three whatever the lesson hid, so
`?` answered the very question the lesson asked. Here each such entry says instead that
the teacher hides it, or says what it still may without the hidden part.
"""

from __future__ import annotations

from ...core.problem import Problem
from .say import field_names, say

# The help's sentence, the readout it explains, and what it says while that readout is hidden.
EXPLAINS = {
    "term.r.text": ("forecast", "help.hidden"),
    "term.best_alpha.text": ("analysis", "help.hidden"),
    "term.edge.text": ("analysis", "help.hidden"),
    "term.weight_delta.text": ("worked-step", "help.hidden"),
    "help.panel.parameters.text": ("forecast", "help.panel.parameters.text.no_r"),
    "help.panel.worked.text": ("worked-step", "help.panel.worked.text.hidden"),
    "help.alpha_up": ("analysis", "help.alpha_up.no_analysis"),
}


def help_says(language: str, key: str, hidden: tuple[str, ...], **values: object) -> str:
    """The help's sentence `key`, or what it says instead where it explains a hidden readout."""
    part, instead = EXPLAINS.get(key, (None, key))
    return say(language, instead if part in hidden else key, **values)


def panel_help(language: str, panel: str, problem: Problem, hidden: tuple[str, ...]) -> str:
    """The help's words on a panel; the parameters panel's rows named as it names them for
    `problem` ("input" where there is one: lesson 9's help said "inputs" beside "input 0.65")."""
    names = field_names(language, problem)
    rows = say(language, "sep.list").join(names[field] for field in ("weights", "inputs", "goal"))
    return help_says(language, f"help.panel.{panel}.text", hidden, rows=rows)
