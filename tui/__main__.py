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
        try:
            return command(rest)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # a full disk shows here, not as Python exits
    except BrokenPipeError:  # `gradstep run | head`: the reader left, which is fine
        _drop_output()
        return 0
    except OSError as error:  # `gradstep run > /dev/full`: the commands read their files themselves
        _drop_output()
        from .command.flags import language_of
        from .words.say import say

        language = language_of(rest)
        message = say(language, "command.cannot_write", reason=error.strerror or str(error))
        try:
            print(say(language, "command.error", prog="gradstep", message=message), file=sys.stderr, flush=True)
        except OSError:  # stderr is gone too
            pass
        return 1
    except KeyboardInterrupt:
        return 130


def _drop_output() -> None:
    from .command.environment import forget_output

    forget_output(sys.stdout)
    sys.stdout = None


if __name__ == "__main__":
    sys.exit(main())
