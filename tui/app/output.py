"""The same picture in fewer bytes: what gradstep writes to the terminal, rewritten on its way out.

Half of what a step sent was colour codes. Rich writes each run of text as "set every
attribute, the text, reset", so a line of three colours costs three full settings and
three resets, and the blanks that pad a panel get a colour of their own. The terminal
only needs to hear what changes: this keeps track of the attributes the terminal has
and the ones the next text wants, and sends the difference just before text that
needs it. A blank needs only its background (and whatever else marks an empty cell:
reverse, the lines drawn through or under it), so padding costs no codes at all. The
line feeds Textual puts between rows it then addresses directly, and a cursor move
that the next one replaces, are dropped too.

Textual's own unit of repainting is a widget's line, from the widget's left edge, and a
widget that was resized is painted twice: a step that moved two digits and a marker
resent whole lines of the chart and the key bar. So the writer also keeps what each cell
of the terminal shows (`Cells`), as the stream told it, and leaves out every character
the terminal already shows in the same attributes, moving the cursor over the gap (or
writing the few characters of a short gap again, where that is shorter). Whatever it
cannot follow (a control sequence other than a move or attributes, a control character,
a line feed without a move after it, a resize the driver reports) makes it forget what
it knew, so the next frame is sent whole, as Textual wrote it.

Every character still reaches the screen in the attributes it had, and each write
ends as Rich's does, with the attributes reset.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

# One token of terminal output: a control sequence (its parameters, intermediates and final
# byte), a string sequence (OSC, DCS, ...), another escape, a line end, or a run of text.
TOKENS = re.compile(
    r"\x1b\[([0-?]*)([ -/]*)([@-~])"
    r"|\x1b[P\]X^_][\s\S]*?(?:\x07|\x1b\\)"
    r"|\x1b[\s\S]?"
    r"|\r?\n|\r"
    r"|[^\x1b\r\n]+"
)
SGR_PARAMETERS = re.compile(r"[0-9;]*")  # plain SGR; with colons or a private marker, the rest goes as it is

# Attributes that come and go together: codes that set them, and the code that clears them.
GROUPS = {
    "intensity": ({1, 2}, 22), "italic": ({3}, 23), "underline": ({4, 21}, 24), "blink": ({5, 6}, 25),
    "reverse": ({7}, 27), "conceal": ({8}, 28), "strike": ({9}, 29), "frame": ({51, 52}, 54),
    "overline": ({53}, 55),
}
GROUP_OF = {code: name for name, (codes, _) in GROUPS.items() for code in codes}
CLEARS = {clear: name for name, (_, clear) in GROUPS.items()}
SHOW_ON_BLANKS = ("reverse", "underline", "strike", "frame", "overline")  # visible in an empty cell

State = frozenset  # of (group, frozenset of codes) and ("fg" or "bg", a colour's codes as text)
PLAIN: State = frozenset()  # the terminal's own attributes, after a reset


@lru_cache(maxsize=4096)
def apply(state: State, parameters: str) -> State | None:
    """The attributes after an SGR sequence with `parameters`; None for codes this does not know."""
    attributes = dict(state)
    codes = [int(code) if code else 0 for code in parameters.split(";")]
    i = 0
    while i < len(codes):
        code = codes[i]
        if code == 0:
            attributes = {}
        elif code in GROUP_OF:
            group = GROUP_OF[code]
            attributes[group] = attributes.get(group, frozenset()) | {code}
        elif code in CLEARS:
            attributes.pop(CLEARS[code], None)
        elif code in (38, 48):  # 256 colours (5;n) or true colour (2;r;g;b)
            length = {5: 3, 2: 5}.get(codes[i + 1]) if i + 1 < len(codes) else None
            if length is None or i + length > len(codes):
                return None
            attributes["fg" if code == 38 else "bg"] = ";".join(map(str, codes[i:i + length]))
            i += length - 1
        elif code in (39, 49):
            attributes.pop("fg" if code == 39 else "bg", None)
        elif 30 <= code <= 37 or 90 <= code <= 97:
            attributes["fg"] = str(code)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            attributes["bg"] = str(code)
        else:
            return None
        i += 1
    return frozenset(attributes.items())


@lru_cache(maxsize=4096)
def change(shown: State, wanted: State) -> str:
    """The shortest SGR sequence that turns the terminal's `shown` attributes into `wanted`."""
    had_all, want_all = dict(shown), dict(wanted)
    codes = []
    for name, (_, clear) in GROUPS.items():
        had, want = had_all.get(name, frozenset()), want_all.get(name, frozenset())
        if had == want:
            continue
        if had - want:  # one code clears the whole group: clear it, then set what stays
            codes.append(str(clear))
            codes += [str(code) for code in sorted(want)]
        else:
            codes += [str(code) for code in sorted(want - had)]
    for key, reset in (("fg", "39"), ("bg", "49")):
        if had_all.get(key) != want_all.get(key):
            codes.append(want_all.get(key, reset))
    afresh = ["0"]  # or reset, then set everything wanted
    for name in GROUPS:
        afresh += [str(code) for code in sorted(want_all.get(name, ()))]
    afresh += [want_all[key] for key in ("fg", "bg") if key in want_all]
    if len(";".join(afresh)) < len(";".join(codes)):
        codes = afresh
    return f"\x1b[{';'.join(codes)}m"


