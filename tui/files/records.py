"""The teacher's own record of a hand-in folder: what was handed in, as first seen.

A student owns their hand-ins and progress files, so in a shared folder nothing stops them
rewriting or deleting their own (the sticky bit only keeps classmates out). What can be
done without privilege is to make it show: each time the teacher looks (`gradstep class
DIR`, and every half second while `--watch` runs), the files seen are recorded in the
teacher's state folder, private (0700), where no student can reach them. A hand-in seen
whole is recorded by its SHA-256, size and time, and a copy of it is kept (up to
KEPT_BYTES of each account's); a run's progress, by the counts of questions right and
asked seen live. A later look then finds:

- CHANGED: a hand-in whose bytes differ from the first seen, a progress file whose counts
  do not follow those seen before (a wrong answer cannot become right, nor a question
  unasked, while the run goes on; nothing changes after it ended), or a run's hand-ins whose counts disagree with
  what its progress file said while the run went on.
- GONE: a hand-in, or the progress file of a run that ended, no longer in the folder.

Its limits: only what a look saw is evidence. A file changed before the teacher's first
look, or while no look ran, at a run whose progress was never seen, shows nothing; a
student who can write their own file can write it consistently. A hand-in is recorded
once it is whole: its run's progress said ended, or it has not changed for SETTLED
seconds (a session writes its hand-ins at its end, in one go).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ...core.progress import SUFFIX, AnswerSeen, Progress, iso_utc, parse_time
from ...core.record import Record
from ...core.room import CHANGED, GONE, Seen, latest
from .private import Unusable, private_folder
from .progress_folder import Look, owner_account

SETTLED = 10.0  # seconds unchanged after which a hand-in with no ended run is taken as whole
KEPT_BYTES = 4 * 2**20  # bytes of copies kept per account: some 13,000 steps of a one-weight lesson
LARGEST = 64 * 2**20  # a hand-in past this is recorded by size and time only, never read
FORMAT, VERSION = "gradstep-desk-record", 1
_RUN = re.compile(r"-([0-9a-f]{16})(?:-\d+)?\.(?:csv|progress\.json)$")  # the run's id in a file's name
_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(repr=False, frozen=True)
class Finding(Record):
    """One file that is not as it was handed in: its name, its owner, and why (CHANGED or GONE)."""

    name: str
    owner: str
    what: str
    reason: str  # one of REASONS: what the record shows
    kept: Path | None = None  # the copy kept of it as first seen, if any
    counts: tuple[int, int] | None = None  # disagrees: its run's (right, asked) as its progress said live
    values: dict[str, int] = field(default_factory=dict)  # the figures its words name (class.record.<reason>)


COUNTS_REASONS = ("went_back", "went_up", "reopened")
"""How a progress file's counts fail to follow those seen before (counts_reason)."""
REASONS = ("changed", "disagrees", *COUNTS_REASONS, "gone")
"""A hand-in's bytes changed; a run's hand-ins disagree with its progress seen live; a
progress file's counts went back, or rose as no session counts, or its ended run says it
goes on; a file gone (the words: class.record.<reason>)."""


@dataclass(repr=False)
class Evidence(Record):
    """What a look found against the record: the files, and each account's flags."""

    findings: list[Finding] = field(default_factory=list)
    runs: tuple[Seen, ...] | None = None  # every run as the record holds it (None: no record)
    live: frozenset[tuple[str, str]] = frozenset()  # (owner, run id): every run the record saw a progress file of

    def flags(self) -> dict[str, tuple[str, ...]]:
        """Each account's evidence flags, CHANGED before GONE."""
        found: dict[str, set[str]] = {}
        for finding in self.findings:
            found.setdefault(finding.owner, set()).add(finding.what)
        return {owner: tuple(flag for flag in (CHANGED, GONE) if flag in flags) for owner, flags in found.items()}

    def of(self, name: str) -> Finding | None:
        return next((finding for finding in self.findings if finding.name == name), None)

    def scored(self, look: Look) -> Look:
        """The look with the runs to score, the record's: a run whose progress went back
        read as it was last seen in order, an ended run's progress file gone read as then."""
        if self.runs is None or look.unreadable_folder:
            return look
        return replace(look, seen=tuple(latest(self.runs)), runs=self.runs)


