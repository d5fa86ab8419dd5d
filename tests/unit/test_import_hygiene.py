"""Each folder imports what its name says: only `tui/app` may load the terminal toolkit."""

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import gradstep.core, gradstep.tui
for package in (gradstep.core, gradstep.tui):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not module.name.startswith("gradstep.tui.app"):
            importlib.import_module(module.name)
from gradstep.tui.__main__ import main
main(["run", "--lesson", "alpha", "--format", "jsonl"])
main(["lessons"])
loaded = sorted(name for name in ("textual", "plotext", "rich", "textual_plotext") if name in sys.modules)
print("LOADED", loaded, file=sys.stderr)
"""


def test_nothing_outside_the_app_folder_imports_textual_plotext_or_rich():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert "LOADED []" in done.stderr
