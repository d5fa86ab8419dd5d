"""The terminal output, rewritten for fewer bytes, paints exactly the same screen.

A small terminal, written here apart from the code it checks, reads both streams; every
cell must come out the same: each character in its attributes, each blank in what shows
in an empty cell. Frames written one after another through one `Cells` leave out what
the terminal shows already, so they are read one after another too.
"""

import re
import unicodedata

import pytest
from gradstep.tui.app.output import Cells
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
        elif final == "C":
            x += int(parameters or 1)
        elif token == "\r":
            x = 0
        elif token == "\n":
            y += 1
        else:
            looks = attributes
            if token == " " and not attributes.get("reverse"):
                looks = {name: value for name, value in attributes.items() if name == "bg" or name in ON_BLANKS}
            width = 2 if unicodedata.east_asian_width(token) in "WF" else 1
            if cells.get((y, x)) == TAIL:  # half of a double-width character written over: it is gone
                cells.pop((y, x - 1), None)
            if cells.get((y, x + width)) == TAIL:
                cells.pop((y, x + width), None)
            cells[y, x] = token, sorted(looks.items())
            if width == 2:
                cells[y, x + 1] = TAIL
            x += width
    return cells, attributes


TAIL = ("right half", [])


colours = st.one_of(st.none(), st.sampled_from(["red", "bright_green", "color(17)", "color(253)", "#20a0ff"]))
styles = st.builds(Style, color=colours, bgcolor=colours, bold=st.booleans(), dim=st.booleans(),
                   italic=st.booleans(), underline=st.booleans(), reverse=st.booleans(), strike=st.booleans())
texts = st.sampled_from([" ", "   ", "x", "0.42 ", " w1 ", "   a b", "⠳⡀", "学习率", "a中"])
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
    assert screen(Cells().rewrite(stream)) == screen(stream)


def test_a_panel_line_costs_a_fraction_of_the_codes():
    padding, label, value = Style.parse("on color(233)"), Style.parse("bold color(253) on color(233)"), \
        Style.parse("color(253) on color(233)")
    line = [(" ", padding), ("weight    ", label), (" ", label), ("0.400363        ", value), ("         ", padding)]
    stream = as_textual_writes([(2, 0, line)], ColorSystem.EIGHT_BIT)
    shorter = Cells().rewrite(stream)
    assert screen(shorter) == screen(stream)
    assert len(shorter) < 0.6 * len(stream)


def test_what_it_does_not_know_passes_as_it_is():
    stream = "\x1b[?1049h\x1b[1;1H\x1b[1mA\x1b[0m\x1b]0;title\x07\x1b[4:3mwavy\x1b[0m\x1b[2J"
    shorter = Cells().rewrite(stream)
    assert shorter.endswith("\x1b]0;title\x07\x1b[4:3mwavy\x1b[0m\x1b[2J")  # from the first colon on, untouched
    assert shorter.startswith("\x1b[?1049h\x1b[1;1H\x1b[1mA")


@given(st.lists(runs, min_size=1, max_size=5), st.sampled_from([ColorSystem.STANDARD, ColorSystem.EIGHT_BIT]))
@pytest.mark.slow  # many steps or examples: in CI, not the everyday loop
def test_frames_written_in_turn_paint_the_same_screen(frames, system):
    """What one frame left on the screen is passed over in the next, never lost or misplaced."""
    cells = Cells()
    streams = [as_textual_writes(written, system) for written in frames]
    assert screen("".join(cells.rewrite(stream) for stream in streams)) == screen("".join(streams))


def test_a_frame_sends_only_the_cells_that_changed():
    padding, label, value = Style.parse("on color(233)"), Style.parse("bold color(253) on color(233)"), \
        Style.parse("color(253) on color(233)")

    def line(weight: str) -> str:
        segments = [(" ", padding), ("weight    ", label), (" ", label), (f"{weight:<16}", value), (" " * 9, padding)]
        return as_textual_writes([(2, 0, segments)], ColorSystem.EIGHT_BIT) + "\x1b[1;1H"

    cells = Cells()
    first = cells.rewrite(line("0.400363"))
    assert "weight" in first
    assert cells.rewrite(line("0.400363")) == ""  # the same picture again: nothing to send
    second = cells.rewrite(line("0.400871"))
    assert screen(first + second) == screen(line("0.400363") + line("0.400871"))
    assert re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", second) == "871"  # the digits that changed, and moves
    cells.rewrite("\x1b[2J")  # a control sequence it does not follow: it no longer knows the screen
    assert "weight" in cells.rewrite(line("0.400871"))
    cells.forget((30, 24))  # resized to 30 columns: the line runs past the edge, where the terminal
    assert "weight" in cells.rewrite(line("0.400871"))  # writes in the last column; sent as it is
    assert "weight" in cells.rewrite(line("0.400871"))  # and not followed, so sent again


@pytest.mark.slow  # the App's step beside the everyday unit tests of the cells it sends (this file): in CI
async def test_a_step_sends_only_what_it_changed():
    """A step in hot and cold changes some digits, a marker and a few log rows: the lesson's
    name, the chart's frame, the labels and the key bar stay on the terminal, not sent again;
    what is sent paints the screen the App shows.

    The frames Textual hands its driver, through gradstep's driver (a headless App draws none)."""
    from gradstep.tui.app.driver import MOST_MEASURED, gradsteps_driver
    from rich.cells import cached_cell_len, cell_len
    from textual._compositor import CompositorUpdate
    from textual.drivers.headless_driver import HeadlessDriver

    from ..helpers import SIZE, app_for, screen_text, settle

    class Recording(HeadlessDriver):
        def write(self, data: str) -> None:
            written.append(data)

    written: list[str] = []
    app = app_for("hot-cold")
    async with app.run_test(size=SIZE) as pilot:
        driver = gradsteps_driver(Recording)(app)
        given: list[str] = []

        def display(screen_, update) -> None:
            if isinstance(update, CompositorUpdate):
                given.append(update.render_segments(app.console) + "\x1b[1;1H")
                driver.write(given[-1])

        app._display = display
        app.screen.refresh()  # the whole first screen, through the driver
        await settle(pilot)
        for _ in range(4):
            await pilot.press("space")
            await settle(pilot)
        given.clear()
        sent = len(written)
        for number in range(MOST_MEASURED + 1):  # Rich holds more measured widths than a screen needs
            cell_len(f"weight {number}")
        await pilot.press("space")
        await settle(pilot)
        assert cached_cell_len.cache_info().currsize < MOST_MEASURED  # the frame's write let them go
        step = "".join(written[sent:])
        (shown, _), text = screen("".join(written)), screen_text(app).splitlines()
        assert len(shown) == SIZE[0] * SIZE[1]  # every cell written, from the first screen on
        assert all(character == text[y][x] for (y, x), (character, _) in shown.items() if character != TAIL[0])
        characters = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", step)
        assert [part for part in ("Hot and cold", "space step", "weight", "┌", "└") if part in characters] == []
        assert len(characters) < 0.5 * len(re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", "".join(given)))
