"""The app restarts itself without docstrings only where that is safe, and exactly as it was started."""

import importlib
import os
import sys

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
    script = tmp_path / "gradstep"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "--lesson", "alpha"])
    monkeypatch.setattr(sys, "orig_argv", [sys.executable, str(script), "--lesson", "alpha"])
    with pytest.raises(Exec):
        docstrings.restart_without_docstrings()
    [(path, argv, environment)] = execs
    assert (path, argv) == (str(script), [str(script), "--lesson", "alpha"])
    assert environment == {**os.environ, "PYTHONOPTIMIZE": "2"}


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


@pytest.mark.parametrize("why_not", ["asked otherwise", "a library cannot keep its files", "exec refused"])
def test_where_a_restart_is_not_wanted_or_not_possible_the_app_runs_as_started(execs, monkeypatch, why_not):
    if why_not == "asked otherwise":
        monkeypatch.setenv("PYTHONOPTIMIZE", "0")
    elif why_not == "a library cannot keep its files":
        monkeypatch.setattr(docstrings, "keeps_compiled_files", lambda package: package != "numpy")
    else:
        monkeypatch.setattr(os, "execve", lambda *call: execs.append(call) or (_ for _ in ()).throw(OSError))
    assert docstrings.restart_without_docstrings() is None
    assert len(execs) == (1 if why_not == "exec refused" else 0)


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
