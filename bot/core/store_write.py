"""Writing the archive: articles in (one or a batch, each all or nothing) and out, with
their index entries. A store module: it speaks SQL; Store calls it with its writer."""

from __future__ import annotations

from collections.abc import Sequence

import aiosqlite

from .errors import Duplicate
from .models import Document, Sentence


def paragraph_texts(sentences: Sequence[Sentence]) -> list[tuple[int, str]]:
    """(index of its first sentence, text) of each paragraph: its sentences joined by spaces,
    the same at insert and delete (a contentless index is told what to forget)."""
    out: list[tuple[int, str]] = []
    current = -1
    for s in sentences:
        if s.paragraph != current:
            out.append((s.index, s.text))
            current = s.paragraph
        else:
            out[-1] = (out[-1][0], out[-1][1] + " " + s.text)
    return out


async def insert_batch(
    db: aiosqlite.Connection,
    items: Sequence[tuple[Document, str, int | None]],
    *,
    copies: Sequence[tuple[int, str]] | None = None,
) -> tuple[list[int | Duplicate], int]:
    """One transaction, a fixed dozen statements whatever the batch size: rows are built
    here with their ids (BEGIN IMMEDIATE keeps other writers out), then each table gets one
    executemany. A duplicate (in the archive or earlier in the batch, in the article's
    scope) is skipped, not an error. With `copies` ((id, added_at) per item, for archivist
    migrate) the articles keep those ids and times, unchecked for duplicates. Returns (per
    item its id or Duplicate, sentences added)."""
    await db.execute("BEGIN IMMEDIATE")
    try:
        hashes = list(dict.fromkeys(h for _d, h, _g in items))
        marks = ",".join("?" * len(hashes))
        known: dict[str, list[tuple[int, int | None]]] = {}
        async with db.execute(
            f"SELECT content_hash, id, guild_id FROM articles WHERE content_hash IN ({marks}) ORDER BY id",
            hashes,
        ) as cur:
            for h, existing_id, existing_guild in await cur.fetchall():
                known.setdefault(h, []).append((existing_id, existing_guild))
        # Article ids come from the counter (never reused); the others may be max + 1.
        last_ids = (
            "SELECT max(coalesce((SELECT value FROM counters WHERE name = 'articles'), 0),"
            " coalesce((SELECT max(id) FROM articles), 0)),"
            " (SELECT max(id) FROM sentences), (SELECT max(id) FROM attributions)"
        )
        async with db.execute(last_ids) as cur:
            last_article, last_sentence, last_attribution = await cur.fetchone()  # type: ignore[misc]
        article_id, sentence_id = last_article or 0, last_sentence or 0
        top_article = max([article_id, *(i for i, _t in copies or ())])
        attribution_id = last_attribution or 0
        first_sentence, first_attribution = sentence_id + 1, attribution_id + 1
        results: list[int | Duplicate] = []
        articles: list[tuple[object, ...]] = []
        sentences: list[tuple[object, ...]] = []
        paragraphs: list[tuple[int, str]] = []
        people: dict[str, bool] = {}
        aliases: list[tuple[str, int, str]] = []
        attributions: list[tuple[object, ...]] = []
        for n, (doc, content_hash, guild_id) in enumerate(items):
            added_at: str | None = None
            if copies is None:
                dup = next((i for i, g in known.get(content_hash, ()) if g is None or g == guild_id), None)
                if dup is not None:
                    results.append(Duplicate(f"That article is already in the archive as #{dup}.", dup))
                    continue
                article_id += 1
                top_article = max(top_article, article_id)
                known.setdefault(content_hash, []).append((article_id, guild_id))
            else:
                article_id, added_at = copies[n]
            results.append(article_id)
            articles.append(
                (article_id, guild_id, doc.title, doc.date, doc.author, doc.source, doc.body, content_hash)
                + (added_at,)
            )
            ids: dict[int, int] = {}
            for s in doc.sentences:
                sentence_id += 1
                ids[s.index] = sentence_id
                sentences.append((sentence_id, article_id, s.index, s.paragraph, s.start, s.end, s.text))
            paragraphs += [(ids[first], text) for first, text in paragraph_texts(doc.sentences)]
            mine = {sp.name: sp.is_person for sp in doc.speakers}
            for clauses in doc.clauses:
                for a in clauses:
                    mine.setdefault(a.speaker, True)
            for name, is_person in mine.items():
                people.setdefault(name, is_person)
            names = {(sp.name, alias) for sp in doc.speakers for alias in (sp.name, *sp.aliases) if alias}
            names |= {(name, name) for name in mine}
            aliases += [(name, article_id, alias) for name, alias in names]
            for s, clauses in zip(doc.sentences, doc.clauses, strict=False):
                for ordinal, a in enumerate(clauses):
                    attribution_id += 1
                    attributions.append(
                        (attribution_id, ids[s.index], article_id, ordinal, a.speaker, a.role, a.cue, a.kind)
                        + (a.content, a.start, a.end, a.quote)
                    )
        if articles:
            await db.executemany(
                "INSERT INTO articles"
                " (id, guild_id, title, date, author, source, body, content_hash, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
                articles,
            )
            await db.execute(
                "INSERT INTO counters (name, value) VALUES ('articles', ?)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (top_article,),
            )
            await db.executemany(
                "INSERT INTO sentences (id, article_id, idx, paragraph, start, end, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                sentences,
            )
            await db.execute(
                "INSERT INTO sentences_fts (rowid, text)"
                " SELECT id, text FROM sentences WHERE id BETWEEN ? AND ?",
                (first_sentence, sentence_id),
            )
            await db.executemany("INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)", paragraphs)
            await db.executemany(
                "INSERT INTO speakers (name, is_person) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                [(name, int(is_person)) for name, is_person in people.items()],
            )
            await db.executemany(
                "INSERT OR IGNORE INTO speaker_aliases (speaker_id, article_id, alias)"
                " VALUES ((SELECT id FROM speakers WHERE name = ?), ?, ?)",
                aliases,
            )
            await db.executemany(
                "INSERT INTO attributions"
                " (id, sentence_id, article_id, ordinal, speaker_id, role, cue, kind, content,"
                " start, end, quote)"
                " VALUES (?, ?, ?, ?, (SELECT id FROM speakers WHERE name = ?), ?, ?, ?, ?, ?, ?, ?)",
                attributions,
            )
            await db.execute(
                "INSERT INTO quotes_fts (rowid, content, sentence)"
                " SELECT id, content, sentence FROM quote_texts WHERE id BETWEEN ? AND ?",
                (first_attribution, attribution_id),
            )
        await db.execute("COMMIT")
    except BaseException:
        await db.execute("ROLLBACK")
        raise
    return results, len(sentences)


