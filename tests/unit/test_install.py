"""gradstep check says when students could not run the teacher's install (a teacher's walk:
a venv built from /root/.pyenv gave every student "Permission denied")."""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from gradstep.tui.command import install

from ..helpers import gradstep

pytestmark = pytest.mark.skipif(os.name != "posix", reason="rights for other accounts: POSIX")


def test_the_first_place_on_the_way_that_others_cannot_pass_is_named(monkeypatch):
    monkeypatch.undo()  # the real function, not conftest's stand-in
    top = Path(tempfile.mkdtemp(dir="/tmp"))  # /tmp is open to all; pytest's own folders are not
    try:
        top.chmod(0o755)
        home = top / "home"
        python = home / "bin" / "python3"
        python.parent.mkdir(parents=True)
        python.write_text("")
        for mode, closed in ((0o700, home), (0o755, None)):
            home.chmod(mode)
            python.chmod(0o755)
            assert install.kept_from_others(str(python), str(home)) == (closed and str(closed))
        python.chmod(0o750)  # the group may run it, other accounts not
        assert install.kept_from_others(str(python), str(home)) == str(python)
    finally:
        shutil.rmtree(top)


@pytest.mark.parametrize("language, said", [
    ("en", "gradstep check: warning: students cannot run this gradstep: other accounts cannot enter or run /root"),
    ("zh", "gradstep check：警告：学生无法运行这个 gradstep：其他账户无法进入或运行 /root")])
def test_check_says_so_in_one_line_beside_its_report(tmp_path, monkeypatch, language, said):
    monkeypatch.setattr(install, "kept_from_others", lambda: "/root")
    lesson = tmp_path / "one.toml"
    lesson.write_text('weights = [0.5]\ninputs = [2]\ngoal = 0.8\n[en]\ntitle = "One"\n[zh]\ntitle = "一"\n')
    result = gradstep("check", str(lesson), "--lang", language)
    assert result.status == 0 and result.err.startswith(said) and len(result.err.splitlines()) == 1
    assert sys.executable in result.err and "docs/classroom.md" in result.err
