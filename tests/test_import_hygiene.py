"""The core and the headless runner never load the terminal toolkit."""

import subprocess
import sys

SCRIPT = """
import sys
import gradstep.core.analysis, gradstep.core.history, gradstep.core.lessons, gradstep.core.runner
from gradstep.tui.__main__ import main
main(["run", "--lesson", "alpha", "--format", "jsonl"])
loaded = sorted(name for name in ("textual", "plotext", "rich", "textual_plotext") if name in sys.modules)
print("LOADED", loaded, file=sys.stderr)
"""


def test_core_and_run_import_no_textual_plotext_or_rich():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert "LOADED []" in done.stderr
