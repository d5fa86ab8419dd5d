"""The everyday loop's sample of the app tier marks only the app tier's tests, wherever the
checkout lives (in ~/app, every parametrized test of every tier once lost its later cases)."""

from dataclasses import dataclass, field
from pathlib import Path

from .. import conftest as tiers
from ..app import conftest as app_tier


@dataclass
class Collected:
    """What the hook reads of a pytest item: where it is, its name, its case, its marks."""

    fspath: Path
    originalname: str
    callspec: object = "a case"
    marks: list[str] = field(default_factory=list)

    def add_marker(self, mark) -> None:
        self.marks.append(mark.name)


def test_only_the_app_tiers_later_cases_are_marked_slow(tmp_path):
    checkout = tmp_path / "app" / "gradstep"  # a folder named app above the checkout
    elsewhere = [Collected(checkout / "tests" / "unit" / "test_x.py", "test_x") for _ in range(3)]
    app = [Collected(app_tier.HERE / "test_y.py", "test_y") for _ in range(3)]
    app_tier.pytest_collection_modifyitems([*elsewhere, *app])
    assert [item.marks for item in elsewhere] == [[], [], []]
    assert [item.marks for item in app] == [[], ["slow"], ["slow"]]


@dataclass
class Options:
    """What the hook reads of pytest's config: whether --everyday was given."""

    everyday: bool

    def getoption(self, name: str) -> bool:
        assert name == "everyday"
        return self.everyday


def test_the_everyday_loop_does_not_even_import_the_terminal_tier():
    assert tiers.pytest_ignore_collect(tiers.HERE / "terminal", Options(everyday=True)) is True
    assert tiers.pytest_ignore_collect(tiers.HERE / "terminal", Options(everyday=False)) is None  # CI: every tier
    assert tiers.pytest_ignore_collect(tiers.HERE / "unit", Options(everyday=True)) is None
