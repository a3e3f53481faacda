"""The entry point: one article in, per-sentence attributions and its speakers out.

Also step 5: speakers spread over multi-sentence quotes, dash-signed quotes and
quote-only paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Attribution, Document, Kind, Speaker
from .antecedents import Observer
from .content import COLON_DATELINE_RE, DATELINE_RE, content_of
from .entities import THOUSANDS_MARK, Entity, Frame, Ref, Registry, Sent
from .frames import sentence_frames
from .headlines import headlines
from .layouts import IDIOM_CUE_RE, OPENING_PARTICIPLE_RE, THAT_IS_HOW_RE
from .lexicon import ALL_CUE_WORDS, PLURAL_ROLE_HEADS, STANCE_CUES
from .mending import colon_blocks, dash_lines, qa_answers, quotes_run_on, split_fragments, transcript_turns
from .mentions import find_mentions
from .nesting import frame_order, other_frames
from .noun_frames import NOUN_FRAME_WORDS
from .phrases import role_np_after
from .quoted_clause import quoted_clause_frame
from .quotes import INSIDE, QuoteScan, scan_quotes
from .resolve import Resolver
from .siblings import (
    clause_end,
    first_of_two,
    governs_next,
    merge_same_speaker,
    named_in_apposition,
    nested_before,
)
from .signatures import (
    carrying_lead,
    few_letters,
    quote_only,
    signature_only,
)
from .subjects import main_subject
from .weak_cues import STANCE_ADJECTIVES

Visitor = Callable[[Sent, Resolver], None]

# The words one of layouts.IDIOM_CUE_RE's idioms holds ("made a case for", "took issue with"):
# a set test on the words already split, before that pattern runs.
_IDIOM_WORDS_BYTES = frozenset(
    w.encode("ascii")
    for w in (  # noqa: SIM905  (a word list reads best as one string)
        "case aim issue shot shots swipe swipes jab jabs dig digs lashed lashes lashing weighed weighs"
        " weighing went goes going threw throws throwing raised raises raising spoke speaks speaking"
        " clear doubled doubles doubling came comes coming away walked walks walking voiced voices voicing"
        " plea pitch appeal secret put puts putting"
    ).split()
)
_LOWER_ONLY = bytes(i if 97 <= i <= 122 else 32 for i in range(256))
_ALL_CUES_BYTES = frozenset(w.encode("utf-8") for w in ALL_CUE_WORDS)
_SPEECH_NOUNS_BYTES = frozenset(w.encode("utf-8") for w in NOUN_FRAME_WORDS)
_IN_WORDS_NOUNS = ("words", "view", "opinion", "estimation", "judgment", "judgement")
_STANCE_ADJECTIVES_BYTES = frozenset(w.encode("utf-8") for w in STANCE_ADJECTIVES)
_GLUED_DASH_RE = re.compile(r"[―—–-](?=[A-Z][a-z])")
# A thousands separator ("which represents 4,000 workers,") is no comma between phrases: the
# mask writes another mark for it, so that appositions and clauses are fenced by real commas
# only (a role read from the mask turns it back: Entity.add_role).
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


_CLAUSE_END_RE = re.compile(r"[,;](?!\d)")  # (not the comma of "$20,000")


def _kind(frame: Frame, masked: str) -> Kind:
    if frame.according:
        return "according"
    if frame.verbatim:
        return "direct"
    if INSIDE not in masked:
        return "indirect"
    if frame.mixed:
        return "mixed"
    # (INSIDE is no letter, so the quoted characters need not be taken out before counting.)
    if not few_letters(masked):
        return "mixed"
    if frame.content_side == "after" and not masked.lstrip(" ,:").startswith('"'):
        return "mixed"  # `he insisted that it "would not ..."`: reported words around a fragment
    return "direct"


def attribute(
    doc: Document, observe: Observer | None = None, visit: Visitor | None = None
) -> tuple[list[tuple[Attribution, ...]], list[Speaker]]:
    """Per-sentence attributions, main first (parallel to `doc.sentences`), and the article's speakers.

    `observe` sees every pronoun decision with its candidates' features (for training);
    `visit` sees each sentence once its frames are read, with the resolver as it stands
    there (described.py asks it whom an unattributed sentence is about).
    """
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
        if rel == 0 and _GLUED_DASH_RE.match(out):
            out = " " + out[1:]  # "-Michelle Marks, Philadelphia.": a signing dash, not a hyphenated word
        if "," in out:
            out = _THOUSANDS_RE.sub(THOUSANDS_MARK, out)
        mentions = find_mentions(out)
        if s.index == 0 or rel == 0:
            dateline = DATELINE_RE.match(out)
            if dateline:  # "WASHINGTON (AP) —" names a place and an agency, not a speaker
                mentions = [m for m in mentions if m.start >= dateline.end()]
            # (the article's first sentence only: a transcript labels many)
            colon = COLON_DATELINE_RE.match(out) if not dateline and s.index == 0 else None
            if colon and any(m.start >= colon.end() and m.kind == "person" for m in mentions):
                # "LUCKNOW: Chief Minister Pandey directed ...": a place before its story (not a
                # transcript's "HALE: I disagree.", where no one else is named)
                mentions = [m for m in mentions if m.start >= colon.end()]
        sents.append(Sent(s.index, s.paragraph, s.text, out, rel, mentions))

    registry = Registry()
    registry.build(sents)
    resolver = Resolver(registry, sents, observe)
    if doc.author:
        resolver.author = registry.author(doc.author)

    for sent in sents:
        frames = sentence_frames(sent) if _find_cues(sent) else []
        # The best frame whose speaker resolves ("..., citing new figures": a document speaks
        # for no one, so the sentence's own cue wins).
        for frame in sorted(frames, key=frame_order):
            speaker = _resolve(resolver, sent, frame)
            if speaker is not None:
                sent.frame, sent.speaker = frame, speaker
                break
        if sent.frame is None and INSIDE in sent.out:
            _quoted_clause(resolver, sent)
        if sent.frame is None and sent.out.startswith(("He ", "She ")):
            # `He was blunt. "It is a disaster."`: whom the quotation after it may belong to
            sent.opener = resolver.resolve(Ref("pronoun", text=sent.out[:3].strip().lower()), sent.index)
        elif sent.frame is None and INSIDE not in sent.out:
            _described_subject(resolver, sent)
        if sent.frame is not None:
            for other in other_frames(frames, sent.frame):
                speaker = _content_subject(sent, other) or _resolve(resolver, sent, other)
                if speaker is not None:
                    sent.others.append((other, speaker))
        if visit is not None:
            visit(sent, resolver)
        _update_salience(sent)

    split_fragments(sents)
    dash_lines(sents)
    headlines(sents, registry)
    _spread_quotes(sents, scans, doc)
    colon_blocks(sents)
    qa_answers(sents)
    transcript_turns(sents)
    quotes_run_on(sents)
    return _finish(sents, registry)


# What a content cut short by a report nested in it may hold ("referring to | Trump's remarks").
_BARE_LEADS = frozenset(("", "to", "of", "on", "about", "for", "with", "at", "that"))
_CONTENT_OPENS_RE = re.compile(r"\s*(?:,\s*)?(?:that\s+)?")


def _content_subject(sent: Sent, other: Frame) -> Entity | None:
    """The main speaker, when a pronoun that agrees with it opens the main content and speaks
    there: in "Activists say they want a fair count" they are the activists."""
    main, speaker = sent.frame, sent.speaker
    ref = other.ref
    if main is None or speaker is None or ref.kind != "pronoun" or main.content_side != "after":
        return None
    opens = _CONTENT_OPENS_RE.match(sent.out, main.end)
    if opens is None or opens.end() != other.start:
        return None
    if ref.text == "they":
        agrees = speaker.kind in ("group", "org")
    else:
        gender = {"he": "m", "she": "f"}.get(ref.text)
        agrees = gender is not None and speaker.kind == "person" and speaker.gender in (None, gender)
    return speaker if agrees else None


def _quoted_clause(resolver: Resolver, sent: Sent) -> None:
    """A quotation inside a clause no cue attributes is its subject's (quoted_clause.py)."""
    frame = quoted_clause_frame(sent)
    speaker = _resolve(resolver, sent, frame) if frame is not None else None
    if speaker is not None and speaker.kind in ("person", "org", "group"):
        sent.frame, sent.speaker = frame, speaker


