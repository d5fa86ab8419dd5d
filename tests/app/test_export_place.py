"""The export (x) writes where tui/files/places.py says, not where app.py happens to choose."""

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
