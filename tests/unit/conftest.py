"""Each unit test with a state folder of its own: `gradstep class` keeps the teacher's
record of a hand-in folder there (tui/files/records.py), never in the tester's own."""

import pytest


@pytest.fixture(autouse=True)
def own_state_folder(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
