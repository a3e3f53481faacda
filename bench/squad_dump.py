"""Dump `ask`'s candidates for every SQuAD question, for fitting ranking weights offline.

    python bench/squad_dump.py PATH/TO/squad-dev-v1.1-public.json OUT.pickle [--paragraphs N]

Runs each question once through search.prepare and the paragraph index (N paragraphs,
more than `ask` reads, so deeper candidate lists can be tried offline) and stores, per
question: the Query, the paragraph hits, each paragraph's sentences (text, idx, speaker,
the cached parse) and a hit label per sentence (bench/squad.py's definition: in the
question's paragraph and holding a gold answer text).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import pickle
import sys
import tempfile
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from bot.core import ingest, search  # noqa: E402
from bot.core.archive import Archive  # noqa: E402
from bot.core.store import Store  # noqa: E402


async def run(path: Path, out: Path, paragraphs: int) -> None:
    data = json.loads(path.read_text("utf-8"))["data"]
    with tempfile.TemporaryDirectory(prefix="archivist-squad-") as tmp:
        db = Path(tmp) / "squad.db"
        archive = await Archive.open(db, seeds=None)
        questions = []
        for art in data:
            paras = [p["context"] for p in art["paragraphs"]]
            doc = ingest.build_document(art["title"].replace("_", " "), paras)
            summary = await archive.add_document(doc)
            for p_index, para in enumerate(art["paragraphs"]):
                for qa in para["qas"]:
                    questions.append(
                        (qa["question"], summary.ref.id, p_index, [a["text"] for a in qa["answers"]])
                    )
        store = await Store.open(db)
        aliases: dict[str, set[str]] = {}
        for alias, _sid, name, _n in await store.speaker_aliases(None):
            aliases.setdefault(alias.lower().removeprefix("the "), set()).add(name)
        rows = []
        for question, article_id, p_index, answers in questions:
            query = await search.prepare(store, question)
            if query is None:
                rows.append((question, None, [], []))
                continue
            named = search._named_speakers(query, aliases)
            hits = await store.paragraph_hits(query.match, None, paragraphs)
            groups = await store.sentences_of((a, p) for a, p, _ in hits)
            paras_out = []
            for a, p, score in hits:
                sents = groups.get((a, p), [])
                parsed = await search._parsed(store, sents)
                paras_out.append(
                    (
                        a,
                        p,
                        score,
                        [
                            (
                                s.idx,
                                s.text,
                                bool(s.speaker and s.speaker in named),
                                pr,
                                a == article_id and p == p_index and any(x in s.text for x in answers),
                            )
                            for s, pr in zip(sents, parsed, strict=True)
                        ],
                    )
                )
            rows.append((question, query, paras_out, answers))
        out.write_bytes(pickle.dumps(rows))
        print(f"{len(rows)} questions dumped to {out}")
        await store.close()
        await archive.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--paragraphs", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(run(args.path, args.out, args.paragraphs))


if __name__ == "__main__":
    main()
