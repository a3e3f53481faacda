"""The entry point: one article in, per-sentence attributions and its speakers out.

Also step 5: speakers spread over multi-sentence quotes, dash-signed quotes and
quote-only paragraphs.
"""

from __future__ import annotations

import re

from ..models import Attribution, Document, Kind, Speaker
from .entities import Entity, Frame, Ref, Registry, Sent
from .frames import best_frame, ends_after, letters, sentence_frames, signature_only
from .lexicon import CUE_WORDS, QUOTE_FRAME_CUES
from .mentions import find_mentions
from .phrases import speaker_after
from .quotes import INSIDE, QuoteScan, scan_quotes
from .resolve import Resolver

_LOWER_WORD_RE = re.compile(r"[a-z]+")
_ALL_CUES = CUE_WORDS | QUOTE_FRAME_CUES
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .,'’/-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([\w .]+\)\s*)?[—–-]+\s*"
)
_DASH_LINE_RE = re.compile(r"^\s*[—–-]+\s*(?=\S)")


# What stands between a cue and its content: "that", a colon, or a short adverbial and a
# colon ("replied on X: \"...\"", "said in a statement: \"...\"").
_LEAD_IN_RE = re.compile(r"\s*(?:,\s*)?(?:[^\"_:;.]{0,40}:|that\b|:)?")


def _content(sent: Sent, frame: Frame) -> tuple[str, str]:
    """(content text, masked content) on the frame's content side."""
    text, out = sent.text, sent.out
    pieces: list[tuple[int, int]] = []
    if frame.content_side in ("before", "both"):
        pieces.append((0, frame.start))
    if frame.content_side in ("after", "both"):
        after = frame.end
        m = _LEAD_IN_RE.match(out, after)
        pieces.append((m.end() if m else after, len(text)))
    if frame.content_side == "before" and re.match(r'\s*[,:]?\s*"_', out[frame.end :]):
        pieces.append((frame.end, len(text)))  # `"A," X said, "B."`
    content = " ".join(text[a:b] for a, b in pieces)
    masked = " ".join(out[a:b] for a, b in pieces)
    return content.strip(" ,;:-–—\"“”'‘’").strip(), masked


def _kind(frame: Frame, masked: str) -> Kind:
    if frame.according:
        return "according"
    if INSIDE not in masked:
        return "indirect"
    if frame.mixed:
        return "mixed"
    outside = letters(masked.replace(INSIDE, ""))
    if outside <= 2 and frame.content_side == "after" and not masked.lstrip(" ,:").startswith('"'):
        return "mixed"  # `he insisted that it "would not ..."`: reported words around a fragment
    return "direct" if outside <= 2 else "mixed"


def attribute(doc: Document) -> tuple[list[tuple[Attribution, ...]], list[Speaker]]:
    """Per-sentence attributions, main first (parallel to `doc.sentences`), and the article's speakers."""
    body = doc.body
    scans: dict[int, tuple[int, QuoteScan]] = {}
    sents: list[Sent] = []
    for s in doc.sentences:
        if s.paragraph not in scans:
            p_start, p_end = doc.paragraphs[s.paragraph]
            scans[s.paragraph] = (p_start, scan_quotes(body[p_start:p_end]))
        p_start, scan = scans[s.paragraph]
        rel = s.start - p_start
        out = scan.mask[rel : rel + len(s.text)]
        mentions = find_mentions(out)
        if s.index == 0 or rel == 0:
            dateline = _DATELINE_RE.match(out)
            if dateline:  # "WASHINGTON (AP) —" names a place and an agency, not a speaker
                mentions = [m for m in mentions if m.start >= dateline.end()]
        sents.append(Sent(s.index, s.paragraph, s.text, out, rel, mentions))

    registry = Registry()
    registry.build(sents)
    resolver = Resolver(registry, sents)

    for sent in sents:
        sent.frame = best_frame(sentence_frames(sent)) if _find_cues(sent) else None
        if sent.frame is not None:
            speaker = resolver.resolve(sent.frame.ref, sent.index, sent.frame.cue)
            if speaker is not None:
                if speaker.kind == "unknown" and sent.frame.ref.kind == "entity":
                    speaker.kind = "person"
                if sent.frame.role:
                    speaker.add_role(sent.frame.role, 3, sent.index)
                sent.speaker = speaker
        _update_salience(sent)

    _split_fragments(sents)
    _dash_lines(sents)
    _spread_quotes(sents, scans, doc)
    return _finish(sents, registry)


def _find_cues(sent: Sent) -> bool:
    """Collect the sentence's cue words; False when no frame can exist (the common case)."""
    out = sent.out
    found = _ALL_CUES.intersection(_LOWER_WORD_RE.findall(out))
    cues: list[tuple[int, int, str]] = []
    for word in found:
        at = out.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not out[at - 1].isalpha()) and (end == len(out) or not out[end].isalpha()):
                cues.append((at, end, word))
            at = out.find(word, end)
    cues.sort()
    sent.cues = cues
    return bool(sent.cues) or "ccording to" in out or out.startswith(("In ", "During ")) or '"' in out


def _update_salience(sent: Sent) -> None:
    counted: set[int] = set()
    for rank, mention in enumerate(sent.mentions):
        ent = mention.entity
        if isinstance(ent, Entity) and ent.kind in ("person", "org", "unknown", "group"):
            key = (sent.index, -rank - 1)
            if key > ent.seen:
                ent.seen = key
            if id(ent) not in counted:
                counted.add(id(ent))
                ent.salience += 1
    if sent.speaker is not None:
        sent.speaker.seen = (sent.index, 0)
        sent.speaker.spoke = sent.index
        sent.speaker.salience += 1  # speaking makes someone what the story is about


