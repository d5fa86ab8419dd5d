"""Saves: private to their owner, refused when tampered with, named safely."""

import json
import os
import stat

import pytest
from gradstep.core.lessons import find_lesson
from gradstep.core.saving import CorruptSave, load, save
from gradstep.core.session import Session

from ..helpers import gradstep


def test_saves_are_private_to_their_owner(tmp_path):
    path = tmp_path / "state" / "gradstep" / "session.json"
    save(Session.begin(find_lesson("alpha")).step(), path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["session.json"]  # no temporary file left


def test_a_tampered_save_is_refused(tmp_path):
    path = tmp_path / "session.json"
    save(Session.begin(find_lesson("alpha")).step().step(), path)
    data = json.loads(path.read_text())
    data["log"]["errors"][1] = 0.0145  # not what the lesson computes
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptSave) as refused:
        load(path)
    assert refused.value.key == "save.log_mismatch"


@pytest.mark.parametrize("name", ["../x", "a/b", "", "x" * 41, "ana smith", ".hidden"])
def test_a_session_name_that_could_leave_the_folder_is_refused(name):
    result = gradstep("--session", name)
    assert result.status == 2 and len(result.err.splitlines()) == 1
    assert "a session name is 1 to 40 letters, digits, - or _" in result.err
