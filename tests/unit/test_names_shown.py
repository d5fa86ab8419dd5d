"""No name forges a line: a file's, a folder's, a session's or a lesson's name reaches the
terminal on one line, with every line break, control and invisible character as its escape;
a session or lesson name that would hide something is refused at the door."""

import csv
import io

import pytest
from gradstep.tui.files.owner import Owner, login_name

from ..helpers import gradstep
from .test_hand_in import handed

FORGED = "FAKE-st s1 alpha 3"
# Each breaks a line, hides, or shows nothing: the list, and what a terminal makes of them.
TRICKS = ["\n", "\r", "\u2028", "\u2029", "\x85", "\u200b", "\u200d", "\ufeff", "\u3164", "\x1b[2K\r"]


def one_of_each(text: str) -> str:
    """`text`, then each of TRICKS once, each followed by a forged row."""
    return text + "".join(f"{trick}{FORGED}" for trick in TRICKS)


def hand_ins(folder):
    """Three steps of alpha handed in, session s1, by the account that owns the file (so the
    table marks no claim to another's name)."""
    return handed(3, Owner(login_name(), "s1"), folder)


def assert_one_line_each(output: str, expected_lines: int) -> None:
    """`output` has exactly the lines expected, none a forged row, none with a hidden character."""
    lines = output.split("\n")[:-1]
    assert len(lines) == expected_lines, lines
    assert not any(line.startswith("FAKE") for line in lines)
    assert all(line.isprintable() for line in lines)
    for trick in TRICKS[1:]:  # the newline: counted above
        assert trick not in output


def test_a_file_name_in_the_hand_in_folder_forges_no_row(tmp_path):
    folder = tmp_path / "hand-in"
    folder.mkdir()
    hands_in_path = hand_ins(folder)
    (folder / f"{one_of_each('x')}.csv").write_text("not,a\nhand,in\n")
    for trick in TRICKS:
        (folder / f"y{trick}{FORGED}.csv").write_bytes(hands_in_path.read_bytes())  # a good hand-in, badly named
    result = gradstep("class", str(folder), "--lang", "en")
    assert result.status == 0
    # headings, ana's rows, the badly named each with its mark (its name is not of lesson alpha), the bad file
    assert_one_line_each(result.out, 1 + 1 + 2 * len(TRICKS) + 1)
    assert "\\u3164FAKE-st" in result.out and "\\nFAKE-st" in result.out


def test_words_in_a_hand_in_forge_no_row_in_the_table_or_the_csv(tmp_path):
    folder = tmp_path / "hand-in"
    folder.mkdir()
    path = hand_ins(folder)
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    session, lesson, user = rows[0].index("session"), rows[0].index("lesson"), rows[0].index("user")
    for row in rows[1:]:
        row[session], row[lesson], row[user] = one_of_each("s"), "alpha\u3164", one_of_each("u")
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    table = gradstep("class", str(folder), "--lang", "en")
    assert table.status == 0
    assert_one_line_each(table.out, 3)  # headings, the row, and the mark of whom its rows claim
    merged = gradstep("class", str(folder), "--csv")
    assert merged.status == 0
    assert_one_line_each(merged.out, len(rows))  # one line a row: no cell holds a line break
    assert "alpha\\u3164" in merged.out


@pytest.mark.parametrize("trick", TRICKS)
def test_a_session_name_that_hides_something_is_refused_in_one_line(tmp_path, monkeypatch, trick):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    result = gradstep("--line", "--session", f"ana{trick}", "--lang", "en")
    assert result.status == 2 and result.out == ""
    assert_one_line_each(result.err, 1)
    assert not (tmp_path / "state").exists() or not any((tmp_path / "state").rglob("session-*"))


def test_the_hangul_filler_alone_is_no_session_name(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    result = gradstep("--line", "--session", "\u3164", "--lang", "en")
    assert result.status == 2 and "\\u3164" in result.err


def test_a_lesson_name_that_shows_as_nothing_is_refused(tmp_path):
    path = tmp_path / "blank.toml"
    path.write_text('name = "\u3164"\nweights = 0.5\ninputs = 2.0\ngoal = 0.8\n', encoding="utf-8")
    result = gradstep("check", str(path), "--lang", "en")
    assert result.status == 2 and "\\u3164" in result.out
    assert_one_line_each(result.out, 3)  # the error, a warning (no [zh] table), the count


@pytest.mark.parametrize("command", [["check"], ["--line", "--lesson-file"], ["run", "--lesson-file"]])
def test_a_lesson_file_name_forges_no_line(tmp_path, monkeypatch, command):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = tmp_path / f"{one_of_each('l')}.toml"
    path.write_text("weights = 0.5\ninputs = [\n", encoding="utf-8")  # not TOML: refused, the path named
    result = gradstep(*command, str(path), "--lang", "en")
    assert result.status == 2
    assert_one_line_each(result.out + result.err, 1 + (command == ["check"]))  # check counts what it checked


def test_a_course_folder_name_forges_no_line(tmp_path):
    folder = tmp_path / one_of_each("c")
    folder.mkdir()
    (folder / f"{one_of_each('l')}.toml").write_text('name = "x y"\n', encoding="utf-8")
    result = gradstep("lessons", "--course", str(folder), "--lang", "en")
    assert result.status == 2
    assert_one_line_each(result.err, 1)


def test_a_hand_in_folder_name_forges_no_line(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / one_of_each("h")
    folder.mkdir()
    folder.chmod(0o500)  # not writable (root writes anyway: then the line says where it went)
    monkeypatch.setattr("sys.stdin", io.StringIO("s\ns\n\n\nq\n"))  # hot-cold's questions skipped, two steps
    result = gradstep("--line", "--lesson", "hot-cold", "--lang", "en", "--hand-in", str(folder))
    folder.chmod(0o700)
    said = [line for line in (result.out + result.err).splitlines() if "hand" in line]
    assert len(said) == 1 and not any(trick in said[0] for trick in TRICKS)
    assert "\\u3164FAKE-st" in said[0]
