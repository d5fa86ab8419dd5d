"""Each unit test with a state folder of its own: `gradstep class` keeps the teacher's
record of a hand-in folder there (tui/files/records.py), never in the tester's own."""

import tempfile
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def state_folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder that holds every unit test's own state folder."""
    return tmp_path_factory.mktemp("state")


@pytest.fixture(autouse=True)
def own_state_folder(state_folders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh, empty, private folder, made by mkdtemp inside one folder for them all:
    pytest's mktemp lists the folder it numbers in at every call, so a thousand tests
    numbering in one folder cost it half a million names read (seconds of the loop)."""
    monkeypatch.setenv("XDG_STATE_HOME", tempfile.mkdtemp(dir=state_folders))
