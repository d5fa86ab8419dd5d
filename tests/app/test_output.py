"""The terminal output, rewritten for fewer bytes, paints exactly the same screen.

A small terminal, written here apart from the code it checks, reads both streams; every
cell must come out the same: each character in its attributes, each blank in what shows
in an empty cell.
"""

import re

import pytest
from gradstep.tui.app.output import fewer_bytes
from hypothesis import given
from hypothesis import strategies as st
from rich.color import ColorSystem
from rich.style import Style

ON = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 21: "underline2", 5: "blink", 6: "blink2",
      7: "reverse", 8: "conceal", 9: "strike", 51: "frame", 52: "encircle", 53: "overline"}
OFF = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline", "underline2"), 25: ("blink", "blink2"),
       27: ("reverse",), 28: ("conceal",), 29: ("strike",), 54: ("frame", "encircle"), 55: ("overline",)}
ON_BLANKS = ("reverse", "underline", "underline2", "strike", "frame", "encircle", "overline")


def sgr(attributes: dict, parameters: str) -> dict:
    codes = [int(code or 0) for code in parameters.split(";")]
    attributes = dict(attributes)
    while codes:
        code = codes.pop(0)
        if code == 0:
            attributes = {}
        elif code in ON:
            attributes[ON[code]] = True
        elif code in OFF:
            for name in OFF[code]:
                attributes.pop(name, None)
        elif code in (38, 48):
            kind = codes.pop(0)
            colour = tuple(codes[:1 if kind == 5 else 3])
            del codes[:len(colour)]
            attributes["fg" if code == 38 else "bg"] = colour
        elif code in (39, 49):
            attributes.pop("fg" if code == 39 else "bg", None)
        elif 30 <= code <= 37 or 90 <= code <= 97:
            attributes["fg"] = (code,)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            attributes["bg"] = (code,)
        else:
            raise AssertionError(f"SGR {code}")
    return attributes


def screen(stream: str) -> tuple[dict, dict]:
    """Every cell written, as it looks; and the attributes the stream leaves behind."""
    cells, attributes, y, x = {}, {}, 0, 0
    for match in re.finditer(r"\x1b\[([0-9;]*)([A-Za-z])|\r|\n|[^\x1b]", stream):
        token, parameters, final = match.group(0), match.group(1), match.group(2)
        if final == "m":
            attributes = sgr(attributes, parameters)
        elif final == "H":
            y, x = (int(n) - 1 for n in parameters.split(";"))
        elif token == "\r":
            x = 0
        elif token == "\n":
            y += 1
        else:
            looks = attributes
            if token == " " and not attributes.get("reverse"):
                looks = {name: value for name, value in attributes.items() if name == "bg" or name in ON_BLANKS}
            cells[y, x] = token, sorted(looks.items())
            x += 1
    return cells, attributes


colours = st.one_of(st.none(), st.sampled_from(["red", "bright_green", "color(17)", "color(253)", "#20a0ff"]))
styles = st.builds(Style, color=colours, bgcolor=colours, bold=st.booleans(), dim=st.booleans(),
                   italic=st.booleans(), underline=st.booleans(), reverse=st.booleans(), strike=st.booleans())
texts = st.sampled_from([" ", "   ", "x", "0.42 ", " w1 ", "   a b", "⠳⡀"])
runs = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 30), st.lists(st.tuples(texts, styles), max_size=6)),
                min_size=1, max_size=6)


def as_textual_writes(written, system: ColorSystem) -> str:
    """What Textual writes: a move to each run, each segment set, written and reset, rows apart."""
    return "\n".join(f"\x1b[{y + 1};{x + 1}H" + "".join(style.render(text, color_system=system)
                                                        for text, style in segments)
                     for y, x, segments in written)


@given(runs, st.sampled_from([ColorSystem.STANDARD, ColorSystem.EIGHT_BIT, ColorSystem.TRUECOLOR]))
@pytest.mark.slow  # many steps or examples: in CI, not the everyday loop
def test_every_cell_looks_the_same(written, system):
    stream = as_textual_writes(written, system)
    assert screen(fewer_bytes(stream)) == screen(stream)


def test_a_panel_line_costs_a_fraction_of_the_codes():
    padding, label, value = Style.parse("on color(233)"), Style.parse("bold color(253) on color(233)"), \
        Style.parse("color(253) on color(233)")
    line = [(" ", padding), ("weight    ", label), (" ", label), ("0.400363        ", value), ("         ", padding)]
    stream = as_textual_writes([(2, 0, line)], ColorSystem.EIGHT_BIT)
    shorter = fewer_bytes(stream)
    assert screen(shorter) == screen(stream)
    assert len(shorter) < 0.6 * len(stream)


def test_what_it_does_not_know_passes_as_it_is():
    stream = "\x1b[?1049h\x1b[1;1H\x1b[1mA\x1b[0m\x1b]0;title\x07\x1b[4:3mwavy\x1b[0m\x1b[2J"
    shorter = fewer_bytes(stream)
    assert shorter.endswith("\x1b]0;title\x07\x1b[4:3mwavy\x1b[0m\x1b[2J")  # from the first colon on, untouched
    assert shorter.startswith("\x1b[?1049h\x1b[1;1H\x1b[1mA")
