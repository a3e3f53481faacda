"""Generated news-like text for benchmarks: sentences over a Zipf-distributed vocabulary,
with named speakers, roles and speech verbs, and questions made from them."""

from __future__ import annotations

import random

FIRST = [
    "Ada",
    "Grace",
    "Jens",
    "Tiberio",
    "Antony",
    "Mira",
    "Omar",
    "Lena",
    "Piotr",
    "Aiko",
    "Kofi",
    "Ines",
    "Ravi",
    "Sofia",
    "Tomas",
    "Yara",
    "Nils",
    "Hana",
    "Diego",
    "Maren",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Stoltenberg",
    "Graziani",
    "Blinken",
    "Okafor",
    "Haddad",
    "Novak",
    "Kowalski",
    "Tanaka",
    "Mensah",
    "Duarte",
    "Iyer",
    "Rossi",
    "Berg",
    "Salem",
    "Lund",
    "Sato",
    "Vega",
    "Quill",
]
ROLES = [
    "the mayor",
    "the finance minister",
    "a union spokesperson",
    "the harbour master",
    "the chief engineer",
    "a senior analyst",
    "the foreign minister",
    "the council leader",
    "a police spokesperson",
    "the health director",
]
VERBS = ["said", "told reporters", "warned", "argued", "announced", "claimed", "added", "explained"]
TEMPLATES = [
    "The {a} {b} will {c} the {d} in {place} before {month}.",
    "{person}, {role}, {verb} that the {a} {b} had {c_ed} the {d}.",
    '"We will not {c} the {d} while the {a} {b} remains," {verb} {person}.',
    "According to {person}, the {a} of {place} {c_ed} {num} {d} last {month}.",
    "Officials in {place} {c_ed} the {a} {b} after {num} days of {d}.",
    "The {d} of the {a} {b} rose by {num} percent in {month}, {role} {verb}.",
    "Residents of {place} asked whether the {a} {b} would {c} their {d}.",
    "{person} {verb} the {a} {d} was {adj} and {adj2}.",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """Pronounceable made-up words: real text has a few common words and many rare ones."""
    onsets = [
        "b",
        "br",
        "c",
        "d",
        "dr",
        "f",
        "g",
        "gr",
        "h",
        "k",
        "l",
        "m",
        "n",
        "p",
        "pr",
        "r",
        "s",
        "st",
        "t",
        "tr",
        "v",
        "w",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
    codas = ["", "n", "r", "s", "t", "l", "nd", "rk", "st", "m"]
    words: set[str] = set()
    while len(words) < size:
        n = rng.choice((1, 2, 2, 3))
        words.add("".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(n)) + rng.choice(codas))
    return sorted(words)


class TextMaker:
    """News-like sentences over a Zipf-distributed vocabulary."""

    def __init__(self, seed: int = 7, vocabulary: int = 20_000) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng, vocabulary)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.places = [
            w.capitalize() + s
            for w, s in zip(self.words[:300], ["", "ton", "ville", " Bay", "burg"] * 60, strict=True)
        ]

    def _word(self) -> str:
        return self.rng.choices(self.words, self.weights)[0]

    def sentence(self) -> str:
        rng = self.rng
        return rng.choice(TEMPLATES).format(
            a=self._word(),
            b=self._word(),
            c=self._word(),
            c_ed=self._word() + "ed",
            d=self._word(),
            adj=self._word(),
            adj2=self._word(),
            place=rng.choice(self.places),
            month=rng.choice(MONTHS),
            num=rng.randint(2, 900),
            person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            role=rng.choice(ROLES),
            verb=rng.choice(VERBS),
        )

    def article(self, sentences: int) -> tuple[str, list[str]]:
        body = [self.sentence() for _ in range(sentences)]
        paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
        title = " ".join(w.capitalize() for w in (self._word(), self._word(), self._word(), self._word()))
        return title, paragraphs

    def question(self, sentence: str) -> str:
        """A question a member might ask about a sentence: some of its words, reworded."""
        words = [w.strip('",.') for w in sentence.split() if len(w.strip('",.')) > 3]
        picked = self.rng.sample(words, min(len(words), self.rng.randint(3, 5)))
        return (
            self.rng.choice(["what about", "who said", "why did", "tell me about", "when did"])
            + " "
            + " ".join(picked)
            + "?"
        )
