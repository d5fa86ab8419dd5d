"""How the app ends: the session saved whatever the way out, and the terminal given back.

A student leaves with q, but also with Ctrl-C sent as a signal (SIGINT), a dropped link
(SIGHUP) or a machine shutting down (SIGTERM); each saves. A signal is handled between
two lines of Python while the event loop may be asleep in select(), so the exit is handed
to the loop thread-safely, which wakes it; Textual then restores the terminal as usual.
If it cannot within a grace (a dead link can block every write; after a hang-up the grace
is short, for nobody is there), the process puts the terminal's modes back itself, as far
as it can without blocking, and goes.

Ctrl-Z suspends like any terminal program and `fg` redraws; so does Ctrl-L. SIGSTOP cannot
be caught: after it, SIGCONT finds Textual still in application mode, and its own handler would
start a second input thread that keeps the process alive after q; here the application
mode is left and entered again instead, which also puts back whatever the shell did to
the terminal meanwhile. A crash writes its traceback to a file and saves the session.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import signal
import socket
import sys
import termios
import threading
from functools import partial
from pathlib import Path
from types import FrameType

from ...core.saving import save
from ..files.places import VIEW_SETTINGS, write_crash_report
from ..compat import CrashHooks, app_driver
from .app_part import AppPart

# What Textual's driver writes when it leaves application mode: the keyboard protocol,
# mouse, focus and paste reports off, line wrap on, the main screen and the cursor back.
RESTORE_TERMINAL = ("\x1b[<u\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2004l\x1b[?7h"
                    "\x1b[?1049l\x1b[?25h\x1b[?1004l")
INTERRUPTED = 130  # the status of a program ended by Ctrl-C (128 + SIGINT)
WAYS_OUT = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)  # the signals that end a session, saving it


class Ending(CrashHooks, AppPart):
    """Mixed into the App: its ways out, each of which saves, and suspending it."""

    SIGNAL_GRACE = 3.0  # seconds to exit cleanly after SIGTERM or SIGINT, before forcing it
    HANG_UP_GRACE = 1.0  # the same after a hang-up: nobody waits for the terminal, a class may wait for the machine

    def prepare_ending(self, save_path: Path | None, not_saving: object, real: bool) -> None:
        """Where the session goes; `real`: a student's run (signals, crash reports), not a test's."""
        self.save_path = save_path  # where the session goes on quit, signal or crash; None: nowhere
        self.real = real
        self.save_error: object = "" if save_path or not real else not_saving  # why it was not saved
        self.saved = False  # whether the session was saved, for the line printed after exit
        self.ended = False  # whether a way out has run (saving, handing in), seen or not
        self.hung_up = False  # the terminal is gone: print nothing more
        self.crashed: BaseException | None = None  # the error, if the app crashed
        self.crash_report: Path | None = None  # its traceback's file
        self.crash_unwritten = ""  # why no file could take it
        self._leaving = False  # a signal arrived: a second one changes nothing
        self._suspended = False  # Ctrl-Z (SIGTSTP) took the app out of application mode
        self._signals_taken = False  # take_over_signals has run: a hang-up can be sent as SIGHUP

    def take_over_signals(self) -> None:
        """Save on every signal that ends a session; make Ctrl-Z, fg and SIGCONT safe.

        signal.signal, not the event loop's handlers: once the terminal is gone the loop
        can block on a full output queue, and only a Python-level handler still runs. But
        such a handler runs only once the main thread runs, and the kernel may hand a signal
        to another thread (SIGCONT, when every thread wakes at once) while an idle loop
        sleeps in epoll: so every signal also writes a byte where the loop listens.
        """
        self._wake_up = socket.socketpair()
        for end in self._wake_up:
            end.setblocking(False)
        asyncio.get_running_loop().add_reader(self._wake_up[0], self._woken)
        signal.set_wakeup_fd(self._wake_up[1].fileno(), warn_on_full_buffer=False)
        for way_out in WAYS_OUT:
            signal.signal(way_out, self._signalled)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, WAYS_OUT)  # a wrapper may have blocked them for us
        self._signals_taken = True
        stop, resume = signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)
        if callable(stop) and callable(resume):  # the terminal driver's, installed by now
            self._textual_stop, self._textual_continue = stop, resume
            signal.signal(signal.SIGTSTP, self._stopping)
            signal.signal(signal.SIGCONT, self._continuing)

    def _woken(self) -> None:
        """A signal woke the loop, and its handler has run; drop the bytes that woke it."""
        try:
            while self._wake_up[0].recv(512):
                pass
        except BlockingIOError:
            pass

    def save_session(self) -> None:
        """Save the session and how it is looked at (`save_error` says why if it could not
        be), then hand it in (--hand-in): the save first, as the one a student resumes from."""
        self.ended = True
        if self.save_path is not None:
            view = {key: getattr(self.state, key) for key in VIEW_SETTINGS} | self.owner.settings()
            try:
                save(self.state.session, self.save_path, view)
                self.saved = True
            except OSError as error:  # a full or read-only disk: the old save is left as it was
                self.save_error = f"{self.save_path}: {error.strerror or error}"
        self.note_state()
        if self.hand_in is not None:
            self.hand_in.finish(self.journal, self.state.session, self.last_key)

    def _signalled(self, signum: int, frame: object) -> None:
        """SIGHUP (the terminal is gone), SIGTERM or SIGINT: save and leave."""
        if self._leaving:
            return
        self._leaving = True
        self.hung_up = signum == signal.SIGHUP
        self.save_session()
        code = INTERRUPTED if signum == signal.SIGINT else 0
        grace = self.HANG_UP_GRACE if self.hung_up else self.SIGNAL_GRACE
        deadline = threading.Timer(grace, self._leave_now, args=(code,))
        deadline.daemon = True  # a clean exit does not wait for it
        deadline.start()
        self._in_loop(partial(self.exit, return_code=code))

    def terminal_gone(self) -> None:
        """The terminal's input ended or failed (input_end.py, in the driver's input thread):
        it has gone, though no SIGHUP came. One is sent to the main thread, whose handler
        runs even while the loop is stuck writing to the dead terminal."""
        if self._signals_taken:
            main = threading.main_thread().ident
            assert main is not None, "the main thread has started: it is running this app"
            signal.pthread_kill(main, signal.SIGHUP)
        else:  # still starting: no handler yet, and nothing done to lose
            self.hung_up = True
            self._in_loop(self.exit)

    def _in_loop(self, callback, *args: object) -> None:
        """Run `callback` in the event loop soon, waking it if it sleeps (a signal handler
        runs between two lines of Python, where a plain call_later would wait for the next event)."""
        try:
            asyncio.get_running_loop().call_soon_threadsafe(callback, *args)
        except RuntimeError:  # no loop running yet, or any more
            self.call_later(callback, *args)

    def _leave_now(self, code: int) -> None:
        """The exit did not finish in time: give the terminal its modes back, and go."""
        attributes = getattr(app_driver(self), "attrs_before", None)
        stdin, stderr = sys.__stdin__, sys.__stderr__  # None in a process started without them
        try:
            if attributes is not None and stdin is not None:
                termios.tcsetattr(stdin.fileno(), termios.TCSANOW, attributes)
            if stderr is not None:
                descriptor = stderr.fileno()  # where Textual's driver writes
                flags = fcntl.fcntl(descriptor, fcntl.F_GETFL)
                fcntl.fcntl(descriptor, fcntl.F_SETFL, flags | os.O_NONBLOCK)  # never wait on a dead link
                os.write(descriptor, RESTORE_TERMINAL.encode())
        except (OSError, termios.error, ValueError):  # ValueError: a closed file has no fileno
            pass
        os._exit(code)

    def key_ctrl_c(self) -> None:
        """Ctrl-C arrives as a key (the terminal is raw): save and end, as any terminal program would."""
        self.save_session()
        self.exit(return_code=INTERRUPTED)

    def key_ctrl_z(self) -> None:
        """Ctrl-Z arrives as a key (the terminal is raw): suspend like any terminal program."""
        self.action_suspend_process()

    def key_ctrl_l(self) -> None:
        """Ctrl-L: every cell again, as in any terminal program. The driver sends only the
        cells it believes changed; after something else wrote on the terminal (a `wall`
        message, a background job) what it believes is wrong until it forgets it."""
        forget_screen = getattr(app_driver(self), "forget_screen", None)
        if forget_screen is not None:  # Textual's headless driver (tests) has no cells to forget
            forget_screen()
        self._redraw()

    def _stopping(self, signum: int, frame: FrameType | None) -> None:
        """SIGTSTP (Ctrl-Z): Textual leaves application mode and stops the process."""
        self._suspended = True
        self._textual_stop(signum, frame)

    def _continuing(self, signum: int, frame: FrameType | None) -> None:
        """SIGCONT (fg, or after SIGSTOP): come back into application mode once, and redraw."""
        if self._suspended:
            self._suspended = False
            self._textual_continue(signum, frame)  # Textual's: enters application mode again
            self._in_loop(self._redraw)
        else:
            self._in_loop(self._enter_again)

    def _enter_again(self) -> None:
        """After SIGSTOP: the terminal may have been reset meanwhile, and nothing was suspended."""
        driver = app_driver(self)
        if driver is not None:
            driver.suspend_application_mode()
            driver.resume_application_mode()
        self._redraw()

    def _redraw(self) -> None:
        """Every line again: the screen was the shell's while the app was away."""
        self.refresh(layout=True)

    def report_crash(self, error: BaseException) -> None:
        """Keep the traceback in a file (`crash_report`, else why not) instead of on the screen."""
        self.crashed = error
        try:
            self.crash_report = write_crash_report(error, self.save_path.parent if self.save_path else None)
        except OSError as failure:  # a full disk: launch says so in one line
            self.crash_unwritten = failure.strerror or str(failure)

    def crashing(self, error: Exception) -> None:
        """A bug: keep the session and the traceback in files instead of on the screen."""
        if self.real and self.crashed is None:
            self.report_crash(error)
            self.save_session()

    def shows_textuals_report(self) -> bool:
        """Tests see Textual's own report; after a real crash launch prints the one line naming the file."""
        return self.crashed is None
