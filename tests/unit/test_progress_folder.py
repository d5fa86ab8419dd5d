"""Reading a shared folder of progress files that change, break and vanish as it is read."""

import os

import pytest
from gradstep.tui.files import progress_folder
from gradstep.tui.files.progress_folder import ProgressFolder

from ..helpers import named_by_file, progress_file


def accounts(look) -> list[str]:
    return sorted(one.account for one in look.seen)


def test_each_file_is_a_student_named_by_the_account_that_owns_it(tmp_path):
    progress_file(tmp_path, "ana", account="the-teacher")
    (one,) = ProgressFolder(tmp_path).look().seen
    assert one.account == progress_folder.account(os.getuid())  # the owner, not what the file says
    assert one.progress.account == "the-teacher"


def test_a_changed_file_is_read_again_and_an_unchanged_one_is_not(tmp_path, monkeypatch):
    folder = ProgressFolder(tmp_path, owner=named_by_file)
    progress_file(tmp_path, "ana", iteration=3)
    progress_file(tmp_path, "bo", iteration=5)
    folder.look()
    parsed = []
    real = progress_folder.read_progress
    monkeypatch.setattr(progress_folder, "read_progress", lambda text: parsed.append(text) or real(text))
    progress_file(tmp_path, "ana", iteration=30)  # a longer file: its size changed
    look = folder.look()
    assert len(parsed) == 1
    assert {one.account: one.progress.iteration for one in look.seen} == {"ana": 30, "bo": 5}


def test_a_half_written_file_keeps_the_last_good_reading_until_it_is_whole(tmp_path):
    folder = ProgressFolder(tmp_path, owner=named_by_file)
    path = progress_file(tmp_path, "ana", iteration=3)
    folder.look()
    whole = progress_file(tmp_path, "ana", iteration=4).read_bytes()
    path.write_bytes(whole[:len(whole) // 2])
    look = folder.look()
    assert [one.progress.iteration for one in look.seen] == [3]
    assert look.problems == (("ana.progress.json", "room.not_progress"),)
    path.write_bytes(whole)
    look = folder.look()
    assert [one.progress.iteration for one in look.seen] == [4] and look.problems == ()


def test_a_file_half_written_before_it_was_ever_whole_is_left_out_and_named(tmp_path):
    (tmp_path / "ana.progress.json").write_text('{"format": "gradstep-progr')
    progress_file(tmp_path, "bo")
    look = ProgressFolder(tmp_path, owner=named_by_file).look()
    assert accounts(look) == ["bo"]
    assert look.problems == (("ana.progress.json", "room.not_progress"),)


def test_a_file_gone_between_the_listing_and_the_open_takes_its_row_and_nothing_else(tmp_path, monkeypatch):
    folder = ProgressFolder(tmp_path, owner=named_by_file)
    progress_file(tmp_path, "ana")
    progress_file(tmp_path, "bo")
    assert accounts(folder.look()) == ["ana", "bo"]
    real_open = os.open

    def vanishing(path, *args, **kwargs):
        if str(path).endswith("ana.progress.json"):
            os.unlink(path)  # deleted by its session just after the listing
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(progress_folder.os, "open", vanishing)
    look = folder.look()
    assert accounts(look) == ["bo"] and look.problems == ()


def test_a_symlink_a_fifo_and_a_huge_file_are_passed_over_without_blocking(tmp_path):
    target = progress_file(tmp_path, "real")
    target.rename(tmp_path / "elsewhere.json")
    (tmp_path / "ana.progress.json").symlink_to(tmp_path / "elsewhere.json")
    os.mkfifo(tmp_path / "bo.progress.json")
    (tmp_path / "cy.progress.json").write_bytes(b" " * (progress_folder.LARGEST + 1))
    progress_file(tmp_path, "dan")
    look = ProgressFolder(tmp_path, owner=named_by_file).look()
    assert accounts(look) == ["dan"]
    assert dict(look.problems) == {"ana.progress.json": "room.unreadable", "bo.progress.json": "class.not_regular",
                                   "cy.progress.json": "room.too_large"}


def test_other_files_of_the_folder_are_not_progress(tmp_path):
    progress_file(tmp_path, "ana")
    (tmp_path / "ana-alpha.csv").write_text("user,lesson\n")
    (tmp_path / "notes.json").write_text("{}")
    look = ProgressFolder(tmp_path, owner=named_by_file).look()
    assert accounts(look) == ["ana"] and look.problems == ()


def test_a_folder_that_cannot_be_listed_for_a_moment_keeps_the_last_look(tmp_path):
    shared = tmp_path / "share"
    shared.mkdir()
    progress_file(shared, "ana")
    folder = ProgressFolder(shared, owner=named_by_file)
    folder.look()
    shared.rename(tmp_path / "away")  # the share went away
    look = folder.look()
    assert accounts(look) == ["ana"] and look.unreadable_folder


@pytest.mark.parametrize("text", ["[]", "null", '{"format": "gradstep-progress", "version": 2}', "\udcff"])
def test_anything_else_in_a_progress_file_is_named_not_raised(tmp_path, text):
    (tmp_path / "ana.progress.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    look = ProgressFolder(tmp_path, owner=named_by_file).look()
    assert look.seen == () and look.problems == (("ana.progress.json", "room.not_progress"),)


@pytest.mark.slow  # a thousand files written and read, a second of the loop: in CI
def test_a_flood_of_files_from_one_account_is_cut_to_its_first_by_name(tmp_path):
    most = progress_folder.MOST_A_STUDENT
    for number in range(most + 5):
        progress_file(tmp_path, f"ana-{number:04d}", session=f"{number}")  # sessions of a shared login
    folder = ProgressFolder(tmp_path, owner=named_by_file)  # every file is this account's
    look = folder.look()
    assert (len(look.runs), len(look.seen)) == (most, 1)  # its first files read; one account, one row
    assert [name for name, _ in look.problems] == [f"ana-{number:04d}.progress.json" for number in range(most, most + 5)]
    assert {key for _, key in look.problems} == {"room.too_many"}
    progress_file(tmp_path, "ana-9999", session="9999")  # the newest file does not push an older row out: no flicker
    assert folder.look().runs == look.runs
