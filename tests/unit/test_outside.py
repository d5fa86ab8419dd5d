"""Outside text enters through one door: cleaned of control characters, read only from small regular files."""

import os
import re
import unicodedata

import pytest
from gradstep.core.names import is_plain_name, plain_name
from gradstep.core.outside import ONE_LINE, clean, read_text, shown_name
from gradstep.core.refusals import Refusal
from gradstep.tui.words import say

HOSTILE = {
    "retitle": "\x1b]0;pwned\x07",
    "clipboard": "\x1b]52;c;cHduZWQ=\x07",
    "clear": "\x1b[2J",
    "leave the alternate screen": "\x1b[?1049l",
    "C1 CSI": "\x9b2J",
    "bell": "\x07",
    "carriage return": "\r",
    "tab": "\t",
    "DEL": "\x7f",
    "right-to-left override": "\u202e",
    "isolate": "\u2066",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_every_control_character_is_made_visible(text):
    shown = clean(f"a{text}b")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown)
    assert shown.startswith("a\\") and shown.endswith("b")


def test_newlines_and_ordinary_text_pass_unchanged():
    text = "Alpha tames the step\n学习率 [b]x[/b] 0.5"
    assert clean(text) == text


def test_say_shows_every_value_with_the_one_function_for_names():
    assert say.shown_name is shown_name


# What a name may hide: line breaks, controls, and characters that show as nothing.
HIDDEN = {"newline": "\n", "carriage return": "\r", "escape": "\x1b", "tab": "\t", "zero-width space": "\u200b",
          "zero-width joiner": "\u200d", "byte-order mark": "\ufeff", "line separator": "\u2028",
          "paragraph separator": "\u2029", "Hangul filler": "\u3164", "Hangul choseong filler": "\u115f",
          "Hangul jungseong filler": "\u1160", "half-width Hangul filler": "\uffa0", "Braille blank": "\u2800",
          "no-break space": "\xa0", "right-to-left override": "\u202e", "undecodable byte": "\udcff",
          "word joiner": "\u2060", "variation selector": "\ufe0f"}


@pytest.mark.parametrize("hidden", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_name_shows_everything_in_it_on_one_line(hidden):
    shown = shown_name(f"x{hidden}FAKE-student")
    assert shown == "x" + hidden.encode("unicode_escape", "backslashreplace").decode() + "FAKE-student"
    assert shown.isprintable() and shown.isascii()


def test_a_visible_name_is_itself():
    for name in ("ana-bench_2", "学生-一", "élève", "ana alpha.csv", "x\\ny"):
        assert shown_name(name) == name


@pytest.mark.slow  # the whole of Unicode, a second of the loop; the named blank letters are everyday: in CI
def test_no_character_a_name_keeps_is_unprintable_or_blank():
    """Over the whole of Unicode: whatever shown_name keeps is printable, and no kept letter
    is one of the blank-looking ones."""
    kept = [chr(point) for point in range(0x110000) if shown_name(chr(point)) == chr(point)]
    assert all(char.isprintable() for char in kept)
    assert not {"\u3164", "\u115f", "\u1160", "\uffa0", "\u2800", "\u034f"} & set(kept)
    assert {unicodedata.category(char) for char in kept}.isdisjoint({"Cc", "Cf", "Cs", "Zl", "Zp"})


@pytest.mark.parametrize("hidden", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_session_or_lesson_name_that_hides_something_is_refused(hidden):
    assert not is_plain_name(f"ana{hidden}") and not is_plain_name(hidden)
    assert plain_name(f"ana{hidden}") == "ana_"


def test_a_text_field_accepts_nothing_that_would_need_cleaning():
    assert re.fullmatch(ONE_LINE, "0.1,0.2 [/] 梯度下降")
    assert not any(re.fullmatch(ONE_LINE, f"1{text}") for text in HOSTILE.values())


def test_only_regular_files_are_read(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # a FIFO with no writer: opening it for reading would block
    for path, key in ((fifo, "file.not_regular"), ("/dev/zero", "file.not_regular"),
                      ("/dev/null", "file.not_regular"), (tmp_path, "file.is_folder")):
        with pytest.raises(Refusal) as refused:
            read_text(path, 1000)
        assert refused.value.key == key


def test_a_file_over_the_limit_is_refused_having_read_no_more_than_the_limit(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 2049)
    with pytest.raises(Refusal) as refused:
        read_text(path, 2048)
    assert (refused.value.key, refused.value.values) == ("file.too_large", {"kilobytes": 2})
    path.write_bytes(b"x" * 2048)
    assert read_text(path, 2048) == "x" * 2048


def test_a_link_is_refused_where_links_are_not_followed(tmp_path):
    target = tmp_path / "target"
    target.write_text("x")
    (tmp_path / "link").symlink_to(target)
    assert read_text(tmp_path / "link", 10) == "x"
    with pytest.raises(Refusal) as refused:
        read_text(tmp_path / "link", 10, follow_links=False)
    assert refused.value.key == "file.not_regular"


def test_text_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "binary"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(Refusal) as refused:
        read_text(path, 10)
    assert refused.value.key == "file.not_utf8"
