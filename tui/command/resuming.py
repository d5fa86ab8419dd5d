"""What a resumed session carries on from the run it continues: where it handed in, and
whose course it followed.

A student who began with `--hand-in DIR --course DIR` and comes back the next lesson with
`gradstep --resume` is in the same class: nothing they do may be lost on its way to the
teacher, so the save keeps both folders (as absolute paths: the next start may be from
another folder), and a resume that names neither goes on with them. Named again, the
command line wins. A folder that cannot be used any more is said in one line at the
start, not found missing at the end of the lesson.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ...core.outside import shown_name
from ..files.owner import COURSE, HAND_IN
from ..words.say import say


def carried(args: argparse.Namespace, view: dict) -> dict[str, str]:
    """The settings a save keeps for the run that resumes it: the folders this run was given,
    else those of the save it resumed (`view`; one unusable today may be back next time)."""
    settings = {}
    for key, given in ((HAND_IN, args.hand_in), (COURSE, args.course)):
        if given is not None:
            settings[key] = os.path.abspath(given)
        elif isinstance(view.get(key), str):
            settings[key] = view[key]
    return settings


def carry_on(args: argparse.Namespace, view: dict, language: str) -> list[str]:
    """Fill what a resume leaves out (--hand-in, --course, and GRADSTEP_HAND_IN) from the
    save's `view`; the notices: one line a folder that cannot be used now (nothing is then
    handed in, or the built-in course is listed: the student is told, and how to choose)."""
    notices = []
    if args.hand_in is None and (folder := view.get(HAND_IN)):
        if not os.path.isdir(folder):
            reason = "resume.no_folder"
        elif not os.access(folder, os.W_OK | os.X_OK):  # taken out of the class's group, say
            reason = "resume.not_writable"
        else:
            args.hand_in, reason = Path(folder), None
        if reason is not None:
            notices.append(say(language, "resume.hand_in_unusable", folder=shown_name(folder),
                               reason=say(language, reason)))
    if args.course is None and (folder := view.get(COURSE)):
        if Path(folder).is_dir():
            args.course = folder
        else:
            notices.append(say(language, "resume.course_unusable", folder=shown_name(folder)))
    return notices