def _resolve(resolver: Resolver, sent: Sent, frame: Frame) -> Entity | None:
    """The entity a frame's speaker phrase stands for, noting what the frame says of it."""
    speaker = resolver.resolve(frame.ref, sent.index, frame.cue)
    if speaker is not None and speaker.kind == "place" and not _place_as_subject(sent, frame):
        return None  # "said Washington", a dateline: a place is no speaker
    if speaker is not None and speaker.gender is None and _law(speaker.name):
        return None  # "the Harbour Protection Act suggests", "the Ninth Amendment": a law, no speaker
    if speaker is not None:
        if speaker.kind == "unknown" and frame.ref.kind == "entity":
            speaker.kind = "person"
        if frame.role:
            speaker.add_role(frame.role, 3, sent.index)
    return speaker


# The last word of a law's or a treaty's name.
_DOCUMENT_NAME_ENDS = frozenset(
    ["Act", "Amendment", "Constitution", "Treaty", "Accord", "Accords", "Doctrine"]
)


def _law(name: str) -> bool:
    """Whether a name is a law's or a treaty's ("Harbour Protection Act", "Ninth Amendment")."""
    return name.rpartition(" ")[2] in _DOCUMENT_NAME_ENDS


def _place_as_subject(sent: Sent, frame: Frame) -> bool:
    """ "Russia has warned that ...": a country or capital as the subject of its cue speaks for its
    government; anywhere else (a dateline, "said Washington") a place name is no speaker."""
    if frame.content_side != "after" or frame.ref.kind != "entity":
        return False
    return any(m.start == frame.start and m.entity is frame.ref.entity for m in sent.mentions)


