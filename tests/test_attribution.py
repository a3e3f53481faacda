"""Attribution: the seed acceptance table, each pattern on its own, and the corpus floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ingest import parse
from bot.core.models import Attribution, Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_73400efa8faf97c7.txt"
CORPUS = Path(__file__).resolve().parent / "corpus"

GRAZIANI_ROLE = "chairman of Vision & Global Trends at the International Institute for Global Analyses"
JAKOBSEN_ROLE = "political science and international relations professor at the Norwegian University of Science and Technology"
# (sentence begins, speaker, kind, role or None when the table does not give one)
SEED_TABLE = [
    ("In response to Russia's security proposal", "Jens Stoltenberg", "indirect", None),
    ("US Secretary of State Antony Blinken spoke on 23 December", "US State Department", "according", None),
    ("Earlier, on 21 December, the NATO chief said", "Jens Stoltenberg", "mixed", None),
    ("Stoltenberg echoed Blinken who stated in May 2021", "Antony Blinken", "mixed", None),
    ("It is hardly surprising that Blinken and Stoltenberg", "Tiberio Graziani", "according", GRAZIANI_ROLE),
    (
        "This is a case where two different versions of world order collide",
        "Jo Jakobsen",
        "indirect",
        JAKOBSEN_ROLE,
    ),
    ('"NATO is an alliance in crisis', "Tiberio Graziani", "direct", None),
    ('"Stoltenberg essentially reiterates', "Tiberio Graziani", "direct", None),
    ("Disregarding Putin's (and Lavrov's) statements", "Tiberio Graziani", "direct", None),
    ("The problem, however, is that Moscow", "Jo Jakobsen", "mixed", None),
    ('"The price we all pay', "Jo Jakobsen", "direct", None),
    ("International observers have discussed", None, None, None),
]


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse(SEED.read_bytes(), name=SEED.name)


def _find(doc: Document, begins: str) -> Attribution | None:
    hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(begins)]
    assert len(hits) == 1, f"{begins!r} matches {len(hits)} sentences"
    return doc.attributions[hits[0]]


@pytest.mark.parametrize(("begins", "speaker", "kind", "role"), SEED_TABLE)
def test_seed_table(
    seed: Document, begins: str, speaker: str | None, kind: str | None, role: str | None
) -> None:
    att = _find(seed, begins)
    if speaker is None:
        assert att is None
        return
    assert att is not None
    assert (att.speaker, att.kind) == (speaker, kind)
    if role is not None:
        assert att.role == role


def test_seed_two_sentence_quote_shares_a_group(seed: Document) -> None:
    first = _find(seed, '"Stoltenberg essentially reiterates')
    second = _find(seed, "Disregarding Putin's")
    assert first and second and first.quote is not None and first.quote == second.quote
    assert _find(seed, '"NATO is an alliance').quote != first.quote


def test_seed_speakers_carry_aliases_and_roles(seed: Document) -> None:
    speakers = {s.name: s for s in seed.speakers}
    stoltenberg = speakers["Jens Stoltenberg"]
    assert {"Stoltenberg", "the NATO chief"} <= set(stoltenberg.aliases)
    assert stoltenberg.role == "NATO secretary-general"
    assert "the academic" in speakers["Jo Jakobsen"].aliases
    assert speakers["Antony Blinken"].role == "US Secretary of State"
    assert speakers["US State Department"].is_person is False
    assert _find(seed, "Earlier, on 21 December").cue == "said"
    assert _find(seed, "This is a case where").cue == "warns"
