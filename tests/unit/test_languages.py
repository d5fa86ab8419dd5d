"""The language records: one place registers a language, and what differs between languages
is asked of its record (language.py), never of its code."""

import os
import tomllib
from pathlib import Path

import pytest
from gradstep.core import lessons
from gradstep.tui.command.environment import language_from_environment
from gradstep.tui.words.catalogue import FOLDER, SENTENCES, ByLanguage, Sentences
from gradstep.tui.words.language import CHINESE, ENGLISH, LANGUAGES, Language, following, shown, switchable
from gradstep.tui.words.say import headings, say

# A third language, as a translator would add it: ASCII, so a terminal without UTF-8 shows it.
THIRD = Language("xx", "Xx", fallback="en", locales=("xx",), ascii=True, code_names=False)


@pytest.fixture
def third(monkeypatch):
    monkeypatch.setitem(LANGUAGES, THIRD.code, THIRD)
    monkeypatch.setitem(SENTENCES, THIRD.code, {key: f"<{sentence}>" for key, sentence in SENTENCES["en"].items()})
    return THIRD


def test_one_registry_the_lesson_files_and_the_sentence_files_agree():
    assert tuple(LANGUAGES) == lessons.LANGUAGES == ("en", "zh")
    assert sorted(path.stem for path in FOLDER.glob("*.toml")) == sorted(LANGUAGES)
    assert next(iter(LANGUAGES.values())).fallback is None  # the first is what the others fall back to
    assert all(language.fallback in LANGUAGES for language in list(LANGUAGES.values())[1:])


def test_a_terminal_without_utf8_shows_the_fallback():
    assert shown("zh", ascii_only=True) == "en" and shown("zh", ascii_only=False) == "zh"
    assert shown("en", ascii_only=True) == "en"
    assert not switchable(ascii_only=True) and switchable(ascii_only=False)


def test_g_goes_through_every_language_in_turn(third):
    assert [following(code, ascii_only=False) for code in ("en", "zh", "xx")] == ["zh", "xx", "en"]
    assert [following(code, ascii_only=True) for code in ("en", "xx")] == ["xx", "en"]  # Chinese left out
    assert switchable(ascii_only=True)


def test_the_locale_chooses_by_the_records(third):
    assert language_from_environment({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert language_from_environment({"LANG": "xx_YY.UTF-8"}) == "xx"
    assert language_from_environment({"LANG": "fr_FR.UTF-8"}) == language_from_environment({}) == "en"
    assert language_from_environment({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"  # LC_ALL first


def test_the_code_names_stay_only_where_they_are_the_languages_words(third):
    assert headings("en") == {} and ENGLISH.code_names and not CHINESE.code_names
    assert headings("xx")["iteration"] == "<iteration>" and headings("zh")["iteration"] == "迭代"


def test_a_third_language_speaks_from_its_own_sentences(third):
    assert say("xx", "lesson.missing") == f"<{say('en', 'lesson.missing')}>"


def test_the_unbroken_words_come_from_the_records():
    from gradstep.tui.words.wrap import CLOSING, OPENING, WORDS

    assert set(WORDS) == set(CHINESE.unbroken) and "预测" in WORDS
    assert set(CHINESE.closing) <= CLOSING and set(CHINESE.opening) <= OPENING and "." in CLOSING
    assert [len(word) for word in WORDS] == sorted((len(word) for word in WORDS), reverse=True)  # longest first



def test_a_language_is_read_when_it_is_first_asked_for(third):
    sentences, words = ByLanguage(0), ByLanguage(1)
    assert list(sentences) == [] and sentences["zh"]["language.zh"] == SENTENCES["zh"]["language.zh"]
    assert list(sentences) == ["zh"]  # and English not, until it is asked for
    assert words.get("en") == {} and words["zh"] and words.get("xx") is None  # a record with no file has no words
    with pytest.raises(KeyError):
        sentences["fr"]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_sentence_read_alone_is_the_one_the_whole_file_gives(code):
    """Sentences parses a sentence's own line when it is first said, found by `"key" = `: a
    line written otherwise (`"key"= ...`, a bare key, a string that runs on) would be missed
    or cut, and the student would read English, or a fault, the first time it is said (at a
    hand-in, say), not at start. So each key, read alone from a fresh copy, is the whole
    file's."""
    from gradstep.tui.words.catalogue import read

    text = (FOLDER / f"{code}.toml").read_text("utf-8")
    whole = tomllib.loads(text)
    whole.pop("argparse", None)
    alone: Sentences = read.__wrapped__(code)[0]  # uncached, as a fresh session reads it
    assert {key: alone[key] for key in whole} == whole


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="Linux's list of a process's mappings")
def test_a_language_s_file_is_mapped_for_the_machine_to_share():
    """A session reads its sentences from its language's file mapped, not copied: the pages
    are the system's file cache, one copy for every student's process on the machine."""
    from gradstep.tui.words.catalogue import read

    sentences, _ = read.__wrapped__("zh")  # uncached, as a fresh session reads it
    assert sentences["key.quit"]
    assert os.path.realpath(FOLDER / "zh.toml") in Path("/proc/self/maps").read_text()