def record_place(folder: Path, state: Path) -> Path:
    """The record of `folder` in the teacher's state folder `state`: one a folder, by its real path."""
    key = hashlib.sha256(os.fsencode(os.path.realpath(folder))).hexdigest()[:16]
    return state / "desk" / key


class Records:
    """The record of one folder: read at the start, written whole after each look that adds to it.

    Unusable (private.py) if the state folder is not the teacher's alone: a record students
    could reach would be no evidence. `owner` names a file's student, as ProgressFolder's."""

    def __init__(self, folder: Path, state: Path,
                 owner: Callable[[os.stat_result, str], str] = owner_account) -> None:
        self.folder, self.owner = folder, owner
        self.place = record_place(folder, state)
        private_folder(state)
        private_folder(self.place.parent)
        private_folder(self.place)
        self.kept_folder = private_folder(self.place / "kept")
        self.files: dict[str, dict] = {}  # hand-in name: what it was when first seen whole
        self.runs: dict[str, dict] = {}  # "owner/run id": the progress counts last seen in order
        self._signatures: dict[str, tuple[int, int, int]] = {}  # hand-ins read this time: not again
        self._changed: dict[str, str] = {}  # hand-in name: its SHA-256 now, where it differs
        self._load()

    def _load(self) -> None:
        try:
            with open(self.place / "record.json", encoding="utf-8") as text:
                data = json.load(text)
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") == VERSION:
            self.files, self.runs = dict(data.get("files", {})), dict(data.get("runs", {}))

    def _save(self) -> None:
        text = json.dumps({"format": FORMAT, "version": VERSION, "folder": os.path.realpath(self.folder),
                           "files": self.files, "runs": self.runs}, ensure_ascii=False)
        temporary = self.place / f"record.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, self.place / "record.json")

    def look(self, runs: list[tuple[str, Seen]], now: float | None = None) -> Evidence:
        """Compare the folder with the record, and record what is new; `runs` are the
        progress files read (name, reading). OSError only where the record cannot be written."""
        now = time.time() if now is None else now
        before = json.dumps([self.files, self.runs], sort_keys=True)
        evidence = Evidence()
        ended = self._progress(runs, evidence)
        present = self._hand_ins(ended, now, evidence)
        for name, recorded in self.files.items():
            if name not in present:
                evidence.findings.append(Finding(name, recorded["owner"], GONE, "gone", self._kept(recorded)))
        read = {file for file, _ in runs}
        scored = [self._as_recorded(name, seen, evidence) for name, seen in runs]
        for run in self.runs.values():  # a run that ended, whose progress file is gone
            if run["ended"] and run["file"] not in read and not (self.folder / run["file"]).exists():
                evidence.findings.append(Finding(run["file"], run["owner"], GONE, "gone"))
                if (reading := _reading(run)) is not None:
                    scored.append(Seen(run["owner"], reading, _seconds(reading.last_key)))
        evidence.runs = tuple(scored)
        evidence.live = frozenset((run["owner"], key.rpartition("/")[2]) for key, run in self.runs.items())
        self._disagreeing(evidence)
        if json.dumps([self.files, self.runs], sort_keys=True) != before:
            self._save()
        return evidence

    def _progress(self, runs: list[tuple[str, Seen]], evidence: Evidence) -> set[str]:
        """Each run's counts, checked against those seen before; the runs seen ended."""
        ended = set()
        for name, seen in runs:
            match = _RUN.search(name)
            if match is None:
                continue
            key, progress = f"{seen.account}/{match.group(1)}", seen.progress
            counts = {"right": progress.questions_right, "asked": progress.questions_asked}
            was = self.runs.get(key)
            if was is not None and not _goes_on(was, counts, progress.ended):
                figures = {"right": counts["right"], "asked": counts["asked"],
                           "was_right": was["right"], "was_asked": was["asked"]}
                evidence.findings.append(Finding(name, seen.account, CHANGED, counts_reason(was, counts), values=figures))
                continue  # the record keeps what was seen first
            self.runs[key] = {"owner": seen.account, "file": name, **counts, "ended": progress.ended,
                              "reading": asdict(progress)}
            if progress.ended:
                ended.add(key)
        return ended

    def _hand_ins(self, ended: set[str], now: float, evidence: Evidence) -> set[str]:
        """Record each hand-in seen whole for the first time; find those that changed."""
        present = set()
        try:
            listing = [entry for entry in os.scandir(self.folder) if entry.name.endswith(".csv")]
        except OSError:
            return set(self.files)  # the folder cannot be listed now: nothing is gone
        for entry in listing:
            present.add(entry.name)
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(status.st_mode):
                continue
            owner = self.owner(status, entry.name)
            recorded = self.files.get(entry.name)
            match = _RUN.search(entry.name)
            whole = (match is not None and f"{owner}/{match.group(1)}" in ended) or now - status.st_mtime >= SETTLED
            if recorded is None and not whole:
                continue
            signature = (status.st_ino, status.st_size, status.st_mtime_ns)
            if self._signatures.get(entry.name) != signature:  # read again only where it changed
                self._signatures[entry.name] = signature
                data = _read(entry.path, status.st_size)
                digest = hashlib.sha256(data).hexdigest() if data is not None else f"size {status.st_size}"
                if recorded is None:
                    self.files[entry.name] = self._first_seen(entry.name, owner, data, digest, status, now)
                    continue
                self._changed.pop(entry.name, None)
                if digest != recorded["sha256"] or owner != recorded["owner"]:
                    self._changed[entry.name] = digest
            if entry.name in self._changed and recorded is not None:
                evidence.findings.append(Finding(entry.name, recorded["owner"], CHANGED, "changed", self._kept(recorded)))
        return present

    def _first_seen(self, name: str, owner: str, data: bytes | None, digest: str, status: os.stat_result,
                    now: float) -> dict:
        right, asked, run = _counts(data) if data is not None else (0, 0, "")
        recorded = {"owner": owner, "sha256": digest, "size": status.st_size, "mtime_ns": status.st_mtime_ns,
                    "first_seen": iso_utc(now), "run": run, "right": right, "asked": asked, "kept": None}
        spent = sum(one["size"] for one in self.files.values() if one["owner"] == owner and one["kept"])
        if data is not None and spent + len(data) <= KEPT_BYTES:
            copy = self.kept_folder / digest[:32]
            try:
                copy.mkdir(mode=0o700, exist_ok=True)
                (copy / name).write_bytes(data)
                recorded["kept"] = f"{digest[:32]}/{name}"
            except OSError:
                pass  # no room on the teacher's disk: recorded without a copy
        return recorded

    def _as_recorded(self, name: str, seen: Seen, evidence: Evidence) -> Seen:
        """A run's reading to score: the record's where the file's counts do not follow it (COUNTS_REASONS)."""
        match = _RUN.search(name)
        run = self.runs.get(f"{seen.account}/{match.group(1)}") if match else None
        finding = evidence.of(name)
        if run is None or finding is None or finding.reason not in COUNTS_REASONS:
            return seen
        reading = _reading(run)
        return seen if reading is None else Seen(seen.account, reading, _seconds(reading.last_key))

    def _kept(self, recorded: dict) -> Path | None:
        return self.kept_folder / recorded["kept"] if recorded.get("kept") else None

    def _disagreeing(self, evidence: Evidence) -> None:
        """A run's hand-ins (as first seen) against what that run's progress said as it went
        on. The run is the one the file's name says, as for a progress file: its rows' run id
        is the student's to write, and rows copied from another run would make it disagree."""
        handed: dict[str, list[str]] = {}
        for name, recorded in self.files.items():
            match = _RUN.search(name)
            run_id = match.group(1) if match else recorded["run"]
            if run_id:
                handed.setdefault(f"{recorded['owner']}/{run_id}", []).append(name)
        for key, names in handed.items():
            run = self.runs.get(key)
            if run is None or not run["ended"]:  # the run's hand-ins may not all be there yet
                continue
            right = sum(self.files[name]["right"] for name in names)
            asked = sum(self.files[name]["asked"] for name in names)
            if (right, asked) != (run["right"], run["asked"]):
                for name in names:
                    if evidence.of(name) is None:
                        evidence.findings.append(Finding(name, run["owner"], CHANGED, "disagrees",
                                                         self._kept(self.files[name]),
                                                         (run["right"], run["asked"])))


