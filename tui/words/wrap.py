"""Breaking text into lines of a given width, the English way and the Chinese way.

English breaks at spaces. Chinese has none: a line may break between any two Chinese
characters, but by the rules of Chinese typesetting no line may begin with closing
punctuation (，。、；：？！）」 or their half-width forms) nor end with opening punctuation
(（「《); and a word of the course's vocabulary (预测, 发散) is not split between lines. A
short formula ("r = 1 - 0.1 × 2^2 = 0.6") is kept whole where it fits, in either
language, so it never reads "r" on one line and "= 1 - ..." on the next; a longer one
breaks before a + - or = outside brackets, a term whole on each line, the lines after its
first indented (HANG), and a list ("[0.1, 0.2, -0.1]") stays whole. Widths are terminal
cells: a Chinese character takes two.

One function for every panel and for line mode, so the rules live in one place; and one
for lists whose entries belong whole ("q：退出", a key and what it does), which packs
entries, never splitting one that fits a line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

from .language import LANGUAGES

# Each language's own marks (language.py) besides ASCII's.
CLOSING = set("…,.;:?!)]}%").union(*(language.closing for language in LANGUAGES.values()))
OPENING = set("([{").union(*(language.opening for language in LANGUAGES.values()))
ABOUT = {"~=", "≈"}  # approximately equal (the languages' sign.about): a relation as = is, where it may break as = does
OPERATORS = {"=", "<", ">", "<=", ">=", "->", "→", "+", "-", "x", "×", "/", "*"} | ABOUT  # between operands, spaced
BREAKS = {"=", "<", ">", "<=", ">=", "->", "→", "+", "-"} | ABOUT  # where a formula too long for a line may break
ARROWS = {"->", "→"}  # "225 -> 56.25": the figure before one is a value that changes
RELATIONS = BREAKS - {"+", "-"}  # where it breaks first: "r = 1" / "- alpha x input^2" read as a minus sign
PRODUCTS = {"x", "×", "/", "*"}  # where a term too long for a line may break
HANG = "  "  # before a formula's continued line, which begins with its operator
NUMBERED = frozenset(word for language in LANGUAGES.values() for word in language.numbered)  # "输出" of "输出 2"
TAILS = frozenset(word for language in LANGUAGES.values() for word in language.numbered_tail)  # "of" of "row 2 of w"
# Words a line should not split ("预/测"), every language's, longest first.
WORDS = tuple(sorted({word for language in LANGUAGES.values() for word in language.unbroken}, key=lambda word: (-len(word), word)))


class Labelled(str):
    """A label and the formula it names, joined into one piece ("inputs: 8.5 x 0.1 + ...");
    `formula` is the part after the label, `spaced` whether a space comes between them."""

    formula: str
    spaced: bool


def labelled(label: str, formula: str, spaced: bool) -> Labelled:
    piece = Labelled(f"{label} {formula}" if spaced else label + formula)
    piece.formula, piece.spaced = formula, spaced
    return piece


class Equation(str):
    """A line that is one equation from its first word ("weight_delta = ... , set to 0 for
    frozen w1: [0 ...]", the worked step's lines): every line it continues on hangs, prose
    inside it too, so that only a new equation starts at the margin."""


def width(text: str) -> int:
    """Terminal cells `text` takes: two for each East Asian wide or full-width character."""
    if text.isascii():  # no character of ASCII is wide: the common case, at once
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def wrap(text: str, columns: int) -> list[str]:
    """`text` as lines of at most `columns` cells; its own newlines start new lines.

    A unit wider than a whole line (a very long number) is cut where it must be. An
    Equation's continued lines all hang.
    """
    return list(_wrapped(str(text), columns, isinstance(text, Equation)))


@lru_cache(maxsize=64)
def _wrapped(text: str, columns: int, equation: bool = False) -> tuple[str, ...]:
    """wrap's lines, kept: the panels are drawn again at every step, and a lesson's words
    (up to a whole lesson file of them) are the same from one step to the next."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if _as_it_is(paragraph, columns):
            lines.append(paragraph)
        else:
            lines += _wrap_paragraph(paragraph, max(1, columns), equation)
    return tuple(lines)


def _as_it_is(paragraph: str, columns: int) -> bool:
    """Whether `paragraph` is its own one line: plain ASCII that fits, single-spaced (the
    breaker would close up a double space), as most of a lesson's lines are."""
    return (paragraph.isascii() and len(paragraph) <= columns and "  " not in paragraph
            and paragraph[:1] != " " and paragraph[-1:] != " ")


def wrap_entries(entries: list[str], columns: int, gap: str = "  ") -> list[str]:
    """`entries` packed into lines of at most `columns` cells, `gap` between two on a line.

    An entry is never split where it fits a line: a key stays with its word ("q: quit",
    "q：退出"), as the key bar shows them. One wider than a line is wrapped by itself.
    """
    columns = max(1, columns)
    lines: list[str] = []
    line = ""
    for entry in entries:
        joined = line + gap + entry if line else entry
        if width(joined) <= columns:
            line = joined
            continue
        if line:
            lines.append(line)
        *whole, line = wrap(entry, columns)
        lines += whole
    return lines + [line] if line or not lines else lines


def end_of_path(folder: str, columns: int, mark: str = "…", separator: str = "/") -> str:
    """A folder in at most `columns` cells, like `end_of`, but cut where a folder's name
    begins: "…/walk-zh2", never "…p/walk-zh2", whose "p" reads as a folder of its own."""
    shown = end_of(folder, columns, mark)
    kept = shown[len(mark):] if shown != folder else shown
    if shown == folder or kept.startswith(separator) or separator not in kept:
        return shown
    return mark + kept[kept.index(separator):]


def end_of(text: str, columns: int, mark: str = "…") -> str:
    """`text` in at most `columns` cells: whole if it fits, else its end led by `mark`, so
    a folder shortened to fit shows that it was ("…/class/week3"), never a silent cut."""
    if width(text) <= columns:
        return text
    kept = ""
    for char in reversed(text):
        if width(mark + char + kept) > columns:
            break
        kept = char + kept
    return mark + kept


def _wrap_paragraph(paragraph: str, columns: int, equation: bool = False) -> list[str]:
    """Each piece measured once and each line's width kept as it fills: the time grows with
    the text, however long a lesson file makes it."""
    rows: list[list[tuple[str, bool]]] = [[]]
    used = 0  # cells taken on the last row
    hanging = equation  # a formula's continued line was indented: the lines after it keep the indent
    for unit, space_before in _units(paragraph, columns, equation):
        cells = len(unit) if unit.isascii() else width(unit)
        gap = 1 if space_before and rows[-1] else 0
        if used + gap + cells <= columns:
            rows[-1].append((unit, space_before))
            used += gap + cells
            continue
        if isinstance(unit, Labelled) and rows[-1]:  # its label ends this line, its formula begins the next
            label = unit[:len(unit) - len(unit.formula)].rstrip()
            formula = HANG + unit.formula if hanging and width(HANG + unit.formula) <= columns else unit.formula
            if used + gap + width(label) <= columns and width(formula) <= columns:
                rows[-1].append((label, space_before))
                rows.append([(formula, unit.spaced)])
                used = width(formula)
                continue
        if unit.startswith("- ") and _minus_ends_the_line(rows, used, columns):  # "  - 0.01 x" reads as a bullet
            unit, cells = unit[2:], cells - 2
            hanging = True
            if len(HANG) + cells <= columns:
                unit, cells = HANG + unit, cells + len(HANG)
        elif hanging and rows[-1] and len(HANG) + cells > columns >= cells and "," in unit:  # "[-0.0002,-1.5e-05,...]"
            *heads, unit = _at_commas(unit, columns - len(HANG))
            rows += [[(HANG + head, space_before)] for head in heads]
            unit = HANG + unit
            cells = width(unit)
        elif (_continues(unit) or hanging) and rows[-1] and len(HANG) + cells <= columns:  # "  + 0.65 x (-1776.7)"
            unit = HANG + unit
            cells += len(HANG)
            hanging = True
        if rows[-1]:
            rows.append([])
        *cut, unit = _cut(unit, columns) if cells > columns else [unit]  # no break fits: cut it
        for head in cut:
            rows[-1].append((head, False))
            rows.append([])
        rows[-1].append((unit, space_before))
        used = width(unit)
    _no_orphan(rows, columns)
    return [_joined(row) for row in rows]


def _minus_ends_the_line(rows: list[list[tuple[str, bool]]], used: int, columns: int) -> bool:
    """Whether a minus that would begin a continued line ("  - 0.01 x weight_delta", read
    as a list's bullet) could end the line before instead, as TeX breaks after a binary
    operator: on that line if it has room, else with the term before it moved down to a
    line of its own ("= [0.1119, 0.20091, -0.09832] -"). Moves them if so."""
    if not rows[-1]:
        return False
    last, space = rows[-1][-1]
    if used + 2 <= columns:
        rows[-1][-1] = (last + " -", space)
        return True
    moved = (last if last.startswith(HANG) else HANG + last) + " -"
    if len(rows[-1]) < 2 or width(moved) > columns:
        return False
    rows[-1].pop()
    rows.append([(moved, space)])
    return True


ORPHAN = 4  # cells: a last line this short of Chinese ("上。") takes a character from the line above


def _no_orphan(rows: list[list[tuple[str, bool]]], columns: int) -> None:
    """Chinese typesetting's rule against a last line of one character and its punctuation:
    the line above gives it a character (the rule English leaves to the reader)."""
    if len(rows) < 2 or len(rows[-2]) < 2 or width(_joined(rows[-1])) > ORPHAN:
        return
    unit, space = rows[-2][-1]
    first, _ = rows[-1][0]
    if not (is_cjk(unit[-1]) and is_cjk(first[0])) or space or rows[-1][0][1]:
        return  # only between two Chinese characters that touch
    moved = [(unit, False)] + rows[-1]
    if width(_joined(moved)) <= columns:
        rows[-2].pop()
        rows[-1][:] = moved


def _at_commas(text: str, columns: int) -> list[str]:
    """`text` (a list written without spaces, as Chinese writes one) broken after its commas
    into pieces of at most `columns` cells where it can be: it then hangs as an equation's
    continued line must, where whole it fitted only flush left."""
    pieces = [""]
    for part in re.findall(r"[^,]*,|[^,]+$", text):
        if pieces[-1] and width(pieces[-1] + part) > columns:
            pieces.append("")
        pieces[-1] += part
    return pieces


def _continues(unit: str) -> bool:
    """Whether `unit` is a formula's continuation: an operator, a space, and its term."""
    operator, space, term = unit.partition(" ")
    return bool(space and term) and operator in OPERATORS


def _joined(row: list[tuple[str, bool]]) -> str:
    return "".join((" " if space and index else "") + unit for index, (unit, space) in enumerate(row))


def _cut(text: str, columns: int) -> list[str]:
    """`text` in pieces that each fill a line of `columns` cells (at least one character a
    piece), the last one what is left."""
    pieces: list[str] = []
    piece: list[str] = []
    cells = 0
    for char in text:
        cells += 2 if is_cjk(char) else 1
        if cells > columns and piece:
            pieces.append("".join(piece))
            piece, cells = [], 2 if is_cjk(char) else 1
        piece.append(char)
    return pieces + ["".join(piece)]


def _units(paragraph: str, columns: int, equation: bool = False) -> list[tuple[str, bool]]:
    """The pieces a line may not split, each with whether a space came before it.

    Every Chinese character of prose is a piece; an English word is a piece; a short word
    that mixes the two with no space ("1/输入^2", "(预测") is one piece, as it is a term of
    a formula; a formula that fits a line is one piece. Closing punctuation is glued to the
    piece before it, opening punctuation to the piece after it, so neither can stand at the
    wrong end of a line.
    """
    pieces: list[tuple[str, bool]] = []
    for number, word in enumerate(paragraph.split(" ")):
        if not word:
            continue
        space = number > 0 and bool(pieces)
        if word.isascii():  # an English word or a formula's term: one piece
            pieces.append((word, space))
            continue
        if _mixed(word) and width(word) <= MIXED_TERM:
            pieces.append((word, space))
            continue
        run, position = "", 0
        while position < len(word):
            char = word[position]
            if is_cjk(char):
                if run:
                    pieces.append((run, space))
                    run, space = "", False
                term = next((term for term in WORDS if word.startswith(term, position)), char)
                pieces.append((term, space))
                space = False
                position += len(term)
            else:
                run += char
                position += 1
        if run:
            pieces.append((run, space))
    # An equation's list follows its = on a continued line, indented: it is whole where it fits there.
    pieces = _numbered(_glued(_lists(_indexed(pieces), columns - len(HANG) if equation else columns)), columns)
    return _formulas(_no_lone_figure(_named(pieces, columns) if equation else pieces, columns), columns)


def _named(pieces: list[tuple[str, bool]], columns: int) -> list[tuple[str, bool]]:
    """An equation's name (the words before its first = or ~=, after a label such as
    "#0->#1:") as one piece, where it fits a line: "error" at a line's end and "sum = 0.009025
    + ..." on the next read as a sum, and "误差" / "和 = ..." split the word."""
    relation = next((index for index, (piece, _) in enumerate(pieces) if piece in RELATIONS), None)
    if relation is None:
        return pieces
    start = max((index + 1 for index in range(relation) if _label(pieces[index][0])), default=0)
    name = "".join((" " if space and index > start else "") + piece
                   for index, (piece, space) in enumerate(pieces[start:relation], start))
    if relation - start < 2 or width(name) > columns:
        return pieces
    return [*pieces[:start], (name, pieces[start][1]), *pieces[relation:]]


def _numbered(pieces: list[tuple[str, bool]], columns: int) -> list[tuple[str, bool]]:
    """A label and the figure that names it as one piece ("输出 2", "第 1", "error 3"), where
    they fit a line: "输出" at a line's end and "2：8.5 × 0.1 ..." on the next read as two
    things, as lessons 9 and 10's "error" did above "3 = (0.10526 - 0.1)^2 = 2.7689e-05".
    A tail word carries the name on by one piece ("row 2 of w": "row 2 of" and "w = ..."
    read as row 2 of something else). A figure an arrow follows is no name but a value on
    its way ("the error 225 -> 2.2052e+06"): joined to "error", it made the formula begin
    with a word of the prose, which left "This step took the" alone on its line."""
    if not NUMBERED or not any(piece in NUMBERED for piece, _ in pieces):
        return pieces
    joined: list[tuple[str, bool]] = []
    wanted: set[str] | None = None  # what may join the name just made: its tail word, then anything
    for index, (piece, space) in enumerate(pieces):
        last = joined[-1][0] if joined else ""
        changing = index + 1 < len(pieces) and pieces[index + 1][0] in ARROWS  # "error 225 -> ...": a value
        named = last in NUMBERED and re.match(r"-?\d", piece) and not changing
        carried = wanted is not None and (not wanted or piece in wanted)
        if space and joined and (carried or named) and piece not in OPERATORS \
                and width(last) + 1 + width(piece) <= columns:
            joined[-1] = (f"{last} {piece}", joined[-1][1])
            wanted = set(TAILS) if not carried else (set() if piece in TAILS else None)
        else:
            joined.append((piece, space))
            wanted = None
    return joined


INDICES = re.compile(r"[ijk][,.;:]?")  # a subscript written as a letter after its name: "delta i", "input j"


def _indexed(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A name and its index letter as one piece: "delta i" is one quantity, and a line that
    ends "is delta" with "i x input j" on the next reads as a different formula."""
    if not any(INDICES.fullmatch(piece) for piece, _ in pieces):
        return pieces
    joined: list[tuple[str, bool]] = []
    for piece, space in pieces:
        if space and joined and INDICES.fullmatch(piece) and joined[-1][0][-1:].isalpha() and joined[-1][0].isascii():
            joined[-1] = (f"{joined[-1][0]} {piece}", joined[-1][1])
        else:
            joined.append((piece, space))
    return joined


def _lists(pieces: list[tuple[str, bool]], columns: int) -> list[tuple[str, bool]]:
    """A list written out ("[0.1, 0.2, -0.1]") joined into one piece where it fits a line,
    so that it is read as the one value it is."""
    if not any(piece.startswith("[") and "]" not in piece for piece, _ in pieces):
        return pieces
    joined: list[tuple[str, bool]] = []
    position = 0
    while position < len(pieces):
        piece, space = pieces[position]
        end = position
        if piece.startswith("[") and "]" not in piece:
            end = next((index for index in range(position + 1, len(pieces)) if "]" in pieces[index][0]), position)
        text = " ".join(part for part, _ in pieces[position:end + 1])
        if end > position and width(text) <= columns:
            joined.append((text, space))
            position = end + 1
        else:
            joined.append((piece, space))
            position += 1
    return joined


def _no_lone_figure(pieces: list[tuple[str, bool]], columns: int) -> list[tuple[str, bool]]:
    """A figure that ends a paragraph stays with the word before it, so "iteration 0" never
    leaves its "0" alone on the last line (where the two fit a line together)."""
    if len(pieces) < 2 or not pieces[-1][1] or not _figure(pieces[-1][0]) or pieces[-2][0] in OPERATORS:
        return pieces  # after an operator the figure ends a formula, which is kept whole its own way
    (before, space), (last, _) = pieces[-2:]
    glued = f"{before} {last}"
    return pieces[:-2] + [(glued, space)] if width(glued) <= columns else pieces


def _figure(piece: str) -> bool:
    try:
        float(piece.rstrip(".,;:。，；："))
    except ValueError:
        return False
    return True


MIXED_TERM = 12  # cells: a mixed word longer than this is prose with a figure in it, and may break


def _mixed(word: str) -> bool:
    """A word with Chinese and something else that is not punctuation in it: a formula's term
    ("1/输入^2"). A full stop between two figures ("0.6。0 < r") is the end of a sentence."""
    marks = CLOSING | OPENING
    return (any(is_cjk(char) and char not in marks for char in word)
            and any(char.isascii() and char not in marks for char in word))


def _operand(piece: str) -> bool:
    """A formula's term: anything but an operator or punctuation alone, Chinese included
    ("误差 = (0.96 - 1)^2": the name of what is worked out; prose puts no spaced = or +
    beside a Chinese word)."""
    return piece not in OPERATORS and not all(char in CLOSING or char in OPENING for char in piece)


def _formulas(pieces: list[tuple[str, bool]], columns: int) -> list[tuple[str, bool]]:
    """Runs like "r = 1 - 0.1 x 2^2 = 0.6" or "-alpha x weight_delta" joined into one piece
    when they fit a line: operands with an operator between each two, spaced. A run too long
    for a line keeps its first pieces apart and joins the longest end of it that fits."""
    count = len(pieces)
    reach = list(range(count))  # the last operand of the run that starts at each piece
    for index in range(count - 3, -1, -1):
        if pieces[index + 1][0] in OPERATORS and _linked(pieces, index):
            reach[index] = reach[index + 2]
    if reach == list(range(count)):  # no formula at all: most prose
        return pieces
    before = [0, *accumulate(width(piece) for piece, _ in pieces)]  # cells of the pieces before each
    joined: list[tuple[str, bool]] = []
    position = 0
    while position < count:
        end = reach[position]
        cells = before[end + 1] - before[position] + end - position
        label = width(joined[0][0]) + 1 if len(joined) == 1 and _label(joined[0][0]) else 0
        if end > position and cells + label <= columns:  # a line's label ("down:") keeps its formula's start
            joined.append((" ".join(piece for piece, _ in pieces[position:end + 1]), pieces[position][1]))
            position = end + 1
            _labelled(joined, columns)
        elif end > position:  # too long for a line: a side whole on each, broken before =, then + or -
            terms = _terms(pieces[position:end + 1], columns - label, RELATIONS)  # the first beside the label
            joined.append(terms[0])
            _labelled(joined, columns)
            joined += terms[1:]
            position = end + 1
        else:
            joined.append(pieces[position])
            position += 1
    return joined


def _label(piece: str) -> bool:
    """A word that names what follows it ("down:", "输出 2："): a label, not a formula's term."""
    return piece[-1:] in (":", "：") and not any(operator in piece.split() for operator in OPERATORS)


def _labelled(joined: list[tuple[str, bool]], columns: int) -> None:
    """The formula just joined (the last piece) and the label before it as one piece, where
    the two fit a line: "down:" at the end of one line and "0.1 - 0.1 = ..." on the next
    read as two things. A formula too long to share a line with its label keeps its label
    with its first term ("down: 0.1 - 0.1", then "= 2.7756e-17 -> error 1"). Where the two
    do not fit the rest of a line that prose began, the label ends that line and the formula
    begins the next (_wrap_paragraph): moving both down left lesson 7's first line at "the
    weighted sum of the", half empty, before a formula that fitted the line after.)"""
    if len(joined) < 2 or not _label(joined[-2][0]):
        return
    (label, space), (formula, spaced) = joined[-2:]
    word = space or len(joined) == 2 or " " in label or label.rstrip(":：）)") in WORDS
    if not word:  # the end of a Chinese word ("（加权" / "和）："): moving it would split the word
        return
    both = labelled(label, formula, spaced)  # "向上：0.1 + 0.1": no space in Chinese
    if width(both) <= columns:
        joined[-2:] = [(both, space)]


def _terms(run: list[tuple[str, bool]], columns: int, at: set[str] = RELATIONS,
           leading: bool = True) -> list[tuple[str, bool]]:
    """A formula too long for a line, as pieces that each begin with an operator it may
    break before (outside brackets): "prediction", "= 8.5 x (-23235)", "+ 0.65 x (-1776.7)".
    A term too wide for a line of its own breaks the same way before x or /, and failing
    that keeps its pieces apart. Every term but the formula's first (`leading`: this run
    begins it) is measured with the hanging indent it will carry: one measured without it
    ("= [0.1 0.2 -0.1] - 0.01 x weight_delta", 38 cells on a line of 38) fitted only flush
    left, and read as a new equation under "weights"."""
    terms: list[list[tuple[str, bool]]] = [[]]
    depth = 0
    for piece, space in run:
        if piece in at and depth == 0 and terms[-1]:
            terms.append([])
        terms[-1].append((piece, space))
        depth += piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")
    joined = []
    for index, term in enumerate(terms):
        first = leading and index == 0
        text = " ".join(piece for piece, _ in term)
        if width(text) <= columns - (0 if first else len(HANG)):
            joined.append((text, term[0][1]))
        elif at is RELATIONS and len(term) > 1:  # one side too long: before + or -, then x or /
            joined += _terms(term, columns, BREAKS, first)
        elif at is BREAKS and len(term) > 1:
            joined += _terms(term, columns, PRODUCTS, first)
        elif width(text) <= columns and "(" in text:  # whole at the margin, not "(0.10526 -" / "0.1)^2"; a list may go on
            joined.append((text, term[0][1]))
        else:
            joined += term
    return joined


def _linked(pieces: list[tuple[str, bool]], index: int) -> bool:
    """Whether the operand at `index` is followed by a spaced operator and another operand."""
    (left, _), (operator, spaced), (right, spaced_after) = pieces[index:index + 3]
    return operator in OPERATORS and spaced and spaced_after and _operand(left) and _operand(right)


def _glued(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Closing punctuation joined to the piece before, opening to the piece after. Whether a
    piece joins the one before depends on the two alone, so each glued piece is joined once."""
    starts = [index for index, (text, space) in enumerate(pieces)
              if space or not index or (text[0] not in CLOSING and pieces[index - 1][0][-1] not in OPENING)]
    if len(starts) == len(pieces):  # nothing to glue: most text
        return pieces
    ends = starts[1:] + [len(pieces)]
    return [pieces[start] if end == start + 1 else ("".join(text for text, _ in pieces[start:end]), pieces[start][1])
            for start, end in zip(starts, ends)]
