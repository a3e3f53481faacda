"""The usual sex of a first name, from public birth-name counts (first_names.txt)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .lexicon import FIRST_NAMES_F, FIRST_NAMES_M


def gender_of_first(word: str) -> str | None:
    """m/f from a first name (the usual sex of US births so named), None when unknown or mixed."""
    return _first_name_sexes().get(word.lower())


@lru_cache(maxsize=1)
def _first_name_sexes() -> dict[str, str]:
    """first_names.txt (built by tools/build_first_names.py from SSA data), read once."""
    table: dict[str, str] = {}
    text = resources.files(__package__).joinpath("first_names.txt").read_text("utf-8")
    for line in text.splitlines():
        sex, *names = line.split()
        table.update(dict.fromkeys(names, sex))
    # The hand lists name people the SSA data may not (other countries' names); they win.
    table.update(dict.fromkeys(FIRST_NAMES_F, "f"))
    table.update(dict.fromkeys(FIRST_NAMES_M, "m"))
    return table
