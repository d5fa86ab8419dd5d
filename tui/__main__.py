"""The `gradstep` command: the app, or `gradstep run` / `gradstep lessons` without it.

Textual is imported only when the app starts, so the headless commands stay light.
"""

import sys

SUBCOMMANDS = {"run": "main", "lessons": "lessons_main"}  # the function of command/run.py for each


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        from .command import run  # the headless commands: no Textual

        command, rest = getattr(run, SUBCOMMANDS[argv[0]]), argv[1:]
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
