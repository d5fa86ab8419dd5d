"""The README is one page a student reads, and every link in it and in docs/ leads somewhere.

The README once held everything (6,300 words): a student had to find the keys between a
lab's NFS settings and the benchmarks. It now holds what a student needs, and links to
the teacher's guide, the lab's and the benchmarks; these tests keep that split honest.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
REPO_PATH = re.compile(r"`((?:core|tui|tests|docs)/[\w./-]+)`")


def anchors(page: Path) -> set[str]:
    """The anchors GitHub makes of a page's headings: lower case, punctuation dropped, spaces as '-'."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


def words(page: Path) -> int:
    return len(page.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_leads_to_a_file_and_a_heading_that_exist(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address: not this repository's to check
        path, _, anchor = target.partition("#")
        place = (page.parent / path).resolve() if path else page
        assert place.exists(), f"{page.name}: {target}"
        if anchor:
            assert anchor in anchors(place), f"{page.name}: {target}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_file_of_the_repository_a_page_names_exists(page):
    for named in REPO_PATH.findall(page.read_text(encoding="utf-8")):
        assert (ROOT / named.rstrip(".")).exists(), f"{page.name}: {named}"


def test_the_readme_begins_with_the_two_commands_a_newcomer_types():
    commands = [line.strip() for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("    ")]
    start, tests = commands[:2]
    assert start.startswith("python3 -m venv .venv") and start.endswith(".venv/bin/gradstep")
    assert tests.startswith("python3 -m venv .venv") and tests.endswith(".venv/bin/pytest")


def test_ci_reads_the_readmes_test_command():
    """.ci/run greps the README for its test command: the first line it finds is the one a newcomer types."""
    if not (ROOT / ".ci" / "run").exists():
        pytest.skip("an unpacked sdist has no CI script")
    pattern = re.search(r"grep -m1 -E '([^']+)' README\.md", (ROOT / ".ci" / "run").read_text(encoding="utf-8"))[1]
    found = next(line for line in README.read_text(encoding="utf-8").splitlines() if re.search(pattern, line))
    assert found.strip() == "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"


def test_the_readme_fits_on_one_page_and_links_the_rest():
    text = README.read_text(encoding="utf-8")
    assert words(README) <= 1200, words(README)  # about 1,000 words: what a student reads
    for page in DOCS:
        assert f"(docs/{page.name})" in text, page.name


def test_a_chinese_speaking_student_finds_the_chinese_flag_in_chinese():
    line = next(line for line in README.read_text(encoding="utf-8").splitlines() if re.search(r"[\u4e00-\u9fff]", line))
    assert "--lang zh" in line


def test_the_readme_key_table_lists_every_key():
    """The README's key table lacked z (freeze), found by a newcomer only through `?`: each
    key the app binds is in the table (or, for `?` and the play speed's `[` `]`, named in
    backticks beside it)."""
    from gradstep.tui.app.keys import KEYS

    text = README.read_text(encoding="utf-8")
    listed = {key.strip() for line in text.splitlines() if line.startswith("| ")
              for key in re.split(r",| / ", line.split("|")[1])}
    missing = [shown for _, _, _, shown, _ in KEYS if shown not in listed and f"`{shown}`" not in text]
    assert not missing, missing
