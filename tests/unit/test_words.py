"""The catalogue: every sentence in every language, filled in safely; every key the core
can raise is in it; lesson texts fall back field by field.

Each check reads the whole catalogue at once and names every sentence that fails it, so
a translator fixing a file sees the whole list in one run."""

import ast
import re
import string
from pathlib import Path

import pytest
from gradstep.core.lessons import Lesson, LessonText
from gradstep.core.numbers import InvalidNumber, parse_number
from gradstep.core.problem import InvalidProblem, Problem
from gradstep.core.refusals import Refusal
from gradstep.tui.words.catalogue import ARGPARSE, SENTENCES
from gradstep.tui.words.language import LANGUAGES
from gradstep.tui.words.say import explain, say

from ..helpers import gradstep

CORE = Path(__file__).resolve().parents[2] / "core"
CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


ENGLISH = SENTENCES["en"]


def test_every_language_has_englishs_keys_with_the_same_values_to_fill():
    for code in LANGUAGES:  # SENTENCES reads a language when it is first asked for
        sentences = SENTENCES[code]
        assert set(sentences) == set(ENGLISH), (code, "missing:", sorted(set(ENGLISH) - set(sentences)),
                                                "not in English:", sorted(set(sentences) - set(ENGLISH)))
        unlike = sorted(key for key, english in ENGLISH.items() if fields(english) != fields(sentences[key]))
        assert not unlike, (code, "values to fill differ from English's:", unlike)
        empty = sorted(key for key, sentence in sentences.items() if not sentence.strip())
        assert not empty, (code, "empty:", empty)
        unbalanced = sorted(key for key, sentence in sentences.items() if sentence.count("[[") != sentence.count("]]"))
        assert not unbalanced, (code, "[[ without ]]:", unbalanced)


def test_a_language_that_says_it_is_ascii_is_ascii():
    """An ASCII-only terminal is given these sentences as they are (language.shown)."""
    for code, language in LANGUAGES.items():
        if language.ascii:
            wide = sorted(key for key, sentence in SENTENCES[code].items() if not sentence.isascii())
            assert not wide, (code, "not ASCII:", wide)
    assert LANGUAGES["en"].ascii and not LANGUAGES["zh"].ascii


def test_chinese_prose_uses_full_width_punctuation():
    # A half-width comma or colon right after a Chinese character reads as a typo in Chinese text.
    # The course's own words too; a mark standing alone between spaces is a key named ("用 ; 隔开").
    typos = sorted(key for key, chinese in chinese_texts()
                   if re.search(r"[\u4e00-\u9fff]( ?[,:;](?! ))", re.sub(r"\{[^}]*\}", "", chinese)))
    assert not typos, typos



def chinese_texts() -> list[tuple[str, str]]:
    """(where, text) for every Chinese sentence: the catalogue's and the course's."""
    from gradstep.core.courses import course

    texts = list(SENTENCES["zh"].items())
    for lesson in course():
        words = lesson.text("zh")
        texts += [(f"{lesson.name}.{field}", getattr(words, field)) for field in ("title", "summary", "teaches", "notice")]
        for number, question in enumerate(lesson.questions, start=1):
            texts += [(f"{lesson.name}.q{number}", question.text("zh").ask), (f"{lesson.name}.q{number}", question.text("zh").explain)]
    return texts


def test_chinese_reads_as_a_chinese_textbook_writes_it():
    """A Chinese student's lost moments: calques (驯服 for 'tame', 爆炸 for 'blow up', 原样一次
    for 'as it is'), ASCII arrows and quotes inside Chinese, and a sentence whose English has
    a full stop ending without one."""
    texts = chinese_texts()
    assert not [where for where, text in texts if re.search("驯服|爆炸|原样一次|->", text)]
    # word for word from English: "changes the most" (变得最多, 动得最多), "rounding moves it off"
    # (舍入让它走开), "learns alone" (各学各的), "the output ... follow" (跟随哪个输出)
    stiff = "变得最多|动得最多|舍入让它走开|各学各的|跟随哪个输出|记录里的误差"
    assert not [(where, text) for where, text in texts if re.search(stiff, text)]
    assert not [where for where, text in texts if re.search(r"'[^']*[\u4e00-\u9fff][^']*'", text)]  # “…” in Chinese
    unended = sorted(key for key, english in ENGLISH.items()
                     if english.endswith(".") and not english.endswith("...") and SENTENCES["zh"][key][-1] not in "。？！”）")
    assert not unended, ("a full stop in English, none in Chinese:", unended)