async def delete_article(db: aiosqlite.Connection, article_id: int) -> int:
    """Remove an article and everything hanging off it, index entries included; returns
    how many sentences went."""
    await db.execute("BEGIN IMMEDIATE")
    try:
        cur = await db.execute(
            "INSERT INTO sentences_fts (sentences_fts, rowid, text)"
            " SELECT 'delete', id, text FROM sentences WHERE article_id = ?",
            (article_id,),
        )
        removed = cur.rowcount
        await db.execute(
            "INSERT INTO quotes_fts (quotes_fts, rowid, content, sentence)"
            " SELECT 'delete', q.id, q.content, q.sentence FROM quote_texts q"
            " JOIN attributions at ON at.id = q.id WHERE at.article_id = ?",
            (article_id,),
        )
        async with db.execute(
            "SELECT id, idx, paragraph, text FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)
        ) as rows:
            stored = await rows.fetchall()
        ids = {idx: sid for sid, idx, _p, _t in stored}
        await db.executemany(
            "INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', ?, ?)",
            [
                (ids[first], text)
                for first, text in paragraph_texts([Sentence(i, p, 0, 0, t) for _s, i, p, t in stored])
            ],
        )
        await db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        # Speakers nobody is attributed or aliased to any more go too.
        await db.execute(
            "DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM attributions)"
            " AND id NOT IN (SELECT speaker_id FROM speaker_aliases)"
        )
        await db.execute("COMMIT")
    except BaseException:
        await db.execute("ROLLBACK")
        raise
    return max(removed, 0)
