"""`gradstep class DIR --watch` under Pilot: the room follows the folder, sorts by key,
flags who is stuck, names who has not started, and fits 80x24 in both languages."""

import time

import pytest
from gradstep.core.formats import cell_width
from gradstep.core.progress import AnswerSeen
from gradstep.tui.words.say import say
from gradstep.tui.app.room import RoomApp
from gradstep.tui.app.widgets.table_lines import TableLines
from gradstep.tui.files.progress_folder import ProgressFolder

from ..helpers import SIZE, named_by_file, press_at_once, progress_file, screen_text

NOW = 1_800_000_000.0  # 2027-01-15 08:00:00 UTC: the screen's clock, frozen
WRONG_TWICE = [AnswerSeen("alpha", 1, "Which alpha lands in one step?", answer, False, first)
               for answer, first in (("0.5", True), ("0.3", False))]


@pytest.fixture
def utc(monkeypatch):
    """The clock on screen in UTC, whoever runs the tests."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def folder(tmp_path, utc):
    """Four students: ana fine, bo stuck on a question, cy's run diverged, dan idle and behind."""
    progress_file(tmp_path, "ana", now=NOW, idle=5, iteration=12, error=0.0012, lessons_opened=["hot-cold", "alpha"],
                  questions_right=1, questions_asked=1,
                  answers=[AnswerSeen("alpha", 1, "Which alpha lands in one step?", "0.25", True, True)])
    progress_file(tmp_path, "bo", now=NOW, idle=40, iteration=4, questions_asked=1, answers=WRONG_TWICE,
                  lessons_opened=["hot-cold", "alpha"], predictions_right=2, predictions=3)
    progress_file(tmp_path, "cy", now=NOW, idle=20, iteration=9, error=None, diverged=True, lesson="divergence",
                  lessons_opened=["hot-cold", "alpha", "divergence"])
    progress_file(tmp_path, "dan", now=NOW, idle=400, iteration=2, lesson="hot-cold", lessons_opened=["hot-cold"])
    return tmp_path


def room_app(folder, **options) -> RoomApp:
    return RoomApp(ProgressFolder(folder, owner=named_by_file), clock=lambda: NOW, **options)


def students(app: RoomApp) -> list[str]:
    return [row.split()[0] for row in app.query_one("#students", TableLines).rows]


async def looked(pilot) -> None:
    await pilot.app.look_again()
    await pilot.pause()


async def test_a_row_a_student_with_their_flags(folder):
    app = room_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        screen = screen_text(app)
        rows = {row.split()[0]: row for row in app.query_one("#students", TableLines).rows}
        assert rows["ana"].split() == ["ana", "alpha", "12", "0.0012", "-", "1/1", "0:05"]
        assert rows["bo"].split()[-1] == "STUCK" and rows["bo"].split()[4] == "2/3"
        assert rows["cy"].split()[3] == "overflowed" and rows["cy"].split()[-1] == "DIV"
        assert rows["dan"].split()[-2:] == ["6:40", "IDLE"]
        assert "4 in the room, 3 flagged, sorted by student" in screen
        assert "08:00:00" in screen.splitlines()[0]


@pytest.mark.slow  # beside the everyday room (a step in a student's file reaches the row): in CI
async def test_a_diverging_run_shows_its_error_with_div_in_the_flags(tmp_path, utc):
    progress_file(tmp_path, "cy", now=NOW, iteration=2, error=33.7, diverged=True, lesson="divergence")
    app = room_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        (row,) = app.query_one("#students", TableLines).rows
        assert row.split()[:4] == ["cy", "divergence", "2", "33.7"] and row.split()[-1] == "DIV"


async def test_a_step_in_a_students_file_reaches_the_row(folder):
    app = room_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        progress_file(folder, "ana", now=NOW, iteration=13, error=0.0006)
        await looked(pilot)
        (ana,) = [row for row in app.query_one("#students", TableLines).rows if row.startswith("ana")]
        assert ana.split()[2:4] == ["13", "0.0006"]
        (folder / "dan.progress.json").unlink()  # a student's file gone: their row goes
        progress_file(folder, "eve", now=NOW)  # a newcomer: a row appears
        await looked(pilot)
        assert students(app) == ["ana", "bo", "cy", "eve"]


