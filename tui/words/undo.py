"""What 0 and b say they did: 0 keeps the run's steps, and b at iteration 0 brings them back.

b at iteration 0 undoes the last change, and after 0 that change is the reset, so b goes
forward to where the run stood. Newcomers read that as b misbehaving; the notices say it
at both ends, with the count of steps that come and go.
"""

from __future__ import annotations

from ...core.session import Session
from .prose import lesson_heading
from .say import say


def reset_notice(before: Session, language: str) -> str:
    """After 0: back to iteration 0, and that b brings this run's steps back ("" from 0 itself)."""
    steps = before.history.iteration
    if not steps:
        return ""
    return say(language, "reset.done.one" if steps == 1 else "reset.done", steps=steps)


def back_notice(before: Session, after: Session, language: str) -> str:
    """After b: nothing to say where it took a step back; at iteration 0, what it undid. A
    reset is undone onto the same run (the steps stay stored), so that is the one it names."""
    if before.history.iteration:
        return ""
    steps = after.history.iteration
    if after.history.trajectory is before.history.trajectory and steps:
        return say(language, "undone.reset.one" if steps == 1 else "undone.reset", steps=steps)
    if after.lesson.name == before.lesson.name:
        return say(language, "undone", steps=steps)
    return say(language, "undone.lesson", steps=steps, lesson=lesson_heading(after.lesson, language))
