"""The course's lessons without their questions, for the benchmarks.

A lesson's question opens over its first screen and takes the keys, and what is measured
is stepping; so each benchmark starts a copy of the lesson without its [[questions]]
(they come last in every course file), named apart so it is not reported as clashing
with the built-in one.
"""

import tempfile
import tomllib
from pathlib import Path

from gradstep.core.courses import COURSE_FOLDER, course_files

SUFFIX = "-unasked"


def unasked_lessons() -> dict[str, Path]:
    """Each course lesson's name, and the path of its copy without questions."""
    folder = Path(tempfile.mkdtemp(prefix="gradstep-unasked-"))
    paths = {}
    for path in course_files(COURSE_FOLDER):
        text = path.read_text(encoding="utf-8").split("[[questions]]", 1)[0]
        name = tomllib.loads(text)["name"]
        copy = folder / f"{name}.toml"
        copy.write_text(text.replace(f'name = "{name}"', f'name = "{name}{SUFFIX}"', 1), encoding="utf-8")
        paths[name] = copy
    return paths


LESSONS = unasked_lessons()
