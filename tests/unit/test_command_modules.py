"""`gradstep`'s command line is three modules with one job each, imported one way: the parser
knows nothing of saves or runners, and the start policy nothing of running a session."""

import ast
import subprocess
import sys

import pytest

LOADED = "import sys, importlib; importlib.import_module({!r}); print(sorted(m for m in {!r} if m in sys.modules))"
PARTS = ("gradstep.tui.command.app_parser", "gradstep.tui.command.starting", "gradstep.tui.command.runners",
         "gradstep.core.saving")


def loaded_with(module: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", LOADED.format(module, PARTS)], capture_output=True, text=True, check=True)
    return ast.literal_eval(done.stdout)  # the list of module names the line above printed


@pytest.mark.slow  # a fresh interpreter each, half a second; the import rule of core/ is everyday (test_import_hygiene)
def test_the_parser_alone_reads_no_save_and_runs_nothing():
    assert loaded_with("gradstep.tui.command.app_parser") == ["gradstep.tui.command.app_parser"]


@pytest.mark.slow  # a fresh interpreter each, half a second: in CI
def test_the_start_policy_runs_nothing():
    assert "gradstep.tui.command.runners" not in loaded_with("gradstep.tui.command.starting")