@pytest.mark.slow  # beside the everyday room (a step in a student's file reaches the row): in CI
async def test_keys_sort_by_lesson_idle_and_flags(folder):
    app = room_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        await pilot.press("i")
        assert students(app) == ["dan", "bo", "cy", "ana"]
        await pilot.press("l")
        assert students(app) == ["dan", "bo", "ana", "cy"]  # hot-cold, alpha (4 before 12), divergence
        await pilot.press("f")
        assert students(app) == ["bo", "cy", "dan", "ana"]
        await pilot.press("a")
        assert students(app) == ["ana", "bo", "cy", "dan"]
        await press_at_once(pilot, "i", "l", "f")  # read together over a slow link: the last one wins
        assert students(app) == ["bo", "cy", "dan", "ana"]
        assert "sorted by flags" in screen_text(app)


@pytest.mark.slow  # the roster is a unit test (test_room, test_class_room); the room's screen is everyday: in CI
async def test_the_roster_names_who_has_not_started(folder):
    app = room_app(folder, roster=["ana", "zed", "bo", "yu"])
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        assert "not started (2): zed, yu" in screen_text(app)


@pytest.mark.slow  # the tally is a unit test (test_room); the room's screen is everyday: in CI
async def test_the_questions_right_at_the_first_try_and_the_commonest_wrong_answer(folder):
    app = room_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        (question,) = app.query_one("#questions", TableLines).rows
        assert question.split()[:6] == ["alpha", "1", "50%", "1/2", "0.5", "(1)"]


@pytest.mark.slow  # the folder's reading is a unit test (test_progress_folder): in CI
async def test_half_written_and_vanishing_files_leave_the_last_good_rows(folder):
    app = room_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        whole = (folder / "ana.progress.json").read_bytes()
        (folder / "ana.progress.json").write_bytes(whole[:40])
        (folder / "bo.progress.json").unlink()
        (folder / "cy.progress.json").write_bytes(b"")
        await looked(pilot)
        assert students(app) == ["ana", "cy", "dan"]


@pytest.mark.slow  # beside the everyday room keys (sorting); the lesson app's g is everyday (test_pseudo_language): in CI
async def test_g_switches_to_chinese_and_back(folder):
    app = room_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        await pilot.press("g")
        assert "共 4 人，3 人有标记，按学生排序" in screen_text(app)
        assert app.query_one("#students", TableLines).rows[1].split()[-1] == "卡住"
        await pilot.press("g")
        assert "4 in the room" in screen_text(app)


@pytest.mark.slow  # beside the everyday room tests: in CI
async def test_an_empty_folder_says_how_students_fill_it(tmp_path, utc):
    app = room_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        assert "no session has written its progress here yet" in screen_text(app)


@pytest.mark.slow  # beside the everyday room keys (sorting): in CI
async def test_a_long_class_pages_with_space_and_b(tmp_path, utc):
    for number in range(40):
        progress_file(tmp_path, f"s{number:02d}", now=NOW)
    app = room_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        table = app.query_one("#students", TableLines)
        first = screen_text(app).splitlines()[2].split()[0]
        await pilot.press("space")
        assert table.scroll_offset.y > 0
        assert screen_text(app).splitlines()[2].split()[0] != first
        await pilot.press("b")
        assert screen_text(app).splitlines()[2].split()[0] == first


