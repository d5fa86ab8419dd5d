"""The app restarts itself without docstrings only where that is safe, and exactly as it was started."""

import importlib
import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from gradstep.tui.command import docstrings


class Exec(Exception):
    """Raised in place of exec, which never returns."""


@pytest.fixture
def execs(monkeypatch):
    """The calls the restart makes to exec, none of them made."""
    calls = []

    def execve(path, argv, environment):
        calls.append((path, list(argv), environment))
        raise Exec

    monkeypatch.setattr(os, "execve", execve)
    monkeypatch.delenv("PYTHONOPTIMIZE", raising=False)
    monkeypatch.setattr(docstrings, "keeps_compiled_files", lambda package: True)
    monkeypatch.setattr(docstrings, "python_coerced_locale", lambda: False)
    return calls


def test_the_console_script_is_execed_again_so_its_process_keeps_its_name(execs, monkeypatch, tmp_path):
    script = console_script(tmp_path, monkeypatch, f"#!{sys.executable}\n", interpreter=sys.executable)
    with pytest.raises(Exec):
        docstrings.restart_without_docstrings()
    [(path, argv, environment)] = execs
    assert (path, argv) == (script, [script, "--lesson", "alpha"])
    assert environment == {**os.environ, "PYTHONOPTIMIZE": "2"}


def test_a_script_given_to_another_python_is_started_by_that_python_again(execs, monkeypatch, tmp_path):
    script = console_script(tmp_path, monkeypatch, "#!/elsewhere/bin/python3\n", interpreter="python3")
    with pytest.raises(Exec):
        docstrings.restart_without_docstrings()
    assert [call[:2] for call in execs] == [(sys.executable, ["python3", script, "--lesson", "alpha"])]


def console_script(folder, monkeypatch, first_line: str, interpreter: str) -> str:
    """An executable script started as `interpreter script --lesson alpha`."""
    script = folder / "gradstep"
    script.write_text(first_line)
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "--lesson", "alpha"])
    monkeypatch.setattr(sys, "orig_argv", [interpreter, str(script), "--lesson", "alpha"])
    return str(script)


def test_python_dash_m_is_started_again_the_same_way(execs, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/somewhere/gradstep/__main__.py", "--lang", "zh"])
    monkeypatch.setattr(sys, "orig_argv", ["python3", "-P", "-m", "gradstep", "--lang", "zh"])
    with pytest.raises(Exec):
        docstrings.restart_without_docstrings()
    assert [call[:2] for call in execs] == [(sys.executable, ["python3", "-P", "-m", "gradstep", "--lang", "zh"])]


def test_the_locale_python_chose_is_left_for_the_new_start_to_choose_again(execs, monkeypatch):
    monkeypatch.setattr(docstrings, "python_coerced_locale", lambda: True)
    monkeypatch.setenv("LC_CTYPE", "C.UTF-8")
    monkeypatch.setenv("LANG", "C")
    with pytest.raises(Exec):
        docstrings.restart_without_docstrings()
    environment = execs[0][2]
    assert "LC_CTYPE" not in environment and environment["LANG"] == "C"


WHY_NOT = {
    "asked otherwise": lambda patch: patch.setenv("PYTHONOPTIMIZE", "0"),
    "started with -O": lambda patch: patch.setattr(sys, "flags", SimpleNamespace(optimize=1, ignore_environment=0)),
    "started with -E": lambda patch: patch.setattr(sys, "flags", SimpleNamespace(optimize=0, ignore_environment=1)),
    "under a debugger": lambda patch: patch.setattr(sys, "gettrace", lambda: print),
    "not POSIX": lambda patch: patch.setattr(os, "name", "nt"),
    "the standard library cannot keep its files": lambda patch: patch.setattr(
        docstrings, "keeps_compiled_files", lambda package: package != "asyncio"),
}


@pytest.mark.parametrize("why_not", WHY_NOT)
def test_where_a_restart_is_not_wanted_or_not_possible_the_app_runs_as_started(execs, monkeypatch, why_not):
    WHY_NOT[why_not](monkeypatch)
    assert docstrings.restart_without_docstrings() is None
    assert execs == []


def test_where_exec_is_refused_the_app_runs_as_started(execs, monkeypatch):
    monkeypatch.setattr(os, "execve", lambda *call: execs.append(call) or (_ for _ in ()).throw(OSError))
    assert docstrings.restart_without_docstrings() is None
    assert len(execs) == 1


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package of one module on sys.path, never compiled."""
    (tmp_path / "fresh_package").mkdir()
    (tmp_path / "fresh_package" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    return tmp_path / "fresh_package"


def test_compiled_files_are_kept_where_python_may_write_them(package, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert docstrings.keeps_compiled_files("fresh_package")  # __pycache__ is made on the first start
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert not docstrings.keeps_compiled_files("fresh_package")


def test_compiled_files_already_there_are_enough(package, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled = importlib.util.cache_from_source(str(package / "__init__.py"), optimization=2)
    os.makedirs(os.path.dirname(compiled))
    open(compiled, "wb").close()
    assert docstrings.keeps_compiled_files("fresh_package")


def test_a_library_that_is_not_there_keeps_nothing():
    assert not docstrings.keeps_compiled_files("no_such_package_here")


def test_a_relative_cache_folder_that_cannot_be_made_is_not_a_hang(package, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", "relative/and/not/there")
    monkeypatch.chdir(tmp_path)
    assert docstrings.keeps_compiled_files("fresh_package")  # tmp_path, where it would be made, is writable


SESSION = """
import asyncio, json, sys
before = set(sys.modules)  # what Python's start (site) imported: the restart itself runs after it
from tests.helpers import app_for
async def session():
    async with app_for("alpha").run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "b", "question_mark")
asyncio.run(session())
print(json.dumps({name: getattr(module, "__file__", None) for name, module in sys.modules.items()
                  if name not in before}))
"""


@pytest.mark.slow  # starts a session in a Python of its own: in CI, not the everyday loop
def test_every_package_a_session_imports_is_checked_for_its_compiled_files():
    done = subprocess.run([sys.executable, "-c", SESSION], capture_output=True, text=True, check=True,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    files = json.loads(done.stdout.splitlines()[-1])
    packages = {name.partition(".")[0] for name, file in files.items() if file and file.endswith(".py")}
    standard = {name for name in packages if name in sys.stdlib_module_names}
    assert standard and "asyncio" in docstrings.LIBRARIES  # asyncio's folder is the standard library's
    assert packages - standard - {"tests"} == set(docstrings.LIBRARIES) - {"asyncio"}
