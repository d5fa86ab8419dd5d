"""The course's lessons and a teacher's course folder: which lessons there are, in which order.

The course ships as TOML files in `course/` (package data), one a lesson, named after it and
numbered in teaching order; a teacher's course is a folder of such files (--course). Each
file is read and checked by `lesson_files`, the course's as a teacher's.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .lesson_files import close_match, lesson_from_text, load_lesson_file
from .lessons import Lesson, LessonError
from .problem import Problem
from .outside import clean

COURSE_FOLDER = Path(__file__).with_name("course")  # package data, installed as plain files


@cache
def course() -> tuple[Lesson, ...]:
    """The course's lessons in teaching order: by the number their file name starts with."""
    return tuple(_course_file(path) for path in _course_paths())


def _course_paths() -> list[Path]:
    return course_files(COURSE_FOLDER)


@cache
def _course_file(path: Path) -> Lesson:
    return lesson_from_text(path.read_text(encoding="utf-8"), path.name, source="course")


# Which course lesson teaches each idea a readout speaks of: a lesson before it keeps quiet
# about it (lesson 2's panel compared hot and cold with gradient descent, lesson 3's idea).
TAUGHT_IN = {"gradient": "gradient-descent", "alphas": "alpha"}  # gradient descent and r; the best alpha and the edge


def taught(lesson: Lesson) -> frozenset[str]:
    """The ideas of TAUGHT_IN that `lesson` may speak of: all but those a later course lesson
    teaches (a teacher's lesson may speak of them all)."""
    return frozenset(idea for idea, name in TAUGHT_IN.items() if not comes_before(lesson, name))


def comes_before(lesson: Lesson, name: str) -> bool:
    """Whether `lesson` is a course lesson taught before course lesson `name`: read from the
    files' names alone (their numbers), as a frame asks it. A teacher's lesson is after all."""
    if lesson.source != "course":
        return False
    names = course_names()
    return lesson.name in names and name in names and names.index(lesson.name) < names.index(name)


@cache
def course_names() -> tuple[str, ...]:
    """The course's lesson names in order, from its files' names: listed once, not at every
    frame that asks (the parameters panel asks at every key). Where only the names are
    wanted, this reads no lesson: the course parsed is some 60 KB held for the session, in
    every student's process (tests/unit/test_lessons.py holds each file to its lesson's name)."""
    return tuple(path.stem.split("-", 1)[-1] for path in _course_paths())


@cache
def course_problem(name: str) -> Problem | None:
    """Course lesson `name`'s own starting problem, the one its words were written for
    (None: no such lesson): flags such as --frozen start a lesson on other numbers, and
    its words ("Weight 1 is frozen") stay those of its own."""
    return next((lesson.problem for lesson in course() if lesson.name == name), None)


def first_lesson() -> Lesson:
    return _course_file(_course_paths()[0])


def find_lesson(name: str, lessons: tuple[Lesson, ...] | None = None) -> Lesson:
    """The lesson called `name` in `lessons` (default: the course), or LessonError listing
    the names there are.

    A course file is named after its lesson ("6-alpha.toml"), so starting a course lesson
    reads one file, not the whole course.
    """
    if lessons is None:
        for path in COURSE_FOLDER.glob(f"*-{name}.toml"):
            lesson = _course_file(path)
            if lesson.name == name:
                return lesson
        lessons = course()
    for lesson in lessons:
        if lesson.name == name:
            return lesson
    names = [lesson.name for lesson in lessons]
    raise LessonError("lesson.unknown", name=name, close=close_match(name, names), choices=names)


def load_course(folder: str | Path) -> tuple[Lesson, ...]:
    """A teacher's course: the lesson files in `folder`, in file-name order ("01-...", "02-...").

    Two files giving the same name would make `--lesson NAME` ambiguous, so that is refused.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise LessonError("course.not_a_folder" if folder.exists() else "course.missing", where=str(folder))
    paths = course_files(folder)
    if not paths:
        raise LessonError("course.empty", where=str(folder))
    lessons: dict[str, Lesson] = {}
    for path in paths:
        lesson = load_lesson_file(path)
        if lesson.name in lessons:
            raise LessonError("course.same_name", where=clean(str(path)), field="name", name=lesson.name,
                              other=lessons[lesson.name].source)
        lessons[lesson.name] = lesson
    return tuple(lessons.values())


def course_files(folder: Path) -> list[Path]:
    """The lesson files of a course folder, in the order the course takes them: by name,
    a number in it counted as a number, so "10-..." comes after "9-..." (and "01-" still
    before "02-")."""
    return sorted((path for path in folder.glob("*.toml") if path.is_file()), key=_natural)


def _natural(path: Path) -> list[tuple[int, str]]:
    """A file name as text and numbers, for sorting: "10-a.toml" -> ["", 10, "-a.toml"]."""
    return [(int(part), part) if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", path.name)]