@lru_cache(maxsize=4096)
def blank_look(state: State) -> State:
    """What shows of `state` in an empty cell: the background, and whatever else marks one
    (reverse, the lines drawn through or under it). Two blanks look alike when this is equal."""
    if any(name == "reverse" for name, _ in state):  # the foreground becomes the background
        return state
    return frozenset((name, value) for name, value in state if name in ("bg", *SHOW_ON_BLANKS))


# Modes that change neither what the cells show nor where the cursor is: the cursor shown or
# hidden, synchronized output, mouse and focus reports, bracketed paste.
HARMLESS_MODES = frozenset({"?25", "?2026", "?1000", "?1002", "?1003", "?1004", "?1006", "?1015", "?1016", "?2004"})
TAIL = ("", PLAIN)  # the right half of a double-width character, in the cell after it
Cell = tuple[str, State]  # a character and how it looks (blank_look for a space)


KNOWN_CELLS: dict[Cell, Cell] = {}  # one tuple for each character and look met so far
MOST_KNOWN_CELLS = 4096  # then start again: the screens' own hold their tuples


def cell_of(character: str, look: State) -> Cell:
    """One tuple for each character and look: a screen holds a few hundred of them in its
    1,920 cells, and a tuple a cell (160 KB a process; an lru_cache's links over them, 66
    KB more) was most of what a classroom of 30 sessions grew by when the driver began to
    keep them."""
    if len(KNOWN_CELLS) >= MOST_KNOWN_CELLS:
        KNOWN_CELLS.clear()
    pair = (character, look)
    return KNOWN_CELLS.setdefault(pair, pair)


