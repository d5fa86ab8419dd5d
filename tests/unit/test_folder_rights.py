"""What a hand-in folder's mode and default ACL let the class and the teacher read, worked
out as the kernel would for a file gradstep makes there (0640, an ACL's mask)."""

import struct

import pytest
from gradstep.tui.files.folder_rights import (GROUP_OBJ, MASK, OTHER, USER, USER_OBJ, Entry, class_reads, new_file,
                                              parse_acl, user_reads)

CLASS, TEACHER, CLASSMATE = 1000, 2000, 3000


def acl_bytes(*entries: tuple[int, int, int]) -> bytes:
    """An ACL as the kernel stores it in system.posix_acl_default."""
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *entry) for entry in entries)


GRADED = acl_bytes((USER_OBJ, 7, 0xFFFFFFFF), (USER, 4, TEACHER), (GROUP_OBJ, 0, 0xFFFFFFFF), (MASK, 4, 0xFFFFFFFF),
                   (OTHER, 0, 0xFFFFFFFF))  # setfacl -d -m g::-,m::r,u:teacher:r on a 3730 folder


def test_the_graded_default_acl_lets_the_teacher_read_a_new_hand_in_and_the_class_not():
    made = new_file(parse_acl(GRADED))
    assert not class_reads(made, CLASS)
    assert user_reads(made, TEACHER, CLASS, {CLASS})
    assert not user_reads(made, CLASSMATE, CLASS, {CLASS})


def test_without_a_default_acl_the_class_reads_a_new_hand_in():
    made = new_file(None)  # 0640 in the class's group
    assert class_reads(made, CLASS) and user_reads(made, CLASSMATE, CLASS, {CLASS})


def test_gradsteps_chmod_sets_the_mask_not_the_groups_entry():
    made = new_file(parse_acl(GRADED))
    assert Entry(GROUP_OBJ, 0, 0xFFFFFFFF) in made and Entry(MASK, 4, 0xFFFFFFFF) in made


def test_an_acl_without_the_teacher_leaves_the_teacher_out():
    made = new_file(parse_acl(acl_bytes((USER_OBJ, 7, 0), (GROUP_OBJ, 0, 0), (MASK, 4, 0), (OTHER, 0, 0))))
    assert not user_reads(made, TEACHER, CLASS, {CLASS}) and user_reads(made, 0, CLASS, set())  # root reads all


def test_bytes_that_are_not_an_acl_are_refused():
    with pytest.raises(ValueError):
        parse_acl(b"\x01\x00\x00\x00")


def test_a_filesystem_without_acls_is_said_and_an_unreadable_attribute_is_not_taken_for_one(tmp_path, monkeypatch):
    import errno
    import os

    from gradstep.tui.files import folder_rights

    os.chmod(tmp_path, 0o3730)

    def no_acls(*args, **kwargs):
        raise OSError(errno.EOPNOTSUPP, "Operation not supported")

    monkeypatch.setattr(os, "getxattr", no_acls)
    assert [key for key, _ in folder_rights.warnings(tmp_path, TEACHER, {CLASS})] == ["class.folder_no_acls"]

    def refused(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "getxattr", refused)
    assert folder_rights.warnings(tmp_path, TEACHER, {CLASS}) == []