@pytest.mark.slow  # beside the everyday room and contrast (test_contrast): in CI
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_room_takes_a_theme_and_reads_at_4_5_to_1_in_it(folder, theme):
    """A projector in a bright room: --theme as the app takes it, every text of the room
    (flagged rows, headings, the keys, the questions' rule) at 4.5:1 against its background."""
    from .test_contrast import too_faint

    app = room_app(folder, roster=["ana", "zed"], theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        assert app.theme == theme and app.current_theme.dark is (theme == "textual-dark")
        assert too_faint(app) == set()


@pytest.mark.slow
@pytest.mark.parametrize("options", [{}, {"language": "zh"}, {"ascii_only": True}, {"theme": "textual-light"}],
                         ids=["en", "zh", "ascii", "light"])
def test_snapshot_at_80x24(snap_compare, folder, options):
    app = room_app(folder, roster=["ana", "bo", "cy", "dan", "zed"], **options)
    assert snap_compare(app, run_before=looked, terminal_size=SIZE)


@pytest.mark.slow  # beside the everyday room (a step in a student's file reaches the row): in CI
async def test_a_hand_in_changed_after_the_watch_saw_it_flags_its_student(tmp_path, utc):
    """The walk: ben rewrote his hand-in during the class and the room showed nothing."""
    import os

    from gradstep.tui.files.records import Records

    folder = tmp_path / "hand-in"
    folder.mkdir()
    run = "0123456789abcdef"
    progress_file(folder, f"ben-{run}", now=NOW, questions_asked=2, ended=True)
    handed = folder / f"ben-alpha-{run}.csv"
    handed.write_text(f"user,session,kind,first,answer_result\nben,{run},answer,1,wrong\nben,{run},answer,1,wrong\n")
    folder_reader = ProgressFolder(folder, owner=named_by_file)
    app = RoomApp(folder_reader, clock=lambda: NOW, records=Records(folder, tmp_path / "state", owner=named_by_file))
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        assert app.query_one("#students", TableLines).rows[0].split()[-1] == "ended"
        handed.write_text(handed.read_text().replace(",wrong", ",right"))
        os.utime(handed, ns=(0, 10**18))  # a new time, as an edit gives
        await looked(pilot)
        assert app.query_one("#students", TableLines).rows[0].split()[-1] == "CHANGED"
        assert "CHANGED" in screen_text(app)


def two_close_wrong_answers(folder) -> str:
    """Two questions of one lesson, each with its own commonest wrong answer, alike in their
    first letters; the question they were asked, as long as a teacher's."""
    ask = "After two steps, what is the error doing, compared with where the run started?"
    for student, question, wrong in (("ana", 1, "it shrinks"), ("bo", 1, "it shrinks"),
                                     ("cy", 2, "it stays the same"), ("dan", 2, "it stays the same")):
        progress_file(folder, student, now=NOW, lesson="wt-blow-up", lessons_opened=["wt-blow-up"],
                      answers=[AnswerSeen("wt-blow-up", question, ask, wrong, False, True)])
    return ask


@pytest.mark.slow  # beside the everyday room rows; the room's words at 80 columns are a unit test (test_class_room): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_commonest_wrong_answers_stay_whole_at_80x24(tmp_path, utc, language):
    """A teacher's walk: at 80 columns the wrong answers read "it s..." for both "it shrinks"
    and "it stays the same", the answer that says what the class misunderstands."""
    ask = two_close_wrong_answers(tmp_path)
    app = room_app(tmp_path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await looked(pilot)
        lines = screen_text(app).splitlines()
        wrong = [line for line in lines if line.startswith("wt-blow-up ")]
        shrinks, stays = say(language, "room.wrong_by", answer="it shrinks", students=2), \
            say(language, "room.wrong_by", answer="it stays the same", students=2)
        assert shrinks in wrong[0] and stays in wrong[1]  # each whole, the two told apart
        assert all(ask[:20] in line for line in wrong)  # the question's first words still name it
        assert len(lines) == SIZE[1] and all(cell_width(line) <= SIZE[0] for line in lines)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh"])
def test_snapshot_of_the_questions_at_80x24(snap_compare, tmp_path, utc, language):
    two_close_wrong_answers(tmp_path)
    assert snap_compare(room_app(tmp_path, language=language), run_before=looked, terminal_size=SIZE)
