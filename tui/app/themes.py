"""The colour themes `--theme` offers: Textual's own, a light one among them (textual-light,
solarized-light, catppuccin-latte) for a projector in a bright room. The dark default and
textual-light keep every text at 4.5:1 or more against its background (tests/app/test_contrast.py).

Imported by the command line only when --theme is given, so a student's start does not pay for it.
"""

from textual.theme import BUILTIN_THEMES

THEMES = tuple(BUILTIN_THEMES)  # by name, in Textual's order