def core_keys() -> set[str]:
    """Every message key the core can raise: the first string given to a Refusal or to `fail`."""
    found = set()
    for path in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                arguments = node.args[1:] if name == "fail" else node.args[:1]
                if name.endswith(("Refusal", "Error", "Problem", "Number", "Save")) or name == "fail":
                    found |= {arg.value for arg in arguments if isinstance(arg, ast.Constant)
                              and isinstance(arg.value, str) and "." in arg.value}
    return found


def test_every_key_the_core_raises_is_in_the_catalogue():
    keys = core_keys()
    assert len(keys) > 30  # the scan found them
    assert keys <= set(ENGLISH), sorted(keys - set(ENGLISH))


def test_outside_text_is_shown_safely():
    hostile = "\x1b]0;pwned\x07[b]x[/b]\u202e"
    message = say("en", "number.not_a_number", text=hostile)
    assert "\x1b" not in message and "\x07" not in message and "\u202e" not in message
    assert "\\x1b" in message and "[b]x[/b]" in message  # visible, and not markup
    assert say("en", "problem.not_finite", value=10**5000) == "must be a finite number (got ~1e5000)"
    long = say("en", "number.not_a_number", text="9" * 500)
    assert len(long) < 100 and "..." in long


def test_a_refusal_reads_as_one_line_in_either_language():
    with pytest.raises(InvalidNumber) as refused:
        parse_number("abc")
    refusal = refused.value.at(field="alpha", where="mine.toml")
    assert explain("en", refusal) == "mine.toml: alpha: 'abc' is not a number"
    assert explain("zh", refusal) == "mine.toml：alpha：“abc” 不是有效的数字"
    with pytest.raises(InvalidProblem) as refused:
        Problem(weights=(1.0, 2.0), inputs=(1.0,), goal=0.0)
    assert explain("zh", refused.value, names={"inputs": "输入"}) == "输入：每个权重恰好需要一个输入（权重 2 个，输入 1 个）"


def test_a_value_of_none_leaves_its_optional_part_out():
    assert say("en", "lesson.unknown", name="x", close=None, choices=["a", "b"]) == "unknown lesson 'x': choose from a, b"
    assert say("zh", "lesson.unknown", name="alhpa", close="alpha", choices=["a", "b"]) == \
        "没有叫 “alhpa” 的课：你是想要 “alpha” 吗？可选的有 a、b"


def test_argparse_speaks_chinese_too():
    result = gradstep("run", "--alpha", "--lang", "zh")
    assert result.status == 2 and result.err.startswith("gradstep run：参数 --alpha：需要一个值")
    assert ARGPARSE["en"] == {} and ARGPARSE["zh"] and all(CJK.search(text) for text in ARGPARSE["zh"].values())


def test_a_partial_translation_falls_back_field_by_field():
    lesson = Lesson("mine", Problem(weights=(0.5,), inputs=(1.0,), goal=0.0), None,
                    {"en": LessonText(title="Mine", teaches="Idea.", notice="Watch."), "zh": LessonText(title="我的")})
    assert lesson.text("zh") == LessonText(title="我的", teaches="Idea.", notice="Watch.")


