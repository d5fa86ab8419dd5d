"""The keys, in the student's language: all printable, since Escape and arrows break over slow SSH.

Most useful first: at 80 columns the key bar has room up to m, e on wider screens. The
chart view, the exact digits, the export and the play speed are listed by `?` (and in
the README).
"""

from textual.binding import Binding

from ..words.say import say

# (key, action, description key, what the key bar shows for the key, its group)
IN_HELP_ONLY = ("view", "exact", "page", "export", "speed(-1)", "speed(1)")  # actions not on the key bar
KEYS = (
    ("space", "step", "key.step", "space", None),
    ("b", "back", "key.back", "b", None),
    ("0", "reset", "key.reset", "0", None),  # 0: back to iteration 0 (r is the factor the panels show)
    ("plus", "rate(1)", "key.alpha_up", "+", "key.alpha"),
    ("minus", "rate(-1)", "key.alpha_down", "-", "key.alpha"),
    ("p", "play", "key.play", "p", None),
    ("l", "lessons", "key.lessons", "l", None),
    ("question_mark", "help", "key.help", "?", None),
    ("q", "quit", "key.quit", "q", None),
    ("g", "language", "key.language", "g", None),
    ("m", "rule", "key.rule", "m", None),
    ("e", "edit", "key.edit", "e", None),
    ("v", "view", "key.view", "v", None),
    ("f", "exact", "key.exact", "f", None),
    ("w", "page", "key.page", "w", None),
    ("x", "export", "key.export", "x", None),
    ("left_square_bracket", "speed(-1)", "key.slower", "[", "key.speed"),
    ("right_square_bracket", "speed(1)", "key.faster", "]", "key.speed"),
)
ALIASES = (("n", "step"), ("equals_sign", "rate(1)"), ("underscore", "rate(-1)"))  # n steps; = is + unshifted
WEIGHT_KEYS = 9  # 1..9 choose the weight the chart follows


def key_bindings(language: str) -> list[Binding]:
    """Every binding, its description in `language`.

    On an ASCII-only terminal the language key, whose description is in Chinese
    characters, is hidden by the App's check_action.
    """
    groups = {group: Binding.Group(say(language, group))
              for *_, group in KEYS if group is not None}
    bindings = [
        Binding(key, action, say(language, description), key_display=shown,
                id=description.removeprefix("key."), group=groups.get(group), show=action not in IN_HELP_ONLY)
        for key, action, description, shown, group in KEYS
    ]
    bindings += [Binding(key, action, show=False) for key, action in ALIASES]
    bindings += [Binding(str(n), f"select({n - 1})", show=False) for n in range(1, WEIGHT_KEYS + 1)]
    return bindings