def _split_fragments(sents: list[Sent]) -> None:
    """ "Sen. Tim Scott, R-S." + "C., said the Fed ...": a sentence cut inside an abbreviation."""
    for prev, sent in zip(sents, sents[1:], strict=False):
        frag = _FRAGMENT_RE.match(sent.out)
        if not frag or sent.speaker is not None or prev.paragraph != sent.paragraph:
            continue
        people = [m for m in prev.mentions if m.kind == "person" and isinstance(m.entity, Entity)]
        if not people:
            continue
        ent = people[-1].entity
        cue_end = frag.end()
        sent.frame = Frame(1, frag.start(1), Ref("entity", entity=ent), frag.group(1).lower(), 0, cue_end)
        sent.speaker = ent


_FRAGMENT_RE = re.compile(r"(?:[A-Z]\.)+,?\s+(said|says|told|added|argued|warned|wrote|noted|stated)\b")


def _dash_lines(sents: list[Sent]) -> None:
    """A line "— Name, role" after a quote signs that quote."""
    for prev, sent in zip(sents, sents[1:], strict=False):
        dash = _DASH_LINE_RE.match(sent.out)
        if not dash or prev.speaker is not None or not _quote_only(prev):
            continue
        found = speaker_after(sent, dash.end())
        if found and ends_after(sent.out, found[0]) and found[1].kind == "entity":
            sent.frame, sent.speaker = None, None
            prev.speaker = found[1].entity
            if found[2] and prev.speaker is not None:
                prev.speaker.add_role(found[2], 3, sent.index)
            prev.frame = Frame(0, 0, found[1], None, 0, 0, False, "quote")


def _quote_only(sent: Sent) -> bool:
    return INSIDE in sent.out and letters(sent.out.replace(INSIDE, "")) <= 2


def _spread_quotes(sents: list[Sent], scans: dict[int, tuple[int, QuoteScan]], doc: Document) -> None:
    """Give multi-sentence quotes and quote-only paragraphs the speaker named at either end."""
    # Group sentences covered by one quotation (chained across paragraphs left open).
    groups: list[list[int]] = []
    open_group: list[int] | None = None
    by_paragraph: dict[int, list[Sent]] = {}
    for sent in sents:
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    for p in sorted(by_paragraph):
        p_sents = by_paragraph[p]
        _, scan = scans[p]
        for r_i, (a, b) in enumerate(scan.regions):
            members = [s.index for s in p_sents if s.offset < b and s.offset + len(s.text) > a]
            if not members:
                continue
            if r_i == 0 and open_group is not None and a <= 1:
                open_group.extend(i for i in members if i not in open_group)
                group = open_group
            else:
                group = list(members)
                groups.append(group)
            open_group = group if (scan.open_at_end and r_i == len(scan.regions) - 1) else None
        if not scan.regions:
            open_group = None
    quote_id = 0
    for group in groups:
        quoted = [sents[i] for i in group]
        named = [(s.speaker, s.frame) for s in quoted if s.speaker is not None and s.frame is not None]
        speaker = named[0][0] if named else None
        cue = named[0][1].cue if named else None
        if speaker is None:
            # A quote right after an attributed sentence continues that speaker; a quote
            # followed in its paragraph by an attributed quote takes that one.
            first, last = quoted[0], quoted[-1]
            prev = sents[first.index - 1] if first.index > 0 else None
            nxt = sents[last.index + 1] if last.index + 1 < len(sents) else None
            if not all(_quote_only(s) for s in quoted):
                continue
            if nxt is not None and nxt.speaker is not None and nxt.frame is not None and signature_only(nxt):
                # `"So you stole from them?"` + `Blanche asked.`: a split-off attribution signs the quote.
                speaker = nxt.speaker
                nxt.frame.content_side = "signature"
            elif (
                prev is not None
                and prev.speaker is not None
                and prev.frame is not None
                and not prev.frame.according
            ):
                speaker = prev.speaker
            elif (
                nxt is not None
                and nxt.paragraph == last.paragraph
                and nxt.speaker is not None
                and nxt.frame is not None
                and nxt.frame.content_side == "before"
            ):
                speaker = nxt.speaker
        if speaker is None:
            continue
        gid = None
        if len(quoted) > 1:
            quote_id += 1
            gid = quote_id
        for s in quoted:
            if s.speaker is None and _quote_only(s):
                s.speaker = speaker
                s.frame = Frame(9, 0, Ref("entity", entity=speaker), cue, 0, 0, False, "before")
                s.frame.content_side = "quote"
            if s.speaker is speaker:
                s.quote = gid


def _finish(sents: list[Sent], registry: Registry) -> tuple[list[tuple[Attribution, ...]], list[Speaker]]:
    attributions: list[tuple[Attribution, ...]] = []
    spoken: dict[int, Entity] = {}
    for sent in sents:
        frame, speaker = sent.frame, sent.speaker
        if frame is None or speaker is None:
            attributions.append(())
            continue
        if frame.content_side == "quote":
            content = sent.text.strip(' "“”')
            kind: Kind = "direct"
        elif frame.content_side == "signature":
            content, kind = None, "direct"
        else:
            content, masked = _content(sent, frame)
            kind = _kind(frame, masked)
        spoken[id(speaker)] = speaker
        attributions.append(
            (Attribution(speaker.name, speaker.role, frame.cue, kind, content or None, sent.quote),)
        )
    speakers = [
        Speaker(
            e.name,
            e.role,
            tuple(sorted(a for a in e.aliases if a and a != e.name)),
            e.kind != "org" and e.kind != "place",
        )
        for e in spoken.values()
    ]
    return attributions, speakers
