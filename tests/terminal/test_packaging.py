"""The wheel carries every module, lesson and stylesheet, under the gradstep name only."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_holds_every_file_the_app_needs(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = tmp_path.glob("gradstep-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"gradstep/{folder}/{path.relative_to(ROOT / folder).as_posix()}"
        for folder in ("core", "tui")
        for pattern in ("*.py", "*.toml", "*.tcss")
        for path in (ROOT / folder).rglob(pattern)
        if "__pycache__" not in path.parts
    }
    assert expected <= names, sorted(expected - names)
    assert not any(name.startswith(("core/", "tui/")) for name in names)  # no global core or tui
    assert any(name.endswith("entry_points.txt") for name in names)
