"""The progress file's contract: what a session writes is what a watcher reads back, and
nothing else reads as progress."""

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from gradstep.core.progress import (
    AnswerSeen,
    Progress,
    iso_utc,
    parse_time,
    progress_name,
    progress_record,
    read_progress,
    write_progress,
)

AT = 1796612645.0  # 2026-12-07T03:04:05Z


def record(**changes) -> dict:
    values = dict(account="ana", session="bench-2", lesson="alpha", lessons_opened=["alpha", "step"],
                  iteration=4, error=0.0051839999999999935, predictions_right=2, predictions=3,
                  questions_right=1, questions_asked=2,
                  answers=[AnswerSeen("alpha", 1, "What is w after one step?", "0.3", False, True),
                           AnswerSeen("alpha", 1, "What is w after one step?", "0.35", True, False)],
                  last_key=AT, diverged=False, ended=False, updated=AT + 1)
    return progress_record(**(values | changes))


def test_the_record_has_every_field_of_the_contract_in_order():
    assert list(record()) == ["format", "version", "account", "session", "lesson", "lessons_opened",
                              "iteration", "error", "predictions_right", "predictions", "questions_right",
                              "questions_asked", "answers", "last_key", "diverged", "ended", "updated"]
    assert record()["format"] == "gradstep-progress" and record()["version"] == 1
    assert record()["answers"][1] == {"lesson": "alpha", "question": 1, "text": "What is w after one step?",
                                      "answer": "0.35", "right": True, "first": False}


def test_times_are_iso_8601_utc_with_a_z():
    assert iso_utc(AT) == "2026-12-07T03:04:05Z"
    assert record()["last_key"] == "2026-12-07T03:04:05Z" and record()["updated"] == "2026-12-07T03:04:06Z"
    assert parse_time("2026-12-07T03:04:05Z").timestamp() == AT
    assert parse_time("2026-12-07T03:04:05") is None  # no zone: not a time every machine agrees on
    assert parse_time(5) is None and parse_time("yesterday") is None


def test_what_is_written_reads_back_exactly():
    progress = read_progress(write_progress(record()))
    assert progress == Progress("ana", "bench-2", "alpha", ("alpha", "step"), 4, 0.0051839999999999935,
                                2, 3, 1, 2,
                                (AnswerSeen("alpha", 1, "What is w after one step?", "0.3", False, True),
                                 AnswerSeen("alpha", 1, "What is w after one step?", "0.35", True, False)),
                                "2026-12-07T03:04:05Z", False, False, "2026-12-07T03:04:06Z")


@pytest.mark.parametrize("error", [math.inf, -math.inf, math.nan, None])
def test_an_error_past_overflow_is_null(error):
    text = write_progress(record(error=error, diverged=True))
    assert json.loads(text)["error"] is None
    assert read_progress(text).error is None and read_progress(text).diverged


def test_the_file_is_named_for_the_sessions_stem():
    assert progress_name("ana-bench-2") == "ana-bench-2.progress.json"


def _broken(change) -> str:
    data = record()
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize("change", [
    lambda data: data.update(format="something-else"),
    lambda data: data.update(version=2),
    lambda data: data.pop("iteration"),
    lambda data: data.update(iteration=-1),
    lambda data: data.update(iteration=True),
    lambda data: data.update(iteration=1.5),
    lambda data: data.update(error="0.1"),
    lambda data: data.update(error=True),
    lambda data: data.update(ended="yes"),
    lambda data: data.update(last_key="soon"),
    lambda data: data.update(lessons_opened="alpha"),
    lambda data: data.update(lessons_opened=[1]),
    lambda data: data.update(answers=[{"lesson": "alpha"}]),
    lambda data: data["answers"][0].update(question=0),
    lambda data: data["answers"][0].update(right=1),
    lambda data: data.update(account=None),
], ids=range(16))
def test_anything_but_a_whole_progress_file_reads_as_none(change):
    assert read_progress(_broken(change)) is None


@pytest.mark.parametrize("text", ["", "{", "[]", "null", "1e999", '"gradstep-progress"', "[" * 100000,
                                  write_progress(record())[:-20]])
def test_half_a_file_or_no_json_reads_as_none(text):
    assert read_progress(text) is None


@given(st.text())
def test_no_text_makes_the_reader_fail(text):
    assert read_progress(text) is None or isinstance(read_progress(text), Progress)
