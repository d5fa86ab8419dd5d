"""The export (x) writes where tui/files/places.py says, not where app.py happens to choose."""

import pytest
from gradstep.tui.app import app as app_module

from ..helpers import app_for


async def test_x_writes_the_log_into_the_export_folder_places_names(tmp_path, monkeypatch):
    chosen, elsewhere = tmp_path / "exports", tmp_path / "elsewhere"
    chosen.mkdir(), elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(app_module, "export_folder", lambda: chosen)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "x")
        await pilot.pause()
    assert [path.suffix for path in chosen.iterdir()] == [".csv"]
    assert list(elsewhere.iterdir()) == []


@pytest.mark.slow  # two lessons and their questions: beside the everyday export test above, in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_x_says_the_file_holds_the_whole_session_and_how_many_rows(tmp_path, monkeypatch, language):
    """Lesson 10, x: "Log saved as gradstep-log-....csv in /tmp/..." and the student looked
    for the iteration log on screen; the file held the whole session, every lesson's steps
    and the quiz answers. The message says so, with the file's count of rows, and fits."""
    import csv

    from gradstep.tui.app.screens.ask import QuestionScreen
    from gradstep.tui.words.say import say

    from ..helpers import screen_text, settle

    monkeypatch.setattr(app_module, "export_folder", lambda: tmp_path)
    app = app_for("alpha", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (("space", "space", "l", "3"), ("space",)):  # a second lesson: the file holds both
            await pilot.press(*keys)
            await settle(pilot)
            while isinstance(app.screen, QuestionScreen):  # its questions, answered by a skip
                await pilot.press("s", "enter")
                await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        [path] = tmp_path.glob("gradstep-log-*.csv")
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        assert {row["lesson"] for row in rows} == {"alpha", "gradient-descent"}
        assert {row["kind"] for row in rows} >= {"step", "answer"}
        assert app.state.notice == say(language, "exported", rows=len(rows), name=path.name, folder=str(tmp_path))
        whole = {"en": f"the whole session, every lesson's steps and answers, {len(rows)} rows",
                 "zh": f"整个会话，所有课的每一步和答案，共 {len(rows)} 行"}[language]
        assert whole in app.state.notice
        assert path.name in "".join(screen_text(app).split())