# A cue word that is the first half of a compound noun: "think tank", "report card", "post office".
_COMPOUND_NOUN_RE = re.compile(r"\s+(?:tanks?|cards?|offices?)\b")
_OPENING_CUE_RE = re.compile(
    r"\W*(Said|Says|Added|Adds|Wrote|Writes|Asked|Asks)\s+(?=[A-Z]|(?:the|one|a|an)\s)"
)


def _find_cues(sent: Sent) -> bool:
    """Collect the sentence's cue words; False when no frame can exist (the common case)."""
    out = sent.out
    # The runs of a-z, as bytes: every other byte of the UTF-8 text becomes a space and the
    # rest splits on spaces, several times faster than a regex's findall.
    words = out.encode("utf-8").translate(_LOWER_ONLY).split()
    found = [word.decode("ascii") for word in _ALL_CUES_BYTES.intersection(words)]
    sent.speech_nouns = not _SPEECH_NOUNS_BYTES.isdisjoint(words)
    sent.stance_adjectives = not _STANCE_ADJECTIVES_BYTES.isdisjoint(words)
    cues: list[tuple[int, int, str]] = []
    for word in found:
        at = out.find(word)
        while at >= 0:
            end = at + len(word)
            if (
                # (a hyphen glues it into a compound: "show-and-tell", "so-called", "self-described")
                (at == 0 or not (out[at - 1].isalpha() or out[at - 1] == "-"))
                and (end == len(out) or not (out[end].isalpha() or out[end] == "-"))
                and not _COMPOUND_NOUN_RE.match(out, end)
            ):
                cues.append((at, end, word))
            at = out.find(word, end)
    opening = _OPENING_CUE_RE.match(out)
    if opening:
        # `Said Comey, "..."`: a capitalised cue opening the sentence before its speaker.
        cues.append((opening.start(1), opening.end(1), opening.group(1).lower()))
    cues.sort()
    sent.cues = cues
    return (
        bool(sent.cues)
        or "ccording to" in out
        or out.startswith(("In ", "During ", "To "))
        or " put it" in out  # "..., as Ruiz put it.", "As Ruiz put it, ..." (no cue word of its own)
        or " puts it" in out
        or (out.startswith(("That", "This")) and bool(THAT_IS_HOW_RE.match(out)))  # "That is how X put it."
        or '"' in out
        or ":" in out[:80]  # `Name, Outlet: ...`
        or "(@" in out  # an embedded post's signature: "— Ana Ruiz (@aruiz) May 5, 2016"
        or sent.speech_nouns
        or sent.stance_adjectives
        or (", in " in out and any(w in out for w in _IN_WORDS_NOUNS))  # ", in Ruiz's words,"
        or bool(OPENING_PARTICIPLE_RE.match(out))  # "Saying that ...,": capitalised, so not in `words`
        or (not _IDIOM_WORDS_BYTES.isdisjoint(words) and IDIOM_CUE_RE.search(out) is not None)
    )


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
    if sent.speaker is None and sent.opener is not None and (sent.index, -1) > sent.opener.seen:
        # "The governor was more measured.": the person the description means is the subject now
        sent.opener.seen = (sent.index, -1)
    if sent.speaker is not None:
        sent.speaker.seen = (sent.index, 0)
        sent.speaker.spoke = sent.index
        sent.speaker.salience += 1  # speaking makes someone what the story is about


