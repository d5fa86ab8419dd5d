"""Outside text enters through one door: cleaned of control characters, read only from small regular files."""

import os
import re

import pytest
from gradstep.core.outside import ONE_LINE, clean, read_text
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


def test_say_cleans_with_the_same_function():
    assert say.clean is clean


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
