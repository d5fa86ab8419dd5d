"""The save folder is the student's own, and a session is open in one gradstep at a time.

Students share machines, and sometimes one login. As OpenSSH treats ~/.ssh, the state
folder is used only if it is a folder owned by the user and not writable by others (else
anyone could plant a save, or swap one for a link); it is created 0700 whatever the
umask. A save file in it must pass the same test before it is read or replaced. What
fails is an Unusable, whose words say why: gradstep then runs, and says it is not saving.

Two copies of one session (one login, one --session) would each save over the other, so
the second is refused while the first runs: an advisory lock (flock) on a file beside the
save, which the kernel drops when the process ends, however it ends.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import stat
from pathlib import Path

from ...core.refusals import Refusal


class Unusable(Refusal):
    """The state folder or a save that gradstep must not use; the key says why."""


class InUse(Refusal):
    """The session is open in another gradstep."""


def private_folder(folder: Path) -> Path:
    """`folder`, made if missing with mode 0700; Unusable unless it is safe to save in."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)  # mkdir's mode passes through the umask, which may take bits away
        except FileExistsError:
            pass
        status = os.stat(folder)
    except OSError as error:  # a file where a folder should be, a read-only disk, no permission
        raise Unusable("place.cannot_make", path=folder, reason=error.strerror or str(error)) from None
    if not stat.S_ISDIR(status.st_mode):
        raise Unusable("place.not_a_folder", path=folder)
    check_own(folder, status, "place.folder")
    return folder


def check_save(path: Path) -> None:
    """Unusable if a save at `path` was not written by this user (a missing one is fine):
    it is neither read nor replaced. Anything else wrong with it is the loader's to find."""
    try:
        check_own(path, os.lstat(path), "place.save")
    except FileNotFoundError:
        pass


def check_own(path: Path, status: os.stat_result, what: str) -> None:
    """Unusable if `path` (whose stat is `status`, `what` names it) belongs to another user
    or others may write it."""
    if status.st_uid != os.getuid():
        raise Unusable("place.not_yours", what=what, path=path, owner=_user(status.st_uid))
    if status.st_mode & 0o022 and not stat.S_ISLNK(status.st_mode):  # a link's own mode means nothing
        raise Unusable("place.open_to_others", what=what, path=path, mode=f"{stat.S_IMODE(status.st_mode):o}")


def _user(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # no name for it on this machine
        return str(uid)


class SessionLock:
    """Held while a session is open: `with SessionLock(save_path):`. InUse if another holds it."""

    def __init__(self, save_path: Path) -> None:
        self.path = save_path.with_suffix(".lock")  # session.lock, session-NAME.lock
        self._descriptor: int | None = None

    def __enter__(self) -> "SessionLock":
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(descriptor, 20).decode("ascii", "replace").strip()
            os.close(descriptor)
            raise InUse("session.in_use", pid=int(holder) if holder.isdecimal() else None) from None
        try:  # for the message of a second copy; the lock itself needs no room on the disk
            os.ftruncate(descriptor, 0)
            os.write(descriptor, str(os.getpid()).encode())
        except OSError:
            pass
        self._descriptor = descriptor
        return self

    def __exit__(self, *exception: object) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing drops the lock; the file stays for the next time
            self._descriptor = None
