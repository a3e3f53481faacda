"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST_COMMAND = 'pip install -e ".[test]" && python -m pytest'


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert TEST_COMMAND in readme.split("##", 2)[0] or TEST_COMMAND in readme[:3000]
    assert "\n" + TEST_COMMAND + "\n" in ci


def test_readme_main_command_uses_the_seed_archive():
    head = (REPO / "README.md").read_text()[:3000]
    assert 'pip install -e . && archivist ask "Who said the age of spheres of influence is over?"' in head
