"""Which earlier person a "he" or "she" stands for: a small learned ranker over candidates.

Step 4 of the pipeline, for a pronoun with no antecedent in its own sentence. Each person
the article named before is a candidate (the resolver has already struck out whoever the
sentence's quotation names in the third person, and the asker a reply answers); a linear
model scores what a careful reader weighs (how recently and how prominently the person
was named, whether they spoke just before, whether the pronoun's gender fits) and the best
score wins. The weights are a conditional logit fitted by `tools/train_pronouns.py` on
annotated news (see `pronoun_weights.json` for the data, date and cross-validated
accuracy); without the file the ranker falls back to recency alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import mul

from .entities import Entity, Sent

# The features, in a fixed order (the weights file maps each name to its weight).
FEATURES: tuple[str, ...] = (
    "recency_rank_0",  # the most recently named candidate
    "recency_rank_1",
    "recency_rank_2",
    "distance_1",  # named in the sentence just before
    "distance_2",
    "distance_3_5",
    "distance_far",  # six or more sentences back
    "prominent_mention",  # spoke, or was named first, in the sentence it was last named in
    "spoke_previous",  # the previous sentence is attributed to them
    "spoke_recently",  # two or three sentences back
    "spoke_ever",
    "last_speaker",  # the most recent speaker among the candidates
    "gender_fits",  # the article or the first name says he/she, as the pronoun does
    "gender_unknown",
    "salience",  # log(1 + sentences naming or quoting them so far)
    "most_salient",
    "same_paragraph",  # last named in the pronoun's own paragraph
    "unnamed",  # a description ("a senior official") rather than a name
)


@dataclass(frozen=True, slots=True)
class Situation:
    """Where the pronoun stands: its sentence, the gender it gives, its paragraph."""

    index: int
    gender: str | None
    paragraph: int


def features(people: Sequence[Entity], where: Situation, sents: Sequence[Sent]) -> list[list[float]]:
    """One feature vector (in FEATURES order) per candidate person."""
    by_recency = sorted(people, key=lambda e: (e.seen[0], e.gender == where.gender, e.seen[1]), reverse=True)
    rank = {id(e): i for i, e in enumerate(by_recency)}
    last_spoke = max((e.spoke for e in people), default=-1)
    top_salience = max((e.salience for e in people), default=0)
    rows = []
    for e in people:
        r = rank[id(e)]
        distance = where.index - e.seen[0]
        since_spoke = where.index - e.spoke if e.spoke >= 0 else 0
        paragraph = sents[e.seen[0]].paragraph if 0 <= e.seen[0] < len(sents) else -1
        # In FEATURES order (a tuple, not a dict by name: this runs for every candidate of
        # every pronoun; _ROW_CHECK below keeps the two orders the same).
        values = (
            r == 0,  # recency_rank_0
            r == 1,  # recency_rank_1
            r == 2,  # recency_rank_2
            distance == 1,  # distance_1
            distance == 2,  # distance_2
            3 <= distance <= 5,  # distance_3_5
            distance >= 6,  # distance_far
            e.seen[1] >= -1,  # prominent_mention
            since_spoke == 1,  # spoke_previous
            2 <= since_spoke <= 3,  # spoke_recently
            e.spoke >= 0,  # spoke_ever
            e.spoke >= 0 and e.spoke == last_spoke,  # last_speaker
            where.gender is not None and e.gender == where.gender,  # gender_fits
            e.gender is None,  # gender_unknown
            math.log1p(e.salience),  # salience
            e.salience > 0 and e.salience == top_salience,  # most_salient
            paragraph == where.paragraph,  # same_paragraph
            e.unnamed,  # unnamed
        )
        rows.append([float(v) for v in values])
    return rows


# The names the row above gives its values under, in its order.
_ROW_CHECK = (
    "recency_rank_0 recency_rank_1 recency_rank_2 distance_1 distance_2 distance_3_5 distance_far "
    "prominent_mention spoke_previous spoke_recently spoke_ever last_speaker gender_fits gender_unknown "
    "salience most_salient same_paragraph unnamed"
)
assert tuple(_ROW_CHECK.split()) == FEATURES, "features() builds its rows in FEATURES order"


@lru_cache(maxsize=1)
def weights() -> tuple[float, ...]:
    """The fitted weights in FEATURES order; recency alone when the file is missing."""
    try:
        text = resources.files(__package__).joinpath("pronoun_weights.json").read_text("utf-8")
    except FileNotFoundError:
        return tuple(3.0 if n == "recency_rank_0" else 0.0 for n in FEATURES)
    table = json.loads(text)["weights"]
    return tuple(float(table.get(name, 0.0)) for name in FEATURES)


# Called with (situation, candidates, their feature rows) at every decision: how the
# training script sees what the ranker saw, at the moment it saw it.
Observer = Callable[[Situation, list[Entity], list[list[float]]], None]


def choose(
    people: Sequence[Entity], where: Situation, sents: Sequence[Sent], observe: Observer | None = None
) -> Entity | None:
    """The candidate the model scores highest (ties: the more recent)."""
    if not people:
        return None
    rows = features(people, where, sents)
    if observe is not None:
        observe(where, list(people), rows)
    w = weights()
    # (map(mul) adds the same products in the same order as a generator would, faster)
    scores = [sum(map(mul, w, row)) for row in rows]
    best = max(range(len(people)), key=lambda i: (scores[i], people[i].seen))
    return people[best]