def run_of(name: str) -> str | None:
    """The run a hand-in or progress file belongs to: the id its name ends with (None: none).
    The name, not the rows: a run's id in its rows is the student's to write."""
    match = _RUN.search(name)
    return match.group(1) if match else None


def live_runs(runs: list[tuple[str, Seen]], evidence: Evidence) -> frozenset[tuple[str, str]] | None:
    """The runs seen live, (owner, run id): a progress file of each is in the folder now (`runs`)
    or was in the record's looks. None where there is none at all: a folder kept without
    progress files (an earlier gradstep) says nothing of which runs were real."""
    now = {(seen.account, run) for name, seen in runs if (run := run_of(name)) is not None}
    return (evidence.live | now) or None


def _goes_on(was: dict, now: dict, ended: bool) -> bool:
    """Whether a run's counts `now` can follow those recorded: nothing changes once it ended,
    and while it goes on no question is unasked, no right answer lost, no wrong one righted."""
    if was["ended"]:
        return (now["right"], now["asked"]) == (was["right"], was["asked"]) and ended
    return (now["asked"] >= was["asked"] and now["right"] >= was["right"]
            and now["asked"] - now["right"] >= was["asked"] - was["right"])


def counts_reason(was: dict, now: dict) -> str:
    """Which way counts that do not follow (_goes_on) went, for the teacher's words: back (a
    count fell), up (none fell, one rose: a wrong answer made right, or more after the end:
    a student who edited their own file upward), or neither (the same counts, but the run
    that ended says it goes on)."""
    if now["right"] < was["right"] or now["asked"] < was["asked"]:
        return "went_back"
    return "went_up" if (now["right"], now["asked"]) != (was["right"], was["asked"]) else "reopened"


