"""Who the hand-in folder lets read what, so `gradstep class` can tell a teacher it leaks.

A hand-in's name ends with 16 random hex digits and a 3730 folder cannot be listed, but a
name can still be learnt (read off a classmate's screen), and a hand-in is 0640 in the
class's group: with the name, any classmate reads it. For graded use the folder carries
a default POSIX ACL (docs/teaching.md) that gives every new file no right for the group
and a read right for the teacher: `setfacl -d -m g::-,m::r,u:TEACHER:r DIR`. gradstep's
own chmod to 0640 then sets the ACL's mask (r), not the group's entry, so the class
still reads nothing. This module reads the folder's mode and its ACLs (the kernel's
`system.posix_acl_*` attributes) and says, as catalogue keys, what is wrong: a folder the
class may list, one open to others, new files the class could read, new files the
teacher could not. Where ACLs are not to be had (not Linux, a filesystem without them) it
says that instead of guessing.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from ...core.record import Record

ACCESS, DEFAULT = "system.posix_acl_access", "system.posix_acl_default"
USER_OBJ, USER, GROUP_OBJ, GROUP, MASK, OTHER = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20  # <linux/posix_acl.h>
READ = 4
_HEADER, _ENTRY = struct.Struct("<I"), struct.Struct("<HHI")
_VERSION = 2


@dataclass(repr=False, frozen=True)
class Entry(Record):
    tag: int
    perm: int
    id: int


def parse_acl(data: bytes) -> list[Entry]:
    """The entries of an ACL as the kernel stores it (a version, then tag, perm and id, little-endian)."""
    if len(data) < _HEADER.size or _HEADER.unpack_from(data)[0] != _VERSION:
        raise ValueError("not a POSIX ACL")
    return [Entry(*_ENTRY.unpack_from(data, offset)) for offset in range(_HEADER.size, len(data), _ENTRY.size)]


def _acl(path: Path, name: str) -> list[Entry] | None:
    """The folder's ACL `name`; None where it has none; OSError(ENOTSUP) where there can be none."""
    try:
        return parse_acl(os.getxattr(path, name))
    except OSError as error:
        if error.errno == errno.ENODATA:
            return None
        raise


def class_reads(entries: list[Entry], group: int) -> bool:
    """Whether an ACL lets its owning group (`group`'s members) read: its group entry or a
    named group's, within the mask."""
    mask = next((entry.perm for entry in entries if entry.tag == MASK), 7)
    return any(entry.perm & mask & READ for entry in entries
               if entry.tag == GROUP_OBJ or (entry.tag == GROUP and entry.id == group))


def user_reads(entries: list[Entry], uid: int, group: int, groups: set[int]) -> bool:
    """Whether an ACL of a file someone else owns lets account `uid` (member of `groups`) read."""
    if uid == 0:
        return True  # root reads whatever the rights say
    mask = next((entry.perm for entry in entries if entry.tag == MASK), 7)
    named = [entry for entry in entries if entry.tag == USER and entry.id == uid]
    if named:
        return bool(named[0].perm & mask & READ)
    in_groups = [entry for entry in entries
                 if (entry.tag == GROUP_OBJ and group in groups) or (entry.tag == GROUP and entry.id in groups)]
    if in_groups:
        return any(entry.perm & mask & READ for entry in in_groups)
    return any(entry.perm & READ for entry in entries if entry.tag == OTHER)


def _from_mode(mode: int) -> list[Entry]:
    """A file's rights without an ACL, as the ACL they are equivalent to."""
    return [Entry(USER_OBJ, (mode >> 6) & 7, 0), Entry(GROUP_OBJ, (mode >> 3) & 7, 0), Entry(OTHER, mode & 7, 0)]


HAND_IN_MODE = 0o640  # as tui/files/hand_in.py makes every hand-in: it sets an ACL's mask, not its group entry


def new_file(default: list[Entry] | None, mode: int = HAND_IN_MODE) -> list[Entry]:
    """The rights a file gradstep makes in the folder ends with: the folder's default ACL
    (or, without one, the mode alone), after gradstep's chmod to `mode` (which, where there
    is an ACL, sets its mask to the group's bits)."""
    if default is None:
        return _from_mode(mode)
    owner_bits, group_bits, other_bits = (mode >> 6) & 7, (mode >> 3) & 7, mode & 7
    has_mask = any(entry.tag == MASK for entry in default)
    result = []
    for entry in default:
        if entry.tag == USER_OBJ:
            result.append(Entry(USER_OBJ, owner_bits, 0))
        elif entry.tag == OTHER:
            result.append(Entry(OTHER, other_bits, 0))
        elif entry.tag == MASK or (entry.tag == GROUP_OBJ and not has_mask):
            result.append(Entry(entry.tag, group_bits, entry.id))
        else:
            result.append(entry)
    return result


def warnings(folder: Path, teacher_uid: int, teacher_groups: set[int]) -> list[tuple[str, dict[str, object]]]:
    """What is wrong with `folder` for graded use, as (catalogue key, values), most serious first."""
    status = os.stat(folder)
    mode, group = stat.S_IMODE(status.st_mode), status.st_gid
    found: list[tuple[str, dict[str, object]]] = []
    values: dict[str, object] = {"mode": f"{mode:04o}"}
    try:
        access, default = _acl(folder, ACCESS), _acl(folder, DEFAULT)
    except (OSError, AttributeError) as error:  # os.getxattr is Linux's; ENOTSUP: a filesystem without ACLs
        if mode & 0o040:
            found.append(("class.folder_listable", values))
        if getattr(error, "errno", None) in (errno.ENOTSUP, errno.EOPNOTSUPP):
            found.append(("class.folder_no_acls", values))
        return found  # elsewhere (not Linux, or the attributes unreadable) nothing more is known
    if class_reads(access if access is not None else _from_mode(mode), group):
        found.append(("class.folder_listable", values))
    if mode & 0o007:
        found.append(("class.folder_others", values))
    made = new_file(default)
    if class_reads(made, group):
        found.append(("class.folder_names_read", values))
        return found  # so is every file in it: the line above says it
    if not user_reads(made, teacher_uid, group, teacher_groups):
        found.append(("class.folder_teacher_cannot_read", values))
    if count := exposed(folder, group):
        found.append(("class.files_readable", values | {"count": count}))
    return found


OWN_SUFFIXES = (".csv", ".progress.json")  # what gradstep makes in the folder


def exposed(folder: Path, group: int) -> int:
    """How many of the folder's hand-ins and progress files the class can read: made before
    the folder had its ACL (a default ACL only shapes files made after it), or opened up
    since. A file's own ACL if it has one, else its mode; links and other things passed over."""
    count = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.endswith(OWN_SUFFIXES) or not entry.is_file(follow_symlinks=False):
                continue
            try:
                status = entry.stat(follow_symlinks=False)
                if status.st_mode & 0o040 == 0:  # no group bit: neither the group nor, with an ACL, its mask
                    continue
                data = os.getxattr(entry.path, ACCESS, follow_symlinks=False)
                rights = parse_acl(data)
            except OSError as error:
                if error.errno != errno.ENODATA:
                    continue
                rights = _from_mode(stat.S_IMODE(status.st_mode))
            except ValueError:
                continue
            count += class_reads(rights, group) and (status.st_gid == group or _named_group(rights, group))
    return count


def _named_group(rights: list[Entry], group: int) -> bool:
    return any(entry.tag == GROUP and entry.id == group for entry in rights)
