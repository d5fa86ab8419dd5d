"""A lesson's opening is true of the weights frozen now, however they came to be frozen.

`gradstep --lesson freeze-weight --frozen 2` opened with "Weight 1 is frozen: ... it never
moves" beside a panel marking w2* and a w1 that learns: the flags replaced the lesson's
problem, and the words were checked against that, not against the problem they were
written for."""

import argparse

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES
from gradstep.core.session import Session
from gradstep.tui.command.flags import FLAGS, lesson_from_arguments
from gradstep.tui.words.prose import notice, opening

OWN = {"en": "Weight 1 is frozen", "zh": "权重 1 被冻结"}  # the lesson's words of its own freezing


def started_with(**flags) -> Session:
    args = argparse.Namespace(lesson="freeze-weight", lesson_file=None, course=None,
                              **{flag[2:].replace("-", "_"): None for flag in FLAGS.values()})
    for name, value in flags.items():
        setattr(args, name, value)
    return Session.begin(lesson_from_arguments(args))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("frozen", [(1,), (), (0, 2)])
def test_frozen_from_the_command_line_is_what_the_opening_tells(frozen, language):
    session = started_with(frozen=frozen)
    assert session.problem.frozen == frozen
    told = " ".join(opening(session.lesson, session.history, language))
    assert OWN[language] not in told, told
    after = session.history.jump(1)
    assert OWN[language] not in notice(session.lesson, after, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lessons_own_freezing_keeps_its_own_words(language):
    for session in (started_with(), started_with(frozen=(0,)), started_with(alpha=0.2)):
        assert OWN[language] in " ".join(opening(session.lesson, session.history, language))
    lesson = find_lesson("freeze-weight")
    assert OWN[language] in " ".join(opening(lesson, History.start(lesson.problem), language))
