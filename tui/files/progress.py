"""Keeping a session's progress file in the hand-in folder, for the teacher's desk.

The folder is the class's: any student may have planted a file or a symlink under this
session's name, and the folder may be write-only (the class can enter and write it, not
list it). So the new text goes to a temporary file made afresh (O_EXCL|O_NOFOLLOW) and
then takes the progress file's name: by a hard link when there is none yet (which fails
rather than replace anything that appears meanwhile), by a rename only over a regular
file this user owns. Someone else's file, or a symlink, is never followed nor replaced:
the progress is then not kept, and the hand-in goes on as before. A reader sees the old
file or the new one whole, never half of one.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ...core.progress import progress_name, write_progress

PROGRESS_MODE = 0o640  # as a hand-in: the teacher's group reads it
_FOLDER = getattr(os, "O_PATH", os.O_RDONLY) | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class NotOurs(PermissionError):
    """The progress file's name is taken by another account's file, or by something not a file."""


def replace_progress(folder: Path, stem: str, record: dict) -> Path:
    """Write `record` as the progress file of the session `stem` in `folder`, whole; OSError
    (NotOurs among them) if it cannot be, with any file of another left as it was."""
    name = progress_name(stem)
    temporary = f"{stem}.progress.tmp"
    directory = os.open(folder, _FOLDER)  # O_PATH: no read permission needed to write in it
    try:
        descriptor = _create(directory, temporary)
        try:
            os.fchmod(descriptor, PROGRESS_MODE)  # the umask may have taken the group's read
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(write_progress(record))
            _take_name(directory, temporary, name)
        except BaseException:
            _remove(directory, temporary)
            raise
        return folder / name
    finally:
        os.close(directory)


def _create(directory: int, name: str) -> int:
    """A new file `name`; a leftover of this user's own (a session killed while writing) is
    removed first, anything else refused."""
    try:
        return os.open(name, _CREATE, PROGRESS_MODE, dir_fd=directory)
    except FileExistsError:
        if not _is_ours(directory, name):
            raise NotOurs(f"{name} is not this account's") from None
        _remove(directory, name)
        return os.open(name, _CREATE, PROGRESS_MODE, dir_fd=directory)


def _take_name(directory: int, temporary: str, name: str) -> None:
    try:
        os.link(temporary, name, src_dir_fd=directory, dst_dir_fd=directory, follow_symlinks=False)
    except FileExistsError:
        if not _is_ours(directory, name):
            raise NotOurs(f"{name} is not this account's") from None
        os.rename(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
    else:
        _remove(directory, temporary)


def _is_ours(directory: int, name: str) -> bool:
    """Whether `name` is a regular file of this user (not a symlink, whoever made it)."""
    try:
        status = os.stat(name, dir_fd=directory, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return stat.S_ISREG(status.st_mode) and status.st_uid == os.geteuid()


def _remove(directory: int, name: str) -> None:
    try:
        os.unlink(name, dir_fd=directory)
    except OSError:
        pass


def read_own_progress(folder: Path, stem: str) -> str | None:
    """The text of this session's own progress file (never through a link, never another's), or None."""
    try:
        directory = os.open(folder, _FOLDER)
    except OSError:
        return None
    try:
        descriptor = os.open(progress_name(stem), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                             | getattr(os, "O_NONBLOCK", 0), dir_fd=directory)
    except OSError:
        return None
    finally:
        os.close(directory)
    with os.fdopen(descriptor, "rb") as raw:
        status = os.fstat(raw.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid() or status.st_size > 1 << 20:
            return None
        return raw.read().decode("utf-8", errors="replace")
