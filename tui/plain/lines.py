"""The lesson as plain lines, for terminals that cannot be drawn on.

TERM=dumb, an editor's shell, a pipe: no cursor movement, no colour, no escape
sequence at all. Enter (or n) steps, b steps back, r resets, q quits; each step prints
its log line, its arithmetic and the regime, the same figures the full-screen app shows.
It never imports Textual.
"""

from collections.abc import Callable
from typing import IO

from ...core.divergence import Diverged
from ...core.formats import text_header, text_row
from ...core.session import Session
from ..words.catalogue import words
from ..words.worked import convergence_lines, worked_step

COMMANDS = {"": "step", "n": "step", "b": "back", "r": "reset", "q": "quit", "?": "help", "h": "help"}
HELP = "Enter or n: step   b: step back   r: reset   q: quit"


def show_state(session: Session, language: str, out: IO[str]) -> None:
    """Where the run stands: the latest log line and worked step, or the lesson's words."""
    history = session.history
    if history.iteration == 0:
        text = session.lesson.text(language)
        out.write(f"{session.lesson.name}: {text.title}\n")
        for part in (text.teaches, text.notice):
            if part:
                out.write(part + "\n")
        out.write(text_header(history.problem) + "\n")
    else:
        out.write(text_row(history.record(history.iteration - 1), history.problem) + "\n")
        for line in worked_step(history, language):
            out.write("    " + line + "\n")
    for line in convergence_lines(history, language):
        out.write("  " + line + "\n")
    if history.divergence is not None:
        out.write("  " + history.divergence.describe() + ": b steps back, r resets\n")


def run_lines(session: Session, language: str, stdin: IO[str], out: IO[str],
              on_change: Callable[[Session], None] = lambda session: None) -> Session:
    """Read commands until q or the end of input; each new session goes to `on_change`."""
    show_state(session, language, out)
    out.write(HELP + "\n")
    while True:
        out.write("> ")
        out.flush()
        line = stdin.readline()
        if not line:  # end of input: leave as if q
            out.write("\n")
            return session
        command = COMMANDS.get(line.strip().lower())
        if command == "quit":
            return session
        if command is None or command == "help":
            out.write((HELP if command else f"{line.strip()!r}? {HELP}") + "\n")
            continue
        try:
            session = {"step": Session.step, "back": Session.step_back, "reset": Session.reset}[command](session)
        except Diverged:
            out.write(words(language, "cannot_step") + "\n")
            continue
        except IndexError:
            out.write("(already at the start)\n")
            continue
        on_change(session)
        if command != "step":
            out.write(f"({words(language, 'iteration')} {session.history.iteration})\n")
        show_state(session, language, out)
