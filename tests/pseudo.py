"""A pseudo-language, for tests only: English made longer and unreadable as English.

Every sentence of the English file is accented letter by letter ("weight" reads "ŵéíĝĥť"),
made 40% longer with filler words (as German or Russian run longer than English), and put
between « and ». On a screen in this language an ASCII word that is not a figure or a
code name was never looked up in the catalogue: it is a hard-coded string. A « without its
» is a sentence the screen cut; a panel that overflows shows it. The course's lessons get
the same treatment, so that their words are not taken for hard-coded ones.

What is kept: the values to fill in ({name!r}, [[ ... ]]), a letter alone (a key, as b in
"b steps back", or r), the joining marks (", " and ": ", whose shape code relies on).
"""

import dataclasses
import math
import re

from gradstep.core.courses import course
from gradstep.core.lessons import Lesson, LessonText
from gradstep.core.questions import QuestionText
from gradstep.tui.words.catalogue import SENTENCES
from gradstep.tui.words.language import LANGUAGES, Language

CODE = "qps"
RECORD = Language(CODE, "Ƥšéúđó", fallback="en", locales=(), ascii=False, code_names=False)
OPEN, CLOSE = "«", "»"
GROWTH = 1.4
KEPT = ("sep.colon", "sep.list", "sep.quotes", "sign.times")  # joining marks, not words
ACCENTED = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         "áƀçđéƒĝĥíĵķĺḿñóƥʠŕšťúʋŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹḾÑÓƤɊŔŠŤÚƲŴẊÝŽ")
FILLER = ("ĺóŕéḿ", "íƥšúḿ", "đóĺóŕ", "šíť", "áḿéť")
# What stays as it is: a value to fill in, an optional part's brackets, a letter alone.
UNTOUCHED = re.compile(r"\{[^{}]*\}|\{\{|\}\}|\[\[|\]\]|(?<![A-Za-z])[A-Za-z](?![A-Za-z])")
COUNTED = re.compile(r"\{(\w+):([^{}|]*)\|([^{}|]*)\}")  # {size:number|numbers}: the nouns are words


def pseudo(text: str) -> str:
    """`text` accented, 40% longer and between « and », its placeholders kept; spaces
    around it stay outside (" (log10)" is joined to what comes before it)."""
    if not text.strip():
        return text
    lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", text, re.S).groups()
    parts, position = [], 0
    for kept in UNTOUCHED.finditer(core):
        field = COUNTED.fullmatch(kept[0])
        value = f"{{{field[1]}:{field[2].translate(ACCENTED)}|{field[3].translate(ACCENTED)}}}" if field else kept[0]
        parts += [core[position:kept.start()].translate(ACCENTED), value]
        position = kept.end()
    accented = "".join(parts) + core[position:].translate(ACCENTED)
    wanted, filler = math.ceil(GROWTH * len(shown(text))) - 2, 0
    while len(shown(accented)) < wanted:
        accented += " " + FILLER[filler % len(FILLER)]
        filler += 1
    return f"{lead}{OPEN}{accented}{CLOSE}{trail}"


def shown(text: str) -> str:
    """`text` with each count's noun as a sentence writes it, once ("{size} numbers")."""
    return COUNTED.sub(lambda field: f"{{{field[1]}}} {field[3]}", text)


def sentences() -> dict[str, str]:
    """The pseudo-language's file: English's keys, each sentence made pseudo."""
    return {key: english if key in KEPT else pseudo(english) for key, english in SENTENCES["en"].items()}


def lessons() -> tuple[Lesson, ...]:
    """The course with a pseudo text beside each English one, questions too."""
    def lesson(original: Lesson) -> Lesson:
        english = original.text("en")
        text = LessonText(**{name: pseudo(value) for name, value in dataclasses.asdict(english).items()})
        questions = tuple(dataclasses.replace(question, texts={**question.texts, CODE: QuestionText(
            pseudo(question.text("en").ask), pseudo(question.text("en").explain),
            tuple(pseudo(choice) for choice in question.text("en").choices))}) for question in original.questions)
        return dataclasses.replace(original, texts={**original.texts, CODE: text}, questions=questions)

    return tuple(lesson(original) for original in course())


def register(monkeypatch) -> None:
    """The pseudo-language spoken for one test: its record and its sentences."""
    monkeypatch.setitem(LANGUAGES, CODE, RECORD)
    monkeypatch.setitem(SENTENCES, CODE, sentences())


FIGURE = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|\b(?:nan|inf)\b")
ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z_'-]*[A-Za-z]")


def hard_coded(screen: str, allowed: set[str] = frozenset()) -> set[str]:
    """The ASCII words on `screen` that no pseudo sentence put there: the figures taken out
    first (1e-05, nan), and `allowed` (code names meant to be shown as they are)."""
    words = set(ASCII_WORD.findall(FIGURE.sub(" ", screen))) - set(allowed)
    return {word for word in words if set(word) != {"o"}}  # "ooo": the chart's marks of the weights visited


def cut(screen: str) -> int:
    """How many sentences on `screen` lost their end without saying so: « without its »,
    where no "…" shows the cut."""
    return screen.count(OPEN) - screen.count(CLOSE) - screen.count("…")



def top_screen_text(app, screen_text) -> str:
    """The words of the screen on top alone: a dialog's box, cut out of the whole screen
    (every cell of this language is one column wide)."""
    whole = screen_text(app).splitlines()
    if not app.screen.is_modal:
        return "\n".join(whole)
    region = app.screen.children[0].region
    return "\n".join(line[region.x:region.right] for line in whole[region.y:region.bottom])


def overflowing(app) -> list[str]:
    """The panels whose drawing takes more rows than they have: the rows past the bottom
    are lost without a mark (a line wider than the panel counts as the rows it wraps to)."""
    from rich.cells import cell_len

    from gradstep.tui.app.widgets.panel import StatePanel, lines_of

    found = []
    for panel in app.screen.query(StatePanel):
        if panel.state is None or not panel.display or not panel.size.area:
            continue
        lines = lines_of(panel.draw(panel.state)) or []
        while lines and not lines[-1].plain.strip():
            lines.pop()  # a blank last line (the chart's) loses nothing
        rows = sum(max(1, math.ceil(cell_len(line.plain) / panel.size.width)) for line in lines)
        if rows > panel.size.height:
            found.append(f"{type(panel).__name__}: {rows} rows in {panel.size.height}")
    return found
