"""Every module of gradstep's that annotates a name says `from __future__ import annotations`.

An annotation is then kept as its text, and made into a dict and typing objects only when
something asks for it (a type checker, a debugger). Evaluated at import, gradstep's came to
some 0.1 MB in every student's process on a classroom machine (private memory 20 steps into
a lesson, whole process, median of three). core/rules.py keeps its own evaluated: an export
reads its records' field types to lay out its columns (core/formats.py)."""

import ast
from pathlib import Path

import gradstep.core
import gradstep.tui

EVALUATED = {"core/rules.py": "an export reads its records' field types (core/formats.py)"}


def annotates(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            if node.returns or any(argument.annotation for argument in arguments):
                return True
    return False


def test_every_annotated_module_keeps_its_annotations_as_text():
    missing = []
    for folder, package in (("core", gradstep.core), ("tui", gradstep.tui)):
        missing += unannotated(folder, Path(package.__path__[0]))
    assert missing == []


def unannotated(folder: str, package: Path) -> list[str]:
    """The modules under `package` that annotate, evaluating their annotations at import."""
    found = []
    for path in sorted(package.rglob("*.py")):
        name = f"{folder}/{path.relative_to(package).as_posix()}"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        future = any(isinstance(node, ast.ImportFrom) and node.module == "__future__"
                     and any(alias.name == "annotations" for alias in node.names) for node in tree.body)
        if annotates(tree) and not future and name not in EVALUATED:
            found.append(name)
    return found