# `"They agree with him, but they aren't there yet" to support him.`: a quotation's last
# sentence, closed by a few words of narration and no cue of its own.
_QUOTE_THEN_NARRATION_RE = re.compile(rf'^\s*"?[{INSIDE}\s]+"\s*[-–—]?\s*[a-z][^"{INSIDE}]{{0,80}}$')


def _spread_quotes(sents: list[Sent], scans: dict[int, tuple[int, QuoteScan]], doc: Document) -> None:
    """Give multi-sentence quotes and quote-only paragraphs the speaker named at either end."""
    # Group sentences covered by one quotation (chained across paragraphs left open).
    groups: list[list[int]] = []
    opens: dict[int, int] = {}  # id of a group -> where its quotation opens in its first sentence
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
                opens[id(group)] = a - sents[group[0]].offset
            open_group = group if (scan.open_at_end and r_i == len(scan.regions) - 1) else None
        if not scan.regions:
            open_group = None
    quote_id = 0
    for group in groups:
        quoted = [sents[i] for i in group]
        named = [(s.speaker, s.frame) for s in quoted if s.speaker is not None and s.frame is not None]
        opening = opens.get(id(group), 0)
        signed = _signed_after(quoted, opening)
        if signed is not None:
            named = [signed]
        speaker = named[0][0] if named else None
        cue = named[0][1].cue if named else None
        if speaker is None:
            # A quote right after an attributed sentence continues that speaker; a quote
            # followed in its paragraph by an attributed quote takes that one.
            first, last = quoted[0], quoted[-1]
            prev = sents[first.index - 1] if first.index > 0 else None
            nxt = sents[last.index + 1] if last.index + 1 < len(sents) else None
            tail_narrated = not quote_only(last.out) and _QUOTE_THEN_NARRATION_RE.match(last.out) is not None
            if not all(quote_only(s.out) for s in quoted[:-1]) or not (quote_only(last.out) or tail_narrated):
                continue
            if tail_narrated and (prev is None or prev.paragraph != first.paragraph):
                continue  # only a quotation that runs on from its speaker's own sentence
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
            elif prev is not None and prev.speaker is None and _introduces(prev, first, sents):
                speaker = _opening_person(prev)  # `Keller was blunt. "It is a disaster."`
        if speaker is None:
            continue
        gid = None
        if len(quoted) > 1:
            quote_id += 1
            gid = quote_id
        if signed is not None and len(quoted) > 1 and opening > 0:
            _quote_opens_mid_sentence(quoted[0], opening, signed)
        for s in quoted:
            narrated = not quote_only(s.out) and s is quoted[-1] and _QUOTE_THEN_NARRATION_RE.match(s.out)
            if s.speaker is None and (quote_only(s.out) or narrated):
                s.speaker = speaker
                s.frame = Frame(9, 0, Ref("entity", entity=speaker), cue, 0, 0, False, "before")
                s.frame.content_side = "quote"
                s.frame.mixed = bool(narrated)
            if s.speaker is speaker:
                s.quote = gid