def test_the_commands_follow_the_locale(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert "平方误差" in gradstep("lessons").out
    run = gradstep("run", "--lesson", "alpha", "--steps", "2").out.splitlines()
    assert run[0].split()[:4] == ["迭代", "权重", "预测", "误差"] and run[-1].startswith("第 1 次迭代的误差为 0.0144")
    assert "Predict once" in gradstep("lessons", "--lang", "en").out  # --lang wins over the locale
    assert gradstep("run", "--lesson", "nope").err.startswith("gradstep run：没有叫 “nope” 的课")


def test_refusal_str_is_for_logs_not_for_people():
    assert str(Refusal("number.empty", field="alpha")) == "alpha: number.empty {}"


def test_a_count_in_a_sentence_is_written_whole():
    """At 5 significant digits the 100,000-iteration limit read "1e+05 iterations"."""
    assert say("en", "steps_taken", steps=100_000) == "100000 steps taken"
    assert say("en", "run.longest", limit=100_000).startswith("This run has reached 100000 iterations")
    assert say("en", "steps_taken", steps=10**20).startswith("~1e20")


@pytest.mark.parametrize("jargon", ["misses in a batch", "alpha can take it in", "regimes", "for gd "])
def test_a_first_year_reads_no_jargon_the_course_does_not_teach(jargon):
    """Both newcomers stopped at these: a batch, folding the 2 into alpha, regimes, and gd."""
    from gradstep.core.courses import course

    texts = [getattr(lesson.text("en"), field) for lesson in course() for field in ("teaches", "notice")]
    assert not any(jargon in text for text in texts + list(ENGLISH.values()))


def test_numbers_typed_with_a_chinese_input_methods_comma_are_read():
    """"8.5，0，-1.2" was refused: "“8.5，0，-1.2” 不是有效的数字"."""
    from gradstep.core.numbers import parse_numbers, parse_rows

    assert parse_numbers("8.5，0，-1.2") == (8.5, 0.0, -1.2)
    assert parse_rows("0.1，0.2；0.3，0.4") == ((0.1, 0.2), (0.3, 0.4))


@pytest.mark.parametrize("typed, positions", [("１，３", (0, 2)), ("1，3", (0, 2)), ("１", (0,)), ("１, 3", (0, 2))])
def test_weight_numbers_typed_full_width_are_read_like_every_other_number(typed, positions):
    """The frozen field refused "１，３" ("冻结：“１，３” 不是权重编号") while every other field
    read full-width digits and commas."""
    from gradstep.core.numbers import parse_positions

    assert parse_positions(typed) == positions


@pytest.mark.parametrize("typed", ["０", "１.５", "一", "①", "٣"])
def test_weight_numbers_still_refuse_what_is_not_a_whole_number_from_1(typed):
    from gradstep.core.numbers import parse_positions

    with pytest.raises(InvalidNumber):
        parse_positions(typed)


def test_chinese_says_xuexilv_alpha_never_the_english_word():
    """"+- alpha", "最佳 alpha", "alpha 决定步子的大小": a Chinese textbook writes 学习率 α (α
    alone in a formula); the English word stays only in placeholders and --alpha."""
    import re
    import tomllib
    from pathlib import Path

    from gradstep.core.courses import course
    from gradstep.tui import words

    english = re.compile(r"(?<![\w{\-_])alpha(?![\w}_])")
    sentences = tomllib.loads((Path(words.__file__).parent / "languages" / "zh.toml").read_text("utf-8"))
    texts = {key: value for key, value in sentences.items() if isinstance(value, str)}
    for lesson in course():
        own = lesson.texts["zh"]
        texts |= {f"{lesson.name}.{field}": getattr(own, field) for field in ("title", "summary", "teaches", "notice")}
        texts |= {f"{lesson.name}.q{n}": question.text("zh").ask + question.text("zh").explain
                  for n, question in enumerate(lesson.questions)}
    assert {key: text for key, text in texts.items() if english.search(text)} == {}


def test_the_chinese_glossary_names_its_terms_in_chinese_the_code_names_in_brackets():
    """The help's glossary listed "delta" and "weight_delta" as Chinese terms and wrote
    "-α × weight_delta": 差值 and 权重改变量 are the words, their code names said once."""
    from gradstep.tui.app.screens.help import TERMS

    named = {term: SENTENCES["zh"][f"term.{term}"] for term in TERMS}
    assert not [name for name in named.values() if not CJK.search(name) and name not in ("r", "1e-06")], named
    texts = {term: SENTENCES["zh"][f"term.{term}.text"] for term in TERMS}
    assert not [term for term, text in texts.items() if "delta" in re.sub(r"（代码里写作 \w+）", "", text)], texts
    assert "（代码里写作 weight_delta）" in texts["weight_delta"] and "（代码里写作 delta）" in texts["delta"]


def test_chinese_prose_says_quanzhong_gaibianliang_the_code_name_only_beside_it_or_in_a_formula():
    """"它的 weight_delta 为 0", "每个 weight_delta 是它自己的 delta × 输入": a code name in
    the middle of a Chinese sentence. Chinese says 权重改变量; weight_delta stands only beside
    it (权重改变量 weight_delta), in brackets (代码里写作 weight_delta), or in a formula."""
    loose = [(where, text) for where, text in chinese_texts()
             for match in re.finditer(r"\bweight_delta\b", text)
             if not re.search(r"(权重改变量 |写作 |（|\{)$", text[:match.start()])]
    assert not loose, loose  # "-α × weight_delta，其中 weight_delta = 差值 × 输入" (lesson 2 after m) too
    bare = [(where, text) for where, text in chinese_texts()
            for match in re.finditer(r"(?<![_{])\bdelta\b", text)
            if not re.search(r"(差值 |写作 |（)$", text[:match.start()])]
    assert not bare, bare  # "共用的 delta", "第 i 个 delta": 差值 is the word


def test_every_lesson_says_the_step_of_gradient_descent_one_way_in_each_language():
    """Lessons 3 and 4 said the weight moves by "-alpha x weight_delta", lesson 5 "by alpha x
    miss x input" (权重每步改变 α × 差值 × 输入): one sign and one wording everywhere."""
    from gradstep.core.courses import course

    def texts(language):
        found = list(SENTENCES[language].items())
        for lesson in course():
            words = lesson.text(language)
            found += [(f"{lesson.name}.{field}", getattr(words, field)) for field in ("teaches", "notice")]
        return found

    english = [(where, match[0]) for where, text in texts("en")
               for match in re.finditer(r"moves? (?:the weight )?by -?alpha x [\w ]+", text)
               if not match[0].startswith(("moves by -alpha x weight_delta", "moves the weight by -alpha x weight_delta"))]
    chinese = [(where, match[0]) for where, text in texts("zh") for match in re.finditer(r"\S{0,4}改变 -?α × \S{0,6}", text)
               if "权重每步改变 -α × 权重改变量" not in match[0]]
    assert not english and not chinese, (english, chinese)


def test_every_chinese_chart_title_says_how_the_error_changes_one_way():
    """"误差 1 对 w1,1" and "误差 1 对迭代" read as a translation of "vs", beside "误差-权重"
    in the earlier lessons: every chart title is 误差……随……变化."""
    titles = {key: text for key, text in SENTENCES["zh"].items()
              if key.startswith("chart.") and key.removeprefix("chart.").endswith(("weight", "iteration"))}
    assert len(titles) == 7 and not [key for key, text in titles.items() if not re.fullmatch(r"误差( \{output\} )?随.+变化", text)], titles


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_glossary_defines_every_term_before_another_uses_it(language):
    """The Chinese glossary used 权重改变量 in the 梯度下降 line several lines before defining
    it. Each entry's text names only terms the glossary has already defined (or itself)."""
    from gradstep.tui.app.screens.help import TERMS

    names = {term: SENTENCES[language][f"term.{term}"] for term in TERMS}
    early = [(term, later) for index, term in enumerate(TERMS) for later in TERMS[index + 1:]
             if re.search(rf"(?<![\w|]){re.escape(names[later])}(?![\w|])", SENTENCES[language][f"term.{term}.text"])]
    assert not early, early


@pytest.mark.parametrize(("language", "steps"), [
    ("en", ["delta = prediction - goal", "weight_delta = delta x input", "weight = weight - alpha x weight_delta"]),
    ("zh", ["差值 = 预测 - 目标", "权重改变量 = 差值 × 输入", "权重 = 权重 - α × 权重改变量"]),
])
def test_the_glossary_says_the_weight_moves_by_minus_alpha_times_weight_delta(language, steps):
    """A Chinese student read 权重改变量 ("weight change") in the help as the weight's own
    move; it moves by -alpha x weight_delta. weight_delta's entry says so with the spec's
    update, and gradient descent's entry gives the spec's operations in the spec's order."""
    assert steps[2] in SENTENCES[language]["term.weight_delta.text"]
    gd = SENTENCES[language]["term.gd.text"]
    assert all(step in gd for step in steps) and sorted(steps, key=gd.index) == steps


def test_a_sentence_that_names_esc_names_a_printable_way_out_first():
    """Over SSH a lone Escape is slow (the terminal waits to see whether a sequence follows)
    and some links lose it: a hint or the help names the key that always works, and Esc
    second, if at all."""
    key = re.compile(r"(?<![A-Za-z])(Enter|回车|[b-z?])(?![A-Za-z])")  # "a" is the article
    late = [(language, name, clause) for language, sentences in SENTENCES.items()
            for name, text in sentences.items() for clause in re.split(r"[;；:：。]|\. ", text)
            if "Esc" in clause and not key.search(clause.split("Esc")[0])]
    assert not late, late


def test_the_help_names_every_alpha_plus_stops_at():
    """+ stopped at 0.020356 in lesson 7 (r = -0.5, an alpha that overshoots), which the README
    named and the help, which listed the best alpha and the edge, did not."""
    from gradstep.core.analysis import sum_of_squares
    from gradstep.core.courses import find_lesson
    from gradstep.core.session import Session

    session = Session.begin(find_lesson("multi-weight"))
    factors = []
    for _ in range(8):
        session = session.with_problem(session.rated(+1))
        factors.append(round(1 - session.problem.alpha * sum_of_squares(session.problem), 9))
    assert {0.0, -0.5, -1.0} <= set(factors), factors  # the stops, beside the ladder's 0.1, 0.2, 0.5, ...
    for language in ("en", "zh"):
        assert "r = -0.5" in say(language, "help.alpha_up") and "r = -0.5" not in say(language, "help.alpha_up.no_analysis")
