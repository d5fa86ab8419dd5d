"""What a packager gets: a wheel with every module, lesson and stylesheet under the gradstep
name only, `python -m gradstep` from the wheel and the editable install, and an sdist that
carries the whole test suite, so its tests run once unpacked."""

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "tui" / "entry"  # the gradstep package itself (pyproject.toml's package-dir)


def source_files(folder: str, patterns=("*.py", "*.toml", "*.tcss")) -> set[Path]:
    return {path for pattern in patterns for path in (ROOT / folder).rglob(pattern) if "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder), str(ROOT)],
                   check=True, capture_output=True)
    [built] = folder.glob("gradstep-*.whl")
    return built


def test_the_wheel_holds_every_file_the_app_needs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"gradstep/{path.relative_to(ENTRY).as_posix()}" if ENTRY in path.parents
                else f"gradstep/{path.relative_to(ROOT).as_posix()}"
                for folder in ("core", "tui") for path in source_files(folder)}
    assert {"gradstep/__init__.py", "gradstep/__main__.py"} <= expected
    assert expected <= names, sorted(expected - names)
    assert not any(name.startswith(("core/", "tui/", "tests/", "gradstep/tui/entry/")) for name in names)
    assert any(name.endswith("entry_points.txt") for name in names)


def test_python_m_gradstep_from_the_wheel(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    # -I: none of this checkout on the path, so gradstep comes from the wheel alone
    where = f"import sys; sys.path.insert(0, {str(target)!r}); import runpy, gradstep.core; print(gradstep.core.__file__)"
    shown = subprocess.run([sys.executable, "-I", "-c", where], capture_output=True, text=True, check=True).stdout
    assert shown.startswith(str(target))
    run = f"import sys; sys.path.insert(0, {str(target)!r}); sys.argv = ['gradstep', '--version']; " \
          "import runpy; runpy.run_module('gradstep', run_name='__main__')"
    done = subprocess.run([sys.executable, "-I", "-c", run], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "gradstep 0.1.0\n"), done.stderr


def test_python_m_gradstep_from_the_editable_install(tmp_path):
    done = subprocess.run([sys.executable, "-m", "gradstep", "--version"], capture_output=True, text=True,
                          cwd=tmp_path)  # not the checkout: the install's own mapping finds it
    assert (done.returncode, done.stdout) == (0, "gradstep 0.1.0\n"), done.stderr
    listed = subprocess.run([sys.executable, "-m", "gradstep", "lessons"], capture_output=True, text=True, cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.split()[:2] == ["1", "measure-error"]


def test_the_sdist_carries_the_test_suite_and_its_tests_run(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    [sdist] = tmp_path.glob("gradstep-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    unpacked = tmp_path / sdist.name.removesuffix(".tar.gz")
    wanted = {path.relative_to(ROOT) for path in (ROOT / "tests").rglob("*")
              if path.is_file() and "__pycache__" not in path.parts and ".hypothesis" not in path.parts}
    missing = sorted(str(path) for path in wanted if not (unpacked / path).is_file())
    assert not missing
    assert (unpacked / "tests" / "conftest.py").is_file() and (unpacked / "tests" / "data" / "seed-reference.json").is_file()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/unit/test_reference.py", "tests/app/test_snapshots.py", "-k", "alpha"],
                          cwd=unpacked, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