def _reading(run: dict) -> Progress | None:
    """A run's progress as the record last saw it in order (None: a record kept before readings were)."""
    data = run.get("reading")
    if not isinstance(data, dict):
        return None
    try:
        return Progress(**{**data, "lessons_opened": tuple(data["lessons_opened"]),
                           "answers": tuple(AnswerSeen(**answer) for answer in data["answers"])})
    except (KeyError, TypeError):
        return None


def _seconds(iso: str) -> float:
    moment = parse_time(iso)
    return moment.timestamp() if moment is not None else 0.0


def _read(path: str, size: int) -> bytes | None:
    """A hand-in's bytes, never through a link; None past LARGEST or if it cannot be read."""
    if size > LARGEST:
        return None
    try:
        descriptor = os.open(path, _READ)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        chunks, left = [], size
        while left > 0 and (chunk := os.read(descriptor, min(left, 2**20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _counts(data: bytes) -> tuple[int, int, str]:
    """A hand-in's first tries right and questions asked (the rows with `first` 1), and its run id."""
    right = asked = 0
    run = ""
    try:
        for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")):
            run = run or (row.get("session") or "")
            if row.get("kind") == "answer" and row.get("first") == "1":
                asked += 1
                right += row.get("answer_result") == "right"
    except (UnicodeDecodeError, csv.Error):
        return 0, 0, ""
    return right, asked, run if re.fullmatch(r"[0-9a-f]{16}", run) else ""


def open_records(folder: Path) -> tuple[Records | None, Unusable | str | None]:
    """The teacher's record of `folder` in their state folder, or None and why it cannot be
    kept (the caller says so: without it, nothing is evidence)."""
    from .places import state_directory

    try:
        return Records(folder, state_directory()), None
    except Unusable as refusal:
        return None, refusal
    except OSError as error:
        return None, error.strerror or str(error)
