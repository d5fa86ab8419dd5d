"""docs/classroom.md's lab install, run as the page writes it: a venv every student can run.

The walk: a teacher installed as the README's first line says, in a root shell whose
`python3` is root's pyenv, and every student got "Permission denied" (a venv runs the
Python it was made from, and /root is 0700). The page's commands are read from it, so a
page that drifts from what works fails here; they run as root with root's usual umask
077 and this machine's PATH (a pyenv first, where it has one), into a place like /opt,
and the page's checks run as a student's account.
"""

import os
import shutil
import subprocess
from pathlib import Path

from .test_hand_in_folder import STUDENT
from .test_hand_in_folder import classroom  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Installing it for a lab"
LEFT_OUT = shutil.ignore_patterns(".venv", ".git", "__pycache__", "build", "*.egg-info", ".hypothesis",
                                  ".pytest_cache")


def code_blocks(section: str) -> list[list[str]]:
    """The indented command blocks of a section of docs/classroom.md, a list of lines each."""
    text = (ROOT / "docs" / "classroom.md").read_text(encoding="utf-8")
    body = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks, current = [], []
    for line in body.splitlines():
        if line.startswith("    "):
            current.append(line.strip())
        elif current and line.strip():
            blocks.append(current)
            current = []
    return blocks + ([current] if current else [])


def as_here(line: str, prefix: str) -> str:
    """A line of the page on this machine: its venv at `prefix`, a student's account for
    `sudo -u nobody`, and no sudo (the test runs as root)."""
    line = line.replace("/opt/gradstep", prefix)
    return line.replace("sudo -u nobody ", f"runuser -u {STUDENT} -- ").replace("sudo ", "")


def as_root(line: str, cwd: str) -> subprocess.CompletedProcess:
    """A line run by root's shell, under the umask root's login often has."""
    return subprocess.run(["sh", "-c", line], cwd=cwd, capture_output=True, text=True,
                          preexec_fn=lambda: os.umask(0o077), timeout=600)


def test_the_pages_lab_install_gives_a_venv_a_student_can_run(classroom):
    install, checks = code_blocks(SECTION)
    source = os.path.join(classroom, "source")
    shutil.copytree(ROOT, source, ignore=LEFT_OUT)
    opt = os.path.join(classroom, "opt")
    os.mkdir(opt, 0o755)
    prefix = os.path.join(opt, "gradstep")
    for line in install:
        if " ln -s " in line:
            continue  # /usr/local/bin is this machine's, not the test's
        done = as_root(as_here(line, prefix), source)
        assert done.returncode == 0, done.stderr
    readlink, namei, student_run = (as_root(as_here(line, prefix), source) for line in checks)
    python = readlink.stdout.strip()
    assert readlink.returncode == 0 and not python.startswith(("/root", "/home")), python
    modes = [line.split()[0] for line in namei.stdout.splitlines()[1:]]
    assert modes and all(mode[-1] in "xt" for mode in modes), namei.stdout
    assert student_run.returncode == 0, student_run.stderr
    assert "final error" in student_run.stdout and "Permission denied" not in student_run.stderr
