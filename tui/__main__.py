"""The `gradstep` command: the app, or `gradstep run` / `lessons` / `check` / `class` without it.

Textual is imported only when the app starts, so the headless commands stay light.
"""

from __future__ import annotations

import errno
import importlib
import sys

# Each subcommand's module in command/ and its function.
SUBCOMMANDS = {"run": ("run", "main"), "lessons": ("run", "lessons_main"), "check": ("check", "main"),
               "class": ("classroom", "main")}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        module, function = SUBCOMMANDS[argv[0]]  # the headless commands: no Textual
        command, rest = getattr(importlib.import_module(f".command.{module}", __package__), function), argv[1:]
    else:
        from .command.launch import launch  # Textual loads here, and only here

        command, rest = launch, argv
    try:
        try:
            if sys.stdout is None:  # started with >&-: nowhere for a lesson, a table or the help
                raise OSError(errno.EBADF, _said(rest, "command.stdout_closed"))
            return command(rest)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # a full disk shows here, not as Python exits
    except BrokenPipeError:  # `gradstep run | head`: the reader left, which is fine
        _drop_output()
        return 0
    except OSError as error:  # `gradstep run > /dev/full`: the commands read their files themselves
        _drop_output()
        message = _said(rest, "command.cannot_write", reason=error.strerror or str(error))
        try:
            print(_said(rest, "command.error", prog="gradstep", message=message), file=sys.stderr, flush=True)
        except OSError:  # stderr is gone too
            pass
        return 1
    except KeyboardInterrupt:
        return 130


def _said(argv: list[str], key: str, **values: object) -> str:
    """The catalogue's sentence `key` in the language `argv` asks for."""
    from .command.flags import language_of
    from .words.say import say

    return say(language_of(argv), key, **values)


def _drop_output() -> None:
    from .command.environment import forget_output

    forget_output(sys.stdout)
    sys.stdout = None


if __name__ == "__main__":
    sys.exit(main())
