"""The keys: all printable, since Escape and arrows break over slow SSH.

Most useful first: at 80 columns the key bar has room up to m, e on wider screens. The
chart view, the exact digits, the export and the play speed are listed by `?` (and in
the README's table); the bar offers g, e, x, f, z, v and w where the screen needs them
(key_bar.needed), and always ? and q, and l where it would work (the way on).
"""

from __future__ import annotations

from textual.binding import Binding

from ...core.limits import WEIGHT_KEYS
from ..words.catalogue import SENTENCE_KEYS
from ..words.language import LANGUAGES, following
from ..words.say import say

# (key, action, description key, what the key bar shows for the key, its group)
IN_HELP_ONLY = ("view", "exact", "page", "export", "freeze", "speed(-1)", "speed(1)")  # actions not on the key bar
KEYS = (
    ("space", "step", "key.step", "space", None),
    ("b", "back", "key.back", "b", None),
    ("0", "reset", "key.reset", "0", None),  # 0: back to iteration 0 (r is the factor the panels show)
    ("plus", "rate(1)", "key.alpha_up", "+", "key.alpha"),
    ("minus", "rate(-1)", "key.alpha_down", "-", "key.alpha"),
    ("p", "play", "key.play", "p", None),
    ("t", "predict", "key.predict", "t", None),
    ("l", "lessons", "key.lessons", "l", None),
    ("question_mark", "help", "key.help", "?", None),
    ("q", "quit", "key.quit", "q", None),
    ("m", "rule", "key.rule", "m", None),
    ("g", "language", "key.language", "g", None),
    ("e", "edit", "key.edit", "e", None),
    ("v", "view", "key.view", "v", None),
    ("f", "exact", "key.exact", "f", None),
    ("w", "page", "key.page", "w", None),
    ("x", "export", "key.export", "x", None),
    ("z", "freeze", "key.freeze", "z", None),  # z: freeze (f is taken by the exact digits)
    ("left_square_bracket", "speed(-1)", "key.slower", "[", "key.speed"),
    ("right_square_bracket", "speed(1)", "key.faster", "]", "key.speed"),
)
ALIASES = (("n", "step"), ("equals_sign", "rate(1)"), ("underscore", "rate(-1)"))  # n steps; = is + unshifted


def key_name(language: str, binding: Binding) -> str:
    """How the key bar and the help name a binding's key: in the reader's words where the
    catalogue has them (space is 空格 in Chinese), else as the key shows."""
    word = f"keyname.{binding.key}"
    return say(language, word) if word in SENTENCE_KEYS else binding.key_display or binding.key


def described(language: str, description: str, ascii_only: bool) -> str:
    """What a binding does, as the key bar says it: its sentence, but for g the name of the
    language it switches to in that language's own words ("中文"), so that a reader lost
    in a language they cannot read still finds their own."""
    if description == "key.language":
        return LANGUAGES[following(language, ascii_only)].name
    return say(language, description)


def key_bindings() -> list[Binding]:
    """Every binding; its description, and its group's, is a message key of the catalogue.

    The words are said where they are shown (the key bar, the help), in the language of
    the moment, so the bindings never change. On an ASCII-only terminal the language key,
    whose description is in Chinese characters, is hidden by the App's check_action.

    Every key of the lesson is a priority binding: the App handles each as it arrives,
    without handing it to the screen and back, which costs as much again as a step (and
    makes the keys behind it wait their turn: in_turn.py). A screen over the lesson (the
    help, a question) gets its keys: the App's run_action leaves them to it.
    """
    groups = {group: Binding.Group(group) for *_, group in KEYS if group is not None}
    bindings = [
        Binding(key, action, description, key_display=shown, id=description.removeprefix("key."),
                group=None if group is None else groups[group], show=action not in IN_HELP_ONLY, priority=True)
        for key, action, description, shown, group in KEYS
    ]
    bindings += [Binding(key, action, show=False, priority=True) for key, action in ALIASES]
    bindings += [Binding(str(n), f"select({n - 1})", show=False, priority=True) for n in range(1, WEIGHT_KEYS + 1)]
    return bindings
