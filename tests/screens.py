"""Reading what the app has on screen, as text, in a Pilot test."""

from textual.app import App


def screen_text(app: App) -> str:
    """Every cell of the current screen (modal screens included), one line a row."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "\n".join("".join(strip.text for strip in line) for line in update.strips)


def non_ascii(text: str) -> set[str]:
    """The characters a terminal without Unicode could not show."""
    return {char for char in text if ord(char) > 126 and char != "\n"}
