"""The `gradstep` command: the app, or `gradstep run` / `lessons` / `check` / `class` without it.

Textual is imported only when the app starts, so the headless commands stay light.
"""

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
        return command(rest)
    except BrokenPipeError:  # `gradstep run | head`: the reader left, which is fine
        sys.stdout = None
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