def _introduces(prev: Sent, first: Sent, sents: list[Sent]) -> bool:
    """Whether `prev` may introduce the quotation that opens at `first`: it stands in the same
    paragraph, or is a paragraph of its own just before ("Coach Dan Riley was blunt." + a
    paragraph of his words)."""
    if prev.paragraph == first.paragraph:
        return True
    alone = prev.index == 0 or sents[prev.index - 1].paragraph != prev.paragraph
    opens = bool(prev.mentions) and prev.mentions[0].start <= 1  # (its subject a name: "Coach Riley")
    return prev.paragraph == first.paragraph - 1 and alone and opens


_COUNT_WORDS = frozenset(["dozens", "hundreds", "scores", "thousands", "a"])
_COUNTED_GROUP_RE = re.compile(
    r"(?:Dozens|Hundreds|Scores|Thousands|Dozens\s+more|A\s+(?:group|crowd|handful))\s+of\s+"
)


def _described_subject(resolver: Resolver, sent: Sent) -> None:
    """A description opening a sentence of narration makes what it means the latest subject:
    the named person it resolves to is the sentence's opener ("The governor was more
    measured."), a plural one the latest group, whom a "they" after it means ("Teachers are
    unhappy.", "Dozens of residents spoke against the contract.")."""
    first = sent.out[: sent.out.find(" ")].lower()
    counted = _COUNTED_GROUP_RE.match(sent.out) if first in _COUNT_WORDS else None
    if counted:
        found = role_np_after(sent.out, counted.end())
        subject = (0, found[1]) if found else None
    elif first == "the" or first in PLURAL_ROLE_HEADS:
        subject = main_subject(sent, len(sent.out))  # (once, for both readings)
    else:
        return
    if subject is None or subject[0] != 0 or subject[1].kind != "np":
        return
    ref = subject[1]
    if first == "the" and ref.definite:
        ent = resolver.resolve(ref, sent.index)
        if ent is not None and ent.kind == "person" and not ent.unnamed:
            sent.opener = ent
            return
    if ref.head in PLURAL_ROLE_HEADS:
        group = resolver.registry.unnamed(ref.text, ref.head)
        group.seen = max(group.seen, (sent.index, -1))


def _opening_person(sent: Sent) -> Entity | None:
    """The person named first in a sentence of narration without a quotation ("Keller was
    blunt."), the subject whose words a lone quotation after it in the paragraph are."""
    if INSIDE in sent.out:
        return None
    if sent.opener is not None:
        return sent.opener
    first = sent.mentions[0] if sent.mentions else None
    if first is None:
        return None
    if sent.out[: first.start].strip(" \"“”'‘’"):
        # "Asked about the plan, Ruiz shrugged.": the subject after an opening clause
        subject = main_subject(sent, len(sent.out))
        ent = subject[1].entity if subject and subject[1].kind == "entity" else None
        return ent if isinstance(ent, Entity) and ent.kind == "person" else None
    ent = first.entity
    return ent if isinstance(ent, Entity) and ent.kind == "person" and not first.possessive else None


def _signed_after(quoted: list[Sent], opening: int) -> tuple[Entity, Frame] | None:
    """The speaker who signs a quotation that opened in the middle of an earlier sentence
    (`When Obama offered the money, "states were broke. || They needed it," DeSantis said.`):
    the first sentence's own frame, whose cue stands before the quote and does not introduce
    it, reports the narration, not the quotation."""
    first, last = quoted[0], quoted[-1]
    if len(quoted) < 2 or opening <= 0 or last.speaker is None or last.frame is None:
        return None
    if last.frame.content_side != "before" or first.speaker is last.speaker:
        return None
    if first.frame is not None and (
        first.frame.end > opening or _INTRODUCES_RE.fullmatch(first.out, first.frame.end, opening)
    ):
        return None  # `Smith said: "...` introduces the quotation itself
    return last.speaker, last.frame


# What may stand between a cue and the quotation it introduces.
_INTRODUCES_RE = re.compile(r"[\s,:]*(?:that\s*)?(?:[^\"_.;]{0,40}:\s*)?")


def _quote_opens_mid_sentence(sent: Sent, opening: int, signed: tuple[Entity, Frame]) -> None:
    """The quoted end of `sent` becomes its own clause, spoken by whoever signs the quotation."""
    speaker, frame = signed
    clause = Frame(9, opening, Ref("entity", entity=speaker), frame.cue, opening, opening, False, "after")
    if sent.frame is None or sent.speaker is None:
        sent.frame, sent.speaker = clause, speaker
    else:
        sent.others.append((clause, speaker))


