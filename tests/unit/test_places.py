"""Where saves go: the system's state folder, from platformdirs."""

import os
from pathlib import Path

import pytest
from gradstep.tui.files.places import export_folder, save_path, state_directory


def test_an_absolute_xdg_state_home_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert state_directory() == tmp_path / "gradstep"
    assert save_path("ana") == tmp_path / "gradstep" / "session-ana.json"


@pytest.mark.parametrize("value", ["relative/state", "", "  "])
def test_a_relative_or_empty_xdg_state_home_is_ignored(monkeypatch, value):
    monkeypatch.setenv("XDG_STATE_HOME", value)
    assert state_directory() == Path(os.path.expanduser("~")) / ".local" / "state" / "gradstep"


def test_an_export_goes_to_the_folder_the_student_started_in(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert export_folder() == tmp_path
