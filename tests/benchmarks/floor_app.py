"""The floor: the smallest app on gradstep's stack, to measure gradstep against.

Textual + textual-plotext + NumPy, a full-width chart of a parabola with one moving
point, a status line and a footer, one step per space, written plainly: Textual's own
Footer, the garbage collector left as it is. The benchmark reports gradstep's figures as
multiples of these. gradstep starts no slower than this because it does neither: its
key bar is one widget, and it freezes what importing Textual made (without those two
it started at 1.2-1.3x).

    python floor_app.py [--start N]     # N: the step to start at (for "after 10,000 steps")
"""

import argparse

import numpy as np
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

CURVE_X = np.linspace(-2.0, 2.0, 161)
CURVE_Y = CURVE_X**2


class Parabola(PlotextPlot):
    """y = x^2 with the learner's point on it."""

    step = reactive(0)

    def watch_step(self, step: int) -> None:
        x = 2.0 * 0.9**step
        plt = self.plt
        plt.clear_data()
        plt.plot(CURVE_X.tolist(), CURVE_Y.tolist(), marker="braille", color="cyan")
        plt.scatter([x], [x * x], marker="@", color="red")
        plt.xlim(-2.0, 2.0)
        plt.ylim(0.0, 4.0)
        self.refresh()


class FloorApp(App):
    CSS = "Parabola { height: 1fr; } #status { height: 1; }"
    BINDINGS = [Binding("space", "step", "step"), Binding("q", "quit", "quit")]
    step = reactive(0)

    def __init__(self, start: int) -> None:
        super().__init__()
        self.set_reactive(FloorApp.step, start)

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Parabola().data_bind(FloorApp.step)
        yield Footer()

    def watch_step(self, step: int) -> None:
        self.query_one("#status", Static).update(f"step {step}")

    def on_mount(self) -> None:
        self.watch_step(self.step)
        self.query_one(Parabola).theme = "pro"

    def action_step(self) -> None:
        self.step += 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--start", type=int, default=0)
    FloorApp(parser.parse_args().start).run(mouse=False)
