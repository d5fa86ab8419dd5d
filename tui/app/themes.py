"""The colour themes `--theme` offers: Textual's own, a light one among them (textual-light,
solarized-light, catppuccin-latte) for a projector in a bright room, and `light` and `dark`
for the app's own two: a teacher types `--theme light`, which Textual calls no theme (its
closest name, ansi-light, is the terminal's palette, not checked for contrast). The dark default and
textual-light keep every text at 4.5:1 or more against its background (tests/app/test_contrast.py).

Imported by the command line only when --theme is given, so a student's start does not pay for it.
"""

from textual.theme import BUILTIN_THEMES

THEMES = tuple(BUILTIN_THEMES)  # by name, in Textual's order
SHORT_NAMES = {"light": "textual-light", "dark": "textual-dark"}  # the two checked for contrast
NAMES = (*SHORT_NAMES, *THEMES)  # what --theme takes, the short names first
