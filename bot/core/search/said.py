"""`said`: a person's attributions, newest first, found by name, surname, role or misspelling."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

from ..errors import BadQuery
from ..models import SearchResult
from ..storage import ArchiveStore
from .answers import _answers
from .query import _WORD_RE, clean

SAID_CUTOFF = 78.0
SAID_MARGIN = 8.0


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    # (accents folded: "Ruíz" is "Ruiz" as typed on a keyboard without them)
    key = utils.default_process(
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    )
    return key[4:] if key.startswith("the ") else key


def resolve_speaker(
    person: str, aliases: Sequence[tuple[str, int, str, int]]
) -> tuple[tuple[int, str] | None, list[str]]:
    """((speaker_id, name) or None, other names that also fit) for a name, surname,
    role or misspelling. The top match wins outright when exact or clearly ahead."""
    key = _name_key(person)
    if not key:
        return None, []
    choices = [_name_key(a[0]) for a in aliases]
    hits = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=SAID_CUTOFF, limit=50)
    best: dict[int, tuple[float, int, str]] = {}
    for _choice, score, i in hits:
        _alias, speaker_id, name, count = aliases[i]
        if speaker_id not in best or score > best[speaker_id][0]:
            best[speaker_id] = (score, count, name)
    if not best:
        # "said Ana": a first name alone, when no alias is like it, names whoever has it
        for _alias, speaker_id, name, count in aliases:
            if " " in name and _name_key(name.split()[0]) == key:
                best[speaker_id] = (100.0, max(count, best.get(speaker_id, (0, 0, ""))[1]), name)
    if not best:
        return None, []
    order = sorted(best.items(), key=lambda kv: (kv[1][0], kv[1][1]), reverse=True)
    (top_id, (top_score, _count, top_name)), rest = order[0], order[1:]
    others = [name for _sid, (score, _c, name) in rest if score >= top_score - SAID_MARGIN]
    return (top_id, top_name), others


async def said(
    store: ArchiveStore,
    person: str,
    guild_id: int | None,
    limit: int,
    aliases: Sequence[tuple[str, int, str, int]],
) -> SearchResult:
    """A person's attributed statements, newest article first; whole quotes kept together."""
    text = clean(person)
    if not _WORD_RE.search(text):
        raise BadQuery("Name a person, for example: said Stoltenberg.")
    found, others = resolve_speaker(text, aliases)
    if found is None:
        return SearchResult(query=text)
    speaker_id, name = found
    rows = await store.statements(speaker_id, guild_id, limit * 4)
    answers = await _answers(store, [(1.0, c) for c in rows], limit, with_context=True)
    return SearchResult(query=text, answers=tuple(answers), speaker=name, did_you_mean=tuple(others))
