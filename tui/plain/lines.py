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
from ...core.refusals import Refusal
from ...core.session import Session
from ..words.divergence import describe
from ..words.say import explain, headings, say
from ..words.worked import convergence_lines, worked_step

COMMANDS = {"": "step", "n": "step", "b": "back", "r": "reset", "q": "quit", "?": "help", "h": "help"}


def show_state(session: Session, language: str, out: IO[str]) -> None:
    """Where the run stands: the latest log line and worked step, or the lesson's words."""
    history = session.history
    if history.iteration == 0:
        text = session.lesson.text(language)
        out.write(f"{session.lesson.name}: {text.title}\n")
        for part in (text.teaches, text.notice):
            if part:
                out.write(part + "\n")
        out.write(text_header(history.problem, headings(language)) + "\n")
    else:
        out.write(text_row(history.record(history.iteration - 1), history.problem, headings(language)) + "\n")
        for line in worked_step(history, language):
            out.write("    " + line + "\n")
    for line in convergence_lines(history, language):
        out.write("  " + line + "\n")
    if history.divergence is not None:
        description = describe(language, history.divergence, history.problem)
        out.write("  " + say(language, "lines.diverged", description=description) + "\n")


def run_lines(session: Session, language: str, stdin: IO[str], out: IO[str],
              on_change: Callable[[Session], None] = lambda session: None) -> Session:
    """Read commands until q or the end of input; each new session goes to `on_change`."""
    show_state(session, language, out)
    help_line = say(language, "lines.help")
    out.write(help_line + "\n")
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
            out.write((help_line if command else say(language, "lines.unknown", text=line.strip(), help=help_line)) + "\n")
            continue
        try:
            session = {"step": Session.step, "back": Session.step_back, "reset": Session.reset}[command](session)
        except Diverged:
            out.write(say(language, "cannot_step") + "\n")
            continue
        except IndexError:
            out.write(say(language, "lines.at_start") + "\n")
            continue
        except Refusal as refusal:  # the run holds the most iterations a run keeps
            out.write(explain(language, refusal) + "\n")
            continue
        on_change(session)
        if command != "step":
            out.write(say(language, "lines.iteration", iteration=session.history.iteration) + "\n")
        show_state(session, language, out)
