"""The languages gradstep speaks, and what each needs besides its sentences.

A language is its sentences (languages/<code>.toml, read by catalogue.py) and one record
here: its name for itself, which locales choose it, whether a terminal without UTF-8 can
show it (and what to show instead), whether the code's own names are its words, and how
its lines break. Code elsewhere asks the record, never "is this Chinese?", so a third
language is one TOML file, one record in LANGUAGES, its code in core/lessons.py (the
lesson files' tables) and the course's tables in that language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.record import Record


@dataclass(repr=False, frozen=True)
class Language(Record):
    """What the code needs to know of a language; its sentences are data (languages/)."""

    code: str  # the TOML file's name, --lang's value, a lesson file's table ([zh])
    name: str  # its own name for itself, as the key that switches to it shows it ("中文")
    fallback: str | None  # shown instead where it cannot be (no UTF-8); None: the one every other falls back to
    locales: tuple[str, ...]  # how a locale's name starts when it asks for this language (LANG=zh_CN.UTF-8)
    ascii: bool  # its sentences are ASCII: a terminal without UTF-8 (--ascii) can show them
    code_names: bool  # the code's names (a lesson's name, a CSV column's heading) are its words, shown as they are
    unbroken: tuple[str, ...] = ()  # words a line never splits, in a language written without spaces
    numbered: tuple[str, ...] = ()  # words whose figure after them names them ("输出 2"): never split from it
    numbered_tail: tuple[str, ...] = ()  # a word that carries such a name on by one more ("row 2 of w")
    # Where a question stands ("input 0.65, goals 0.1 1 0.1"): between the entries, between an
    # entry's name and its value, between the numbers of a list (a matrix's rows: sep.matrix).
    stands: str = ", "
    named: str = " "
    numbers: str = " "
    closing: str = ""  # marks a line never begins with, besides ASCII's (wrap.py)
    opening: str = ""  # marks a line never ends with, besides ASCII's


ENGLISH = Language(
    "en", "English", fallback=None, locales=("en",), ascii=True, code_names=True,
    # "error" at a line's end and "3 = (0.10526 - 0.1)^2" on the next read as two things. (Not
    # "output": "output 3:" is a label, kept with its formula by the wrap's own rule.)
    numbered=("error", "row"), numbered_tail=("of",),
)
CHINESE = Language(
    "zh", "中文", fallback="en", locales=("zh",), ascii=False, code_names=False,
    # The course's vocabulary, so that 预测 never reads 预/测 across two lines.
    unbroken=tuple("""预测 误差 权重 目标 差值 学习率 梯度下降 梯度 发散 收敛 输入 输出 步长 冷热法 迭代 平方和
        改变量 平方 谷底 曲线 抛物线 冻结 最佳 边界 系数 斜率 起点 方向 大小 每一步 一步 越来越大 来回 振荡
        整数 舍入 浮点数 数值 结果 计算机 抵消 绝对值 下一课 下坡 权重改变量
        学习 记录 如果 越来越小 越来越远 失控 多少 这个 规则 之和 正负号 向上 向下 相加""".split()),
    # A label and its number are one name: "输出" at a line's end and "2：..." on the next read as two.
    numbered=tuple("输出 输入 权重 误差 目标 预测 迭代 步长 第 行 列".split()),
    # One mark a role: ：name, ";" a matrix's rows (sep.matrix), spaces between entries; the numbers of a list
    # apart by a half-width comma, as a formula writes them ("0.1,0.2,-0.1", one cell each: a
    # matrix row of "，" lost a digit on the parameters panel to fit its 40 cells).
    stands="  ", named="：", numbers=",",
    closing="，。、；：？！）」』】》〉", opening="（「『【《〈",  # Chinese typesetting's rules
)

LANGUAGES: dict[str, Language] = {language.code: language for language in (ENGLISH, CHINESE)}
"""Every language, in the order g goes through them; the first is the one locales fall back to."""


def shown(code: str, ascii_only: bool) -> str:
    """The language a terminal shows for `code`: itself, or on one without UTF-8 the nearest
    fallback written in ASCII."""
    language = LANGUAGES[code]
    while ascii_only and not language.ascii and language.fallback is not None:
        language = LANGUAGES[language.fallback]
    return language.code


def following(code: str, ascii_only: bool) -> str:
    """The language g switches to after `code`: the next one the terminal can show, in turn."""
    codes = [other for other in LANGUAGES if other == code or not ascii_only or LANGUAGES[other].ascii]
    return codes[(codes.index(code) + 1) % len(codes)] if code in codes else codes[0]


def switchable(ascii_only: bool) -> bool:
    """Whether g has another language to switch to on this terminal."""
    return sum(not ascii_only or language.ascii for language in LANGUAGES.values()) > 1


def from_locale(value: str) -> str | None:
    """The language a locale's name asks for ("zh_CN.UTF-8": zh), or None for none of them."""
    value = value.lower()
    return next((language.code for language in LANGUAGES.values() if value.startswith(language.locales)), None)