class Cells:
    """What the terminal shows, cell by cell, as far as what went through `rewrite` told it.

    One a terminal: a write leaves out the characters the terminal already shows, so this
    must have seen every byte the terminal was sent since it last forgot.
    """

    def __init__(self) -> None:
        self.rows: dict[int, list[Cell | None]] = {}  # a row's cells by column; None or absent: not known
        self.cursor: tuple[int, int] | None = None  # where the terminal's cursor is; None: not known
        self.size: tuple[int, int] | None = None  # the terminal's columns and rows; None: not known

    def forget(self, size: tuple[int, int] | None = None) -> None:
        """The terminal's cells are no longer known (output this does not follow, or a
        resize to `size`: a frame laid out for the size before may run past the new edge,
        where the terminal keeps the cursor on the last row and column and writes there)."""
        self.rows.clear()
        self.cursor = None
        if size is not None:
            self.size = size

    def rewrite(self, data: str) -> str:
        """`data` with only the attribute changes its text needs, no moves that go unused,
        and none of the characters the terminal already shows."""
        out: list[str] = []
        shown = wanted = PLAIN  # what the terminal has; what the next text is to be written in
        moves: list[str] = []  # line ends not sent yet: a move to a place replaces them
        at: tuple[int, int] | None = None  # where the stream's next character goes; None: not known
        for match in TOKENS.finditer(data):
            token = match.group(0)
            parameters, intermediates, final = match.group(1, 2, 3)
            if final == "m":
                plain = not intermediates and SGR_PARAMETERS.fullmatch(parameters)
                state = apply(wanted, parameters) if plain else None
                if state is not None:
                    wanted = state
                    continue
                # An attribute this does not track: send the rest as it is, from where Rich's stream is.
                if at is not None:
                    self._place(at, out)
                out += [*moves, change(shown, wanted) if shown != wanted else "", data[match.start():]]
                self.forget()
                return "".join(out)
            if final == "H":  # Textual addresses every run it writes, so earlier moves are spent
                row, _, column = parameters.partition(";")
                at = (int(row or 1) - 1, int(column or 1) - 1)
                moves = []
                continue
            if token in ("\n", "\r\n", "\r"):  # between rows; never on the bottom one, so nothing scrolls
                moves.append(token)
                continue
            if (final is None and token[:1] != "\x1b" and token.isprintable() and not moves and at is not None
                    and self._inside(at, token)):
                at, shown = self._text(token, at, shown, wanted, out)
                continue
            if final in ("h", "l") and parameters in HARMLESS_MODES:
                out.append(token)
                continue
            # Anything else: sent as it comes, after what came before it; what the terminal shows is no longer known.
            if at is not None:
                self._place(at, out)
            out += moves
            moves, at = [], None
            if shown != wanted:
                out.append(change(shown, wanted))
                shown = wanted
            out.append(token)
            self.forget()
        if at is not None:  # where Textual leaves the cursor
            self._place(at, out)
        out += moves
        if moves:  # line ends last: not Textual's way, and one on the bottom row scrolls
            self.forget()
        if shown != wanted:
            out.append(change(shown, wanted))
        return "".join(out)

    def _inside(self, at: tuple[int, int], text: str) -> bool:
        """Whether `text` written at `at` stays on the screen: past its edge the terminal
        keeps writing in the last row and column, where this would not follow it."""
        return self.size is None or (at[0] < self.size[1] and at[1] + cell_len(text) <= self.size[0])

    def _place(self, at: tuple[int, int], out: list[str]) -> None:
        """Move the terminal's cursor to `at`, if it is not there."""
        if self.cursor != at:
            out.append(f"\x1b[{at[0] + 1};{at[1] + 1}H")
            self.cursor = at

    def _text(self, token: str, at: tuple[int, int], shown: State, wanted: State,
              out: list[str]) -> tuple[tuple[int, int], State]:
        """Write `token` at `at` in `wanted`, leaving out what the terminal shows already;
        where the next character goes, and the attributes the terminal has after."""
        y, x = at
        look, blanks = wanted, blank_look(wanted)
        widths = None if token.isascii() else [get_character_cell_size(character) for character in token]
        if widths is not None and 0 in widths:  # a combining mark changes the cell before it: not followed
            self._place(at, out)
            if shown != wanted:
                out.append(change(shown, wanted))
            out.append(token)
            self.forget()
            return (y, x + sum(widths)), wanted
        cells = [cell_of(character, blanks if character == " " else look) for character in token]
        row = self.rows.setdefault(y, [])
        if widths is None or all(width == 1 for width in widths):
            return (y, x + len(cells)), self._cell_a_character(token, cells, row, y, x, shown, wanted, out)
        if len(row) < x + sum(widths) + 1:
            row.extend([None] * (x + sum(widths) + 1 - len(row)))
        for cell, width in zip(cells, widths):
            if row[x] == cell and (width == 1 or row[x + 1] == TAIL):
                x += width
                continue
            shown = self._write(cell[0], [cell], row, y, x, width, shown, wanted, out)
            x += width
        return (y, x), shown

    def _cell_a_character(self, token: str, cells: list[Cell], row: list[Cell | None], y: int, x: int,
                          shown: State, wanted: State, out: list[str]) -> State:
        """`_text` for a run whose every character takes one cell: the runs of cells that
        differ written whole, the rest passed over; the attributes the terminal has after."""
        end = x + len(cells)
        if len(row) < end + 1:
            row.extend([None] * (end + 1 - len(row)))
        if row[x:end] == cells:
            return shown
        i, count = 0, len(cells)
        while i < count:
            if row[x + i] == cells[i]:
                i += 1
                continue
            j = i + 1
            while j < count and row[x + j] != cells[j]:
                j += 1
            shown = self._write(token[i:j], cells[i:j], row, y, x + i, j - i, shown, wanted, out)
            i = j
        return shown

    def _write(self, text: str, cells: list[Cell], row: list[Cell | None], y: int, x: int, width: int,
               shown: State, wanted: State, out: list[str]) -> State:
        """Send `text` (`cells`, `width` cells) to (y, x) and note it; the attributes the terminal has after."""
        self._go_to(row, y, x, shown, out)
        if shown != wanted and not (not text.strip(" ") and blank_look(shown) == cells[0][1]):
            out.append(change(shown, wanted))
            shown = wanted
        out.append(text)
        if row[x] == TAIL and x > 0:  # on the right half of a double-width one: the terminal blanks it whole
            row[x - 1] = None
        last = x + width - 1
        if row[last] is not None and row[last] != TAIL and row[last + 1] == TAIL:  # on its left half
            row[last + 1] = None
        if len(cells) == width:
            row[x:x + width] = cells
        else:  # one double-width character
            row[x], row[x + 1] = cells[0], TAIL
        self.cursor = (y, x + width)
        return shown

    def _go_to(self, row: list[Cell | None], y: int, x: int, shown: State, out: list[str]) -> None:
        """Bring the cursor to (y, x) by the shortest way: a move, a move along the row, or
        writing again the few cells it would pass over, where they already look as `shown` writes them."""
        cursor = self.cursor
        if cursor == (y, x):
            return
        move = f"\x1b[{y + 1};{x + 1}H"
        if cursor is not None and cursor[0] == y and cursor[1] < x:
            gap = x - cursor[1]
            forward = f"\x1b[{gap}C" if gap > 1 else "\x1b[C"
            if len(forward) < len(move):
                move = forward
            if gap < len(move):
                again = row[cursor[1]:x]
                blanks = blank_look(shown)
                if all(cell is not None and cell[0].isascii() and cell[0]
                       and cell[1] == (blanks if cell[0] == " " else shown) for cell in again):
                    move = "".join(cell[0] for cell in again)  # type: ignore[index]
        out.append(move)
        self.cursor = (y, x)
