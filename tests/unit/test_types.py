"""mypy finds nothing: --strict on the core, the project's own settings (pyproject.toml) on all.

The folders install under other names (setuptools' package-dir: core/ is gradstep.core),
and their relative imports only resolve under those names, so the checker reads a tree of
symlinks laid out as the installed package, made from pyproject's own package-dir; what it
reports is put back under the files' real paths. Slow (a cold check is tens of seconds):
CI runs it, the everyday loop does not.
"""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def installed_tree(into: Path) -> Path:
    """The packages as installed, each a symlink to its folder: the top one (tui/entry for
    gradstep) a folder of links to its files, so the others can go inside it."""
    package_dir = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    for name, folder in sorted(package_dir.items(), key=lambda item: item[0].count(".")):
        place = into.joinpath(*name.split("."))
        if "." not in name:
            place.mkdir(parents=True)
            for entry in (ROOT / folder).iterdir():
                if entry.name != "__pycache__":
                    (place / entry.name).symlink_to(entry)
        else:
            place.symlink_to(ROOT / folder, target_is_directory=True)
    return into


def mypy(tree: Path, *arguments: str) -> str:
    """mypy's report on `arguments`, each file named by its real path in the checkout."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tree.parent / "cache"), *arguments],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "MYPYPATH": str(tree)},
    )
    real = re.sub(r"^(\S+?\.pyi?):", lambda found: os.path.relpath(os.path.realpath(found[1]), ROOT) + ":",
                  done.stdout + done.stderr, flags=re.MULTILINE)
    return f"exit {done.returncode}\n{real}"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return installed_tree(tmp_path_factory.mktemp("types") / "tree")


def test_the_tree_holds_exactly_the_installed_packages(tree):
    assert (tree / "gradstep" / "core" / "rules.py").resolve() == ROOT / "core" / "rules.py"
    assert (tree / "gradstep" / "tui" / "app" / "app.py").resolve() == ROOT / "tui" / "app" / "app.py"
    assert (tree / "gradstep" / "__main__.py").resolve() == ROOT / "tui" / "entry" / "__main__.py"


def test_the_core_passes_mypy_strict(tree):
    report = mypy(tree, "--strict", "-p", "gradstep.core")
    assert report.startswith("exit 0\n") and "Success: no issues found" in report, report


def test_everything_passes_mypy_with_the_projects_settings(tree):
    report = mypy(tree, "-p", "gradstep")
    assert report.startswith("exit 0\n") and "Success: no issues found" in report, report
