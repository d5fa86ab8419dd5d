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

Every character still reaches the screen in the attributes it had, and each write
ends as Rich's does, with the attributes reset.
"""

import re
from functools import lru_cache

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
def same_on_blanks(shown: State, wanted: State) -> bool:
    """Whether a blank looks the same in either: the background, and what shows in an empty cell."""
    had, want = dict(shown), dict(wanted)
    if "reverse" in had or "reverse" in want:  # the foreground becomes the background
        return shown == wanted
    return all(had.get(name) == want.get(name) for name in ("bg", *SHOW_ON_BLANKS))


def fewer_bytes(data: str) -> str:
    """`data` with only the attribute changes its text needs, and no moves that go unused."""
    out: list[str] = []
    shown = wanted = PLAIN  # what the terminal has; what the next text is to be written in
    moves: list[str] = []  # cursor moves and line ends not sent yet: a move to a place replaces them
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
            out += [*moves, change(shown, wanted) if shown != wanted else "", data[match.start():]]
            return "".join(out)
        if final == "H":  # Textual addresses every run it writes, so earlier moves are spent
            moves = [token]
            continue
        if token in ("\n", "\r\n", "\r"):  # between rows; never on the bottom one, so nothing scrolls
            moves.append(token)
            continue
        out += moves
        moves = []
        blank = token[:1] == " " and not token.strip(" ")
        if shown != wanted and not (blank and same_on_blanks(shown, wanted)):
            out.append(change(shown, wanted))
            shown = wanted
        out.append(token)
    out += moves
    if shown != wanted:
        out.append(change(shown, wanted))
    return "".join(out)