def _finish(sents: list[Sent], registry: Registry) -> tuple[list[tuple[Attribution, ...]], list[Speaker]]:
    attributions: list[tuple[Attribution, ...]] = []
    spoken: dict[int, Entity] = {}
    for sent in sents:
        frame, speaker = sent.frame, sent.speaker
        if frame is None or speaker is None:
            attributions.append(())
            continue
        spoken[id(speaker)] = speaker
        if frame.content_side in ("quote", "signature"):
            whole = frame.content_side == "quote"
            content = sent.text[carrying_lead(sent.out) :].strip(' "“”') if whole else None
            if content and content.startswith("''"):
                # (a quotation in doubled apostrophes, as some papers print it: ''...'')
                content = content[2:].removesuffix("''").strip()
            start = sent.text.find(content) if content else None
            kind: Kind = "mixed" if frame.mixed else "direct"
            attributions.append((_attribution(speaker, frame, kind, content or None, sent.quote, start),))
            continue
        # Main frame first, then the other clauses in text order; each clause's content
        # stops where a neighbouring clause's speaker and cue begin.
        ordered = sorted([(frame, speaker), *sent.others], key=lambda c: c[0].start)
        clauses = merge_same_speaker(sent, ordered, frame)
        found: list[Attribution] = []
        lows: list[int] = []
        for i, (f, who) in enumerate(clauses):
            low = clauses[i - 1][0].end if i > 0 else 0
            if i > 0 and nested_before(sent.out, clauses[i - 1][0], f):
                low = lows[i - 1]
            lows.append(low)
            high = clauses[i + 1][0].start if i + 1 < len(clauses) else len(sent.text)
            if high < f.end:  # ("He endorsed Ruiz, but told ...": the next cue shares the subject)
                high = clauses[i + 1][0].position
            if i + 1 < len(clauses) and governs_next(sent.out, f, clauses[i + 1][0]):
                high = clauses[i + 2][0].start if i + 2 < len(clauses) else len(sent.text)
            if f.limit is not None:
                high = min(high, f.limit)
            high = clause_end(sent, f, high)
            if f.cue in STANCE_CUES and f.content_side == "after":
                # A stated position is its verb's object: "endorsed Trump, still ran" ends at the comma.
                comma = _CLAUSE_END_RE.search(sent.out, f.end, high)
                high = comma.start() if comma else high
            content, masked, start = content_of(sent, f, low, high)
            if content.lower() in _BARE_LEADS and f.content_side == "after" and i + 1 < len(clauses):
                # "Activists say they want a fair count": the clause after the cue is its
                # content, another's report nested inside it (which keeps its own attribution).
                high = clauses[i + 2][0].start if i + 2 < len(clauses) else len(sent.text)
                content, masked, start = content_of(sent, f, low, high)
            if f is not frame and not content:
                continue
            listed = named_in_apposition(sent, f)
            if listed:
                # "The two candidates, Ana Ruiz and Tom Hale, have vowed ...":
                # the named people speak, the first of them first.
                who = listed[0]
                spoken[id(who)] = who
            att = _attribution(who, f, _kind(f, masked), content or None, sent.quote, start)
            # "Rep. Ana Ruiz and Sen. Tom Hale have said ...": the first of two subjects said it too.
            first = first_of_two(sent, f, who)
            others = [first] if first is not None else listed[1:]
            joint = [_attribution(o, f, att.kind, att.content, sent.quote, start) for o in others]
            for o in others:
                spoken[id(o)] = o
            # (after the clause's own, which the cue follows: that one is the main attribution)
            if f is frame:
                found[:0] = [att, *joint]
            else:
                spoken[id(who)] = who
                found.extend([att, *joint])
        attributions.append(tuple(found))
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


def _attribution(
    who: Entity, frame: Frame, kind: Kind, content: str | None, quote: int | None, start: int | None
) -> Attribution:
    end = start + len(content) if content and start is not None and start >= 0 else None
    return Attribution(who.name, who.role, frame.cue, kind, content, quote, start if end else None, end)
