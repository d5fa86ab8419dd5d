"""Keys read together are handled in turn: each where it goes, to the end, before the next.

Over SSH several keys come in one read, and the App has them all queued before it handles
the first. Textual's App takes a key from its queue and, when no priority binding claims
it, forwards it to the focused widget (or the screen) and takes the next key at once; the
forwarded one is handled later, down there, or comes back up to the App for the bindings
of the screen and the widget. So a key overtook the one before it: Backspace then "4" in
the editor typed the "4" and then deleted it (an Input types a character itself but
deletes only once the key is back at the App: Textual issue #6605), and "q" then "b" on
the help reached the help both. And a key reached a screen that was not ready: the answer
read with the step that asked the question arrived before the question had its box.

So a key that leaves the App is followed down by a marker, which takes the same way up;
the keys behind it wait until the marker is back. And a key waits for the screen opened
before it to be mounted (its first field focused). Keys the lesson's bindings take, which
never leave the App, still go one after another without waiting: a burst of steps is no
slower.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.message import Message

from .app_part import AppPart


class KeyPassed(Message):
    """Follows a forwarded key to where it went and up again: the key is handled once this
    is back at the App (messages reach each widget, and its parent, in the order sent)."""


class KeysInTurn(AppPart):
    """An App mixin: keys (and pastes) are handled one after another, each to the end."""

    def prepare_keys(self) -> None:
        self._keys_waiting: deque[events.Key | events.Paste] = deque()  # read, not yet handled
        self._key_on_its_way = False  # a key left the App and its marker is not back yet
        self._screen_opening = None  # the AwaitMount of the screen pushed last

    def push_screen(self, screen, callback=None, wait_for_dismiss=False, *, mode=None):
        """Textual's push_screen; the next key waits until the screen is mounted."""
        opening = super().push_screen(screen, callback, wait_for_dismiss, mode=mode)
        if not wait_for_dismiss:
            self._screen_opening = opening
        return opening

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            await super().on_event(event)
            return
        self._keys_waiting.append(event)
        if not self._key_on_its_way:
            await self._next_key()

    async def _next_key(self) -> None:
        """Handle the first key waiting; if it leaves the App, the rest wait for its marker."""
        key = self._keys_waiting.popleft()
        if self._screen_opening is not None:
            opening, self._screen_opening = self._screen_opening, None
            await opening
        await super().on_event(key)
        if key.is_forwarded:  # to the focused widget or the screen: follow it
            self._key_on_its_way = (self.focused or self.screen).post_message(KeyPassed())
        elif self._keys_waiting:  # one key a message, so what a key left to do next runs first
            self._key_on_its_way = self.post_message(KeyPassed())
        if self._keys_waiting and not self._key_on_its_way:
            await self._next_key()

    async def on_key_passed(self, message: KeyPassed) -> None:
        message.stop()
        self._key_on_its_way = False
        if self._keys_waiting:
            await self._next_key()
