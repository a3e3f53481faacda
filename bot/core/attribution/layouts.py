# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Frames that a sentence's layout or a noun gives, not a verb of saying.

`Name, Outlet: "..."`, "As the Post reported, ...", "Noting that ..., Trump said", and nouns
of saying with their owner ("Trump's claim that ..."). `frames.sentence_frames` collects them
with the verb frames, and they rank with them.
"""

from __future__ import annotations

import re

from .beside import speaker_after, speaker_before
from .cue_sets import DAY
from .entities import Frame, Ref, Sent
from .phrases import role_np_after
from .quotes import INSIDE
from .signatures import ends_after
from .subjects import main_subject, subject_end

# `Tom Reyes, Harbor Gazette: "..."` / `Bernie Sanders: ...`: a name (and outlet) and a colon.
# (a party tag may come first: "Rep. Trey Gowdy (R-S.C.): ...")
_NAME_COLON_RE = re.compile(r"(?:\s*\([DRI]-[^)]{1,25}\))?(?:,\s*[^,:;\"_]{1,60})?\s*:\s*(?=\S)")
_AS_OPENER = r"^\W*(?:But\s+|And\s+|However,\s+|Yet\s+|So\s+)?"
_AS_VERBS = (
    r"reported|noted|wrote|written|said|put\s+it|explained|pointed\s+out|observed|argued|detailed|revealed"
    r"|acknowledged|admitted|conceded|claimed|stated|suggested|predicted|warned|insisted|told\s+(?:the\s+)?[\w.’'-]+(?:\s+[A-Z][\w.’'-]*){0,3}"
    r"|announced|confirmed|described|mentioned|emphasized|stressed|recalled|testified|tweeted|disclosed"
    # the present of commentary: "As the Ledger's Mara Quint puts it, ..."
    r"|puts\s+it|says|notes|writes|explains|argues|observes|points\s+out"
)
_AS_ADVERBS = (
    r"(?:(?:has|had|have|first|previously|also|recently|sometimes|often|repeatedly|long|since|\w+ly)\s+)*"
)
_AS_REPORTED_RE = re.compile(
    _AS_OPENER
    # (the speaker may carry an apposition: "As Akhil Amar, professor of law at Yale, put it")
    + r"(As)\s+[^,;\"_]{2,60}?(?:,[^;]{2,160}?[,\"])?\s+"
    + _AS_ADVERBS
    + rf"({_AS_VERBS})(?:\s+(?:on|in|at|last|earlier|this)\s+[^,;\"_]{{1,40}})?\s*,\s*",
    re.IGNORECASE,
)
AS_REPORTED_MID_RE = re.compile(
    r"(?:,|\bthat|(?<=_)\")\s+(as)\s+[^,;\"_]{2,60}?\s+"  # (or a quotation's close: `"too high," as`)
    + _AS_ADVERBS
    + rf"({_AS_VERBS})(?:\s+(?:on|in|at|last|earlier|this)\s+[^,;\"_]{{1,40}}"
    r"|\s+(?:a\s+few|a|an|two|three|several|\d+|\w+)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier))?"
    r"\s*(,\s*|\.?\s*$)"
)
# Every match holds "as" between white space; this finds that much far faster than the whole
# pattern's search, which tries both of its openings at every position of the sentence.
_AS_WORD_RE = re.compile(r"as(?<=\sas)\s")


def as_reported_mid(out: str) -> re.Match[str] | None:
    """AS_REPORTED_MID_RE's search, skipped when the sentence has no word "as"."""
    return AS_REPORTED_MID_RE.search(out) if _AS_WORD_RE.search(out) else None


# "As reported by Western Journalism, ...", "As first noted by the Post, ...": the source after "by".
_AS_REPORTED_BY_RE = re.compile(
    _AS_OPENER + rf"(As)\s+(?:(?:first|previously|originally|also)\s+)?({_AS_VERBS})\s+(?:by|in)\s+(?=\S)",
    re.IGNORECASE,
)


def opening_participle_frame(sent: Sent) -> Frame | None:
    """ "Noting that the plan had failed, Trump called for ...": the subject after the comma said
    what the opening participle clause reports."""
    out = sent.out
    m = OPENING_PARTICIPLE_RE.match(out)
    if m is None:
        return None
    comma = out.find(", ", m.end())
    while comma >= 0:
        subject = next((x for x in sent.mentions if x.start == comma + 2), None)
        pronoun = out[comma + 2 : comma + 6].split(" ")[0]
        ref: Ref | None = None
        if subject is not None and not subject.possessive and subject.kind in ("person", "org", "unknown"):
            ref = Ref("entity", entity=subject.entity)
        elif pronoun in ("he", "she", "they"):
            ref = Ref("pronoun", text=pronoun, at=comma + 2)
        if ref is not None and (ref.kind == "pronoun" or ref.entity is not None):
            cue = m.group(1).lower()
            frame = Frame(1, m.start(1), ref, cue, m.start(1), m.end(), False, "after")
            frame.limit = comma
            return frame
        comma = out.find(", ", comma + 2)
    return None


# A sentence that opens with a participle of saying and its clause ("Noting that ...,").
# ("After hinting on Friday that the pier was unsafe, Ruiz ...": after a preposition too)
OPENING_PARTICIPLE_RE = re.compile(
    r"^\W*(?:(?:After|Before|While|Since|Upon|Despite)\s+)?"
    r"((?i:noting|saying|arguing|insisting|warning|claiming|adding|explaining|stressing|acknowledging|"
    rf"conceding|asserting|suggesting|declaring|announcing|promising|vowing|predicting))\s+(?:on\s+{DAY}\s+)?(?:that\s+)?"
)


_CONJUNCTION_NEXT_RE = re.compile(r"(?:and|but|or|while|although|though|yet)\s")


def as_reported_frame(sent: Sent) -> Frame | None:
    """ "As The Washington Post reported, ...", "As he noted, ...": the rest of the sentence is the report."""
    out = sent.out
    m = _AS_REPORTED_RE.match(out)
    side = "after"
    if m is None:
        m = as_reported_mid(out)
        if m is None:
            return _as_reported_by_frame(sent)
        # "..., given that, as The Times reported on Saturday, he has ...": what follows;
        # "..., as the Herald reported.": what comes before.
        # ("..., as the Times reported, and he will ...": a conjunction after it closes the report before.)
        follows = m.group(3).startswith(",") and not _CONJUNCTION_NEXT_RE.match(out, m.end())
        side = "after" if follows else "before"
    who = out[m.end(1) : m.start(2)].strip()
    found: tuple[int, Ref, str] | None
    if who.lower() in ("he", "she", "they"):
        found = (m.start(2), Ref("pronoun", text=who.lower(), at=m.end(1) + 1), "")
    else:
        found = speaker_after(sent, m.end(1))
        if found is None:
            np = role_np_after(out, m.end(1))
            found = (np[0], np[1], "") if np else None
        if found is None and not _PREPOSITION_RE.search(who):
            # "as the nationalist Global Times tabloid noted": the name inside the description.
            named = [
                x for x in sent.mentions if m.end(1) < x.start and x.end <= m.start(2) and not x.possessive
            ]
            if named and named[-1].entity is not None:
                found = (named[-1].end, Ref("entity", entity=named[-1].entity), "")
    if found is None or found[0] > m.start(2):
        return None
    start = m.start(1) if side == "after" else m.start()
    verb = " ".join(m.group(2).lower().split())
    cue = "told" if verb.startswith("told ") else verb  # ("As Keller told the Ledger, ...")
    return Frame(0, m.start(2), found[1], cue, start, m.end(), False, side)


def _as_reported_by_frame(sent: Sent) -> Frame | None:
    """ "As reported by Western Journalism, ...": the source named after "by", up to its comma."""
    out = sent.out
    m = _AS_REPORTED_BY_RE.match(out)
    comma = _COMMA_AFTER_RE.match(out, m.end()) if m else None
    if m is None or comma is None:
        return None
    found = speaker_after(sent, m.end())  # its end may run past the comma into the clause
    if found is None:
        np = role_np_after(out, m.end())
        found = (np[0], np[1], "") if np and np[0] <= comma.end() else None
    if found is None:
        return None
    return Frame(0, m.start(2), found[1], m.group(2).lower(), m.start(1), comma.end(), False)


# "The ban was first reported by BuzzFeed.", "The plan, first disclosed by the Post, ...", "...,
# as first reported by the Times.": what was reported is the subject before the passive.
_REPORTED_BY_RE = re.compile(
    r"(?:,\s+(?:as\s+)?|\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)"
    r"(?:(?:first|originally|previously|also)\s+)?(reported|confirmed|announced|disclosed|revealed|noted)\s+by\s+(?=\S)"
)


def reported_by_frame(sent: Sent) -> Frame | None:
    """A passive report ("... was first reported by BuzzFeed"): the source after "by", the
    sentence's subject before it the content; or a passive question ("Rubio was asked by the
    moderator whether ..."): the asker after "by", the question after the asker."""
    out = sent.out
    asked = _ASKED_BY_RE.search(out)
    if asked is not None:
        found = _named_after(sent, asked.end())
        for mention in sent.mentions:
            # "asked by Fox Business moderator Gerard Baker whether": the person ends the asker's phrase
            near = asked.end() <= mention.start < asked.end() + 60
            person = mention.kind == "person" and mention.entity is not None
            if near and person and _QUESTION_AFTER_RE.match(out, mention.end):
                found = (mention.end, Ref("entity", entity=mention.entity), "")
                break
        if found is not None and _QUESTION_AFTER_RE.match(out, found[0]):
            frame = Frame(
                0, asked.start(1), found[1], "asked", asked.start(1), found[0], False, "after", found[2]
            )
            if asked.start(1) < 3:
                # "Asked by Stephanopoulos to respond, Carson said ...": the question ends at the
                # comma, and the answer after it is the sentence's main report.
                frame.rank = 2
                comma = out.find(",", found[0])
                frame.limit = comma if comma > 0 else None
            return frame
    m = _REPORTED_BY_RE.search(out)
    if m is None or not _WORDY_RE.search(out, 0, m.start()):
        return None
    found = _named_after(sent, m.end())
    if found is None:
        return None
    return Frame(0, m.start(1), found[1], m.group(1), m.start(), found[0], False, "before", found[2])


def _named_after(sent: Sent, pos: int) -> tuple[int, Ref, str] | None:
    """The name, or else the role or organisation noun phrase, starting at `pos`."""
    found = speaker_after(sent, pos)
    if found is None:
        np = role_np_after(sent.out, pos)
        found = (np[0], np[1], "") if np else None
    return found


_ASKED_BY_RE = re.compile(
    r"(?:\s(?:was|were|is|are|been|being)\s+(?:also\s+|then\s+|later\s+)?|^\W*)([Aa]sked)\s+by\s+(?=\S)"
)
_QUESTION_AFTER_RE = re.compile(r"[\s,]*(?:whether|if|about|what|why|how|when|where|who|which|to)\b")
_WORDY_RE = re.compile(r"[A-Za-z]{2}")
_PREPOSITION_RE = re.compile(r"\b(?:of|for|at|from|with|to|by)\b", re.IGNORECASE)
_COMMA_AFTER_RE = re.compile(r"[^,;\"_]{1,60}?,\s*")


# `... surprise pollster Dan Shaw: "..."`, `Here is Clinton in December 1992: "..."`.
_COLON_QUOTE_AFTER_RE = re.compile(r"(?:\s+(?:in|on|at|last)\s+[^,:;\"_]{1,30}?)?\s*:\s*(?=\")")


# `said of Sanders: "..."`, `wrote to Roffman: "..."`: the name is whom the words are about or for.
_OBJECT_OF_RE = re.compile(r"\b(?:of|to|about|at|with|for|on|against|towards?)\s+(?:[\w.’'-]+\s+){0,3}$")


def _named_colon_quote(sent: Sent) -> Frame | None:
    """A person named mid-sentence, a colon and a quotation: the quotation is theirs."""
    out = sent.out
    if ":" not in out:
        return None
    for mention in sent.mentions:
        if mention.possessive or mention.entity is None:
            continue
        kind = mention.entity.kind if mention.kind == "unknown" else mention.kind
        m = _COLON_QUOTE_AFTER_RE.match(out, mention.end) if kind == "person" else None
        titled = bool(mention.premod) and out[: mention.start].rstrip().endswith(mention.premod.split()[-1])
        if m is not None and (titled or not _OBJECT_OF_RE.search(out, 0, mention.start)):
            # ("Former secretary of state Hillary Clinton:" is a title, not "said of Clinton:")
            ref = Ref("entity", entity=mention.entity)
            return Frame(0, m.end() - 1, ref, ":", mention.start, m.end(), False, "after")
    return None


_NOT_LABELS = frozenset(
    """exclusive breaking update updated note watch read related photos photo video correction
    editor listen see advertisement opinion analysis live warning alert q a""".split()
)


def name_colon_frame(sent: Sent) -> Frame | None:
    """A line that opens with a name and a colon: the rest is what that person said."""
    out = sent.out
    if ":" not in out:
        return None  # (both ways below need one; most sentences have none)
    first = next((m for m in sent.mentions if m.start <= 1), None)
    if first is None or first.possessive or first.entity is None:
        return _named_colon_quote(sent)
    kind = first.entity.kind if first.kind == "unknown" else first.kind  # "Matthews:" after "Chris Matthews"
    if kind not in ("person", "org"):
        return None
    m = _NAME_COLON_RE.match(out, first.end)
    if m is None or any(
        other is not first and other.kind == "person" and first.end < other.start < m.end()
        for other in sent.mentions
    ):
        # "HEADLINE IN CAPITALS - David Wasserman: "..."": the name nearest the colon speaks.
        return _named_colon_quote(sent)
    quoted = out[m.end() : m.end() + 1] == '"'
    # "BENENSON: ..." is a transcript's speaker label (but "UPDATE: ..." is not).
    label = first.name.isupper() and len(first.name) >= 3 and first.name.lower() not in _NOT_LABELS
    if not quoted and kind != "person" and not (label and m.group() == ": "):
        return None
    person = first.entity.kind == "person"
    if label and not person and any(c[0] >= m.end() for c in sent.cues):
        return None  # "MUMBAI: Two men were arrested, police said.": a dateline, not a speaker
    frame = Frame(
        0, m.end() - 1, Ref("entity", entity=first.entity), ":", first.start, m.end(), False, "after"
    )
    frame.verbatim = label and person and not quoted and first.start == 0  # a transcript's turn
    return frame


# `..., then leaned in and boomed: "..."`: narration, a colon, and a quotation to the end.
_NARRATED_COLON_RE = re.compile(
    r"(?<![\w’'])([A-Za-z][a-z]+)(?:\s+(?:on|in|at|last|this)\s+[A-Z]\w+)?\s*:\s*\"[^\"]*\"?\W*$"
)
_LABEL_COLON_RE = re.compile(r":\s")
# `..., with Trump reportedly yelling: "..."`: the absolute clause's own subject.
WITH_SUBJECT_RE = re.compile(r"\bwith\s+(?:the\s+)?$")
_ADVERB_GAP_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?")  # "X reportedly yelling"


def narrated_colon_frame(sent: Sent) -> Frame | None:
    """A quotation after a colon that ends a narrated clause: the clause's subject said it.

    A last resort (rank 3): any frame a verb of saying or a name gives outranks it.
    """
    out = sent.out
    m = _NARRATED_COLON_RE.search(out)
    if m is None or m.group(1).lower() in _NOT_LABELS or _LABEL_COLON_RE.search(out, 0, m.start()):
        return None  # several colons: a form ("Name: ... Age: ... Why: ...") rather than narration
    subject: tuple[int, Ref] | None = None
    if m.group(1).endswith("ing"):
        for mention in sent.mentions:
            if (
                mention.entity is not None
                and not mention.possessive
                and _ADVERB_GAP_RE.fullmatch(out, mention.end, m.start())
                and WITH_SUBJECT_RE.search(out, max(0, mention.start - 12), mention.start)
            ):
                subject = (mention.start, Ref("entity", entity=mention.entity))
    subject = subject or main_subject(sent, m.start())
    if subject is None:
        return None
    start, ref = subject
    if ref.entity is not None and any(x.entity is ref.entity and x.kind == "place" for x in sent.mentions):
        return None  # "At a rally in Birmingham, Alabama, ...": a place is no speaker
    cue_at = m.start(1)
    if m.group(1) in ("it", "so", "this"):
        cue_at = out.rfind(" ", 0, cue_at - 1) + 1  # "As Ruiz put it:", "Hale said so:": the verb too
    return Frame(3, cue_at, ref, out[cue_at : m.end(1)], start, m.end(1), False, "after")


# `Trump issued a statement, "..."`, `Obama released a statement Thursday night condemning
# "..."`: a statement or post, and its quotation to the end of the sentence.
_MEDIUM_QUOTE_RE = re.compile(
    r"\b(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(statement|tweet|post|message|e-?mail|letter|note|video|release)\b[^\"_.;:]{0,40}?[,:]?\s*\"[^\"]*\"?\W*$"
)


def medium_quote_frame(sent: Sent) -> Frame | None:
    """A quotation after a statement or post the clause's subject issued (a last resort, rank 3)."""
    out = sent.out
    m = _MEDIUM_QUOTE_RE.search(out)
    if m is None:
        return None
    subject = main_subject(sent, m.start())
    if subject is None:
        return None
    start, ref = subject
    quote = out.index('"', m.end(1))
    return Frame(3, m.start(1), ref, m.group(1), start, quote, False, "after")


# `"Voters fear the tolls," he surmised.`: a quotation, then its speaker and
# one verb ending the sentence. Whatever the verb ("surmised", "shrugged", "laughed"), this
# layout reports the quotation; the verb need not be in any lexicon.
_QUOTE_LEAD_RE = re.compile(rf'^\W*"{INSIDE}[^"]*"\s*[,—–-]?\s*')
_LONE_VERB_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]{3,}(?:ed|s))\b")
_PRONOUN_LEAD_RE = re.compile(r"(he|she|they)\b")
_INVERTED_VERB_RE = re.compile(r"([a-z]{3,}ed)\s+")


def quote_then_verb_frame(sent: Sent) -> Frame | None:
    """A quotation closed by its speaker (a name or he/she/they) and a single verb."""
    out = sent.out
    lead = _QUOTE_LEAD_RE.match(out)
    if lead is None:
        return None
    at = lead.end()
    inverted = _INVERTED_VERB_RE.match(out, at)
    if inverted and sent.text[: out.rfind('"', 0, at)].endswith((",", "!", "?")):
        # `"What a day!" beamed Tom Hale, who ...`: only a verb of saying takes
        # its subject after it, so after a quotation's closing comma any verb there reports.
        found = speaker_after(sent, inverted.end())
        if found is not None:
            return Frame(1, at, found[1], inverted.group(1), at, found[0], False, "before", found[2])
    ref: Ref | None = None
    end = at
    pronoun = _PRONOUN_LEAD_RE.match(out, at)
    if pronoun:
        ref, end = Ref("pronoun", text=pronoun.group(1), at=at), pronoun.end()
    else:
        named = next((m for m in sent.mentions if m.start == at and not m.possessive), None)
        if named is not None and named.entity is not None and named.kind in ("person", "unknown"):
            ref, end = Ref("entity", entity=named.entity), named.end
        else:
            np = role_np_after(out, at)  # `"...," the senator shrugged.`
            if np is None:
                return None
            end, ref = np
    verb = _LONE_VERB_RE.match(out, end)
    if verb is None or not ends_after(out, verb.end()):
        return None
    return Frame(1, verb.start(1), ref, verb.group(1), at, verb.end(), False, "before")


# `In her first song, Lila Marsh sings, "..."`, `She laughed: "..."`: a subject and one verb, then a
# quotation to the end of the sentence; the layout reports, whatever the verb.
_VERB_THEN_QUOTE_RE = re.compile(
    rf'\s+(?:[a-z]+ly\s+)?([a-z]{{3,}}(?:ed|s))(?:\s+(?:back|up|out|in|on))?(?:\s+[a-z]+ly)?\s*[,:]\s*"{INSIDE}[^"]*"?\W*$'
)  # ("Hale fired back sharply: "...")


def verb_then_quote_frame(sent: Sent) -> Frame | None:
    """A quotation to the end of the sentence after its subject (a name or he/she/they opening
    the sentence, past an adverbial) and a single verb."""
    out = sent.out
    subject = main_subject(sent, len(out))
    if subject is None:
        return None
    start, ref = subject
    if ref.kind not in ("entity", "pronoun"):
        return None
    end = subject_end(sent, start, ref)
    verb = _VERB_THEN_QUOTE_RE.match(out, end) if end > 0 else None
    if verb is None:
        return None
    return Frame(1, verb.start(1), ref, verb.group(1), start, verb.end(1), False, "after")


# Stances said in an idiom rather than a verb of saying: "made a case for ...", "took a shot at
# ...", "took aim at ...". The subject before the idiom states what follows it.
IDIOM_CUE_RE = re.compile(
    r"\b(?:(?:made|makes|making|make)\s+(?:a|the|his|her|their|its)\s+(?:\w+\s+)?case(?=\s+(?:for|that|against|to)\b)"
    r"|(?:took|takes|taking|take)\s+(?:a\s+|another\s+|several\s+)?(?:\w+\s+)?(?:shots?|aim|swipes?|jabs?|digs?)\s+at"
    r"|(?:took|takes|taking|take)\s+issue\s+with|(?:lashed|lashes|lashing)\s+out\s+at"
    r"|(?:weighed|weighs|weighing)\s+in\s+on|(?:went|goes|going)\s+after(?=\s+(?:him|her|them|[A-Z]))"
    r"|(?:spoke|speaks|speaking)\s+out\s+(?:against|on|about)"
    r"|(?:made|makes|making)\s+(?:it\s+)?clear(?:\s+that)?|(?:doubled|doubles|doubling)\s+down\s+on"
    r"|(?:made|makes|making)\s+(?:a|an|his|her|their)\s+(?:\w+\s+)?(?:plea|pitch|appeal)\s+(?:for|to)"
    r"|(?:has|have|had)\s+made\s+no\s+secret\s+of"
    r"|(?:came|comes|coming)\s+out\s+(?:against|in\s+favor\s+of|in\s+support\s+of)"
    r"|(?:backed|backs|backing)\s+away\s+from|(?:walked|walks|walking)\s+back"
    r"|(?:voiced|voices|voicing)\s+(?:his\s+|her\s+|their\s+|its\s+)?(?:support|concerns?|opposition|frustration|doubts?)"
    r"|(?:threw|throws|throwing)\s+(?:his|her|their|its)\s+support\s+behind"
    r"|(?:raised|raises|raising)\s+(?:concerns?|questions?|doubts?)\s+(?:about|over)"
    r"|(?:put|puts|putting)\s+it\s+(?:\w+ly|simply|best|this\s+way|another\s+way)(?=\s*:))\b"
)


def idiom_frames(sent: Sent) -> list[Frame]:
    """Frames of the idioms above, each with the speaker named right before it."""
    frames: list[Frame] = []
    for m in IDIOM_CUE_RE.finditer(sent.out):
        found = speaker_before(sent, m.start())
        if found is not None:
            start, ref, role = found
            cue = " ".join(m.group().split())
            frames.append(Frame(2, m.start(), ref, cue, start, m.end(), False, "after", role))
    return frames


# "To Ms. Whitcomb, the toll is a tax", "In Voss's view, ...": whose view the clause after
# the comma is.
_TO_PERSON_RE = re.compile(r"\W*(?:(?:But|And|Yet)\s+)?(To|In)\s+")
_VIEW_AFTER_RE = re.compile(
    r"(?:['’]s?)?\s+(view|opinion|estimation|judgment|judgement|words|telling|account),\s"
)


_PRONOUN_VIEW_RE = re.compile(
    r"(his|her|their)\s+(?:own\s+)?(view|opinion|estimation|judgment|judgement|telling|account|words),\s"
)
_PRONOUN_TO_RE = re.compile(r"(him|her|them),\s")


def perspective_frame(sent: Sent) -> Frame | None:
    """ "To Ms. Whitcomb, the toll is ...", "In Voss's view, ...": the person (or organisation)
    named after an opening "To" (or owning the view after "In") holds the view that follows
    the comma; not a place ("To Washington, ...")."""
    opener = _TO_PERSON_RE.match(sent.out)
    if opener is None:
        return None
    owned = opener.group(1) == "In"
    pronoun = (
        _PRONOUN_VIEW_RE.match(sent.out, opener.end())
        if owned
        else _PRONOUN_TO_RE.match(sent.out, opener.end())
    )
    if pronoun:
        # "In her view, ...", "To him, ...": whom the pronoun means
        word = {"his": "he", "her": "she", "their": "they", "him": "he", "them": "they"}[
            pronoun.group(1).lower()
        ]
        ref = Ref("pronoun", text=word, at=opener.end())
        cue = pronoun.group(2) if owned else "to"
        return Frame(1, opener.start(), ref, cue, opener.start(), pronoun.end() - 1, False, "after")
    for m in sent.mentions:
        if m.start < opener.end():
            continue
        view = _VIEW_AFTER_RE.match(sent.out, m.end) if owned else None
        if (
            m.start != opener.end()
            or m.possessive != owned
            or m.entity is None
            or m.entity.kind not in ("person", "org")
            or not (view or (not owned and sent.out.startswith(", ", m.end)))
        ):
            return None
        end = view.end() - 1 if view else m.end + 1
        cue = view.group(1) if view else "to"
        return Frame(
            1, opener.start(), Ref("entity", entity=m.entity), cue, opener.start(), end, False, "after"
        )
    return None


# `"Time to go." That is how Ruiz put it.`: a sentence that signs the quotation before it.
THAT_IS_HOW_RE = re.compile(r"\W*(?:That|This)(?:['’]s|\s+is|\s+was)\s+(?:how|what)\s+")
_HOW_CUE_RE = re.compile(
    r"\s+(put\s+it|said|says|described\s+it|describes\s+it|called\s+it|calls\s+it|wrote|writes"
    r"|explained\s+it|explains\s+it|sees\s+it|saw\s+it|told\s+(?:it|me|us|reporters))"
)


def that_is_how_frame(sent: Sent) -> Frame | None:
    """ "That is how Ruiz put it.", "That's what Keller said.": the speaker of the quotation
    before (a signature: nothing of its own is reported)."""
    opener = THAT_IS_HOW_RE.match(sent.out)
    found = speaker_after(sent, opener.end()) if opener else None
    if opener is None or found is None or found[1].kind == "pronoun":
        return None
    end, ref, role = found
    cue = _HOW_CUE_RE.match(sent.out, end)
    if cue is None or not ends_after(sent.out, cue.end()):
        return None
    return Frame(
        0,
        opener.start(),
        ref,
        " ".join(cue.group(1).split()),
        opener.start(),
        cue.end(),
        False,
        "before",
        role,
    )


# "The plan, in Keller's words, is \"dead on arrival\"": whose words the clause around it is.
_IN_WORDS_RE = re.compile(r",\s+in\s+(?:the\s+words\s+of\s+(?=[A-Z])|(?=[A-Z]))")
_WORDS_AFTER_RE = re.compile(
    r"(?:['’]s?\s+(?:own\s+)?(words|view|opinion|estimation|judgment|judgement))?,\s"
)


def in_words_frame(sent: Sent) -> Frame | None:
    """ ", in Keller's words," / ", in Ruiz's view," / ", in the words of Ana Ruiz," mid-sentence:
    the clause on both sides of it is that person's (or that organisation's)."""
    for m in _IN_WORDS_RE.finditer(sent.out):
        of = "words" in m.group()
        for x in sent.mentions:
            if x.start != m.end() or x.entity is None or x.entity.kind not in ("person", "org"):
                continue
            tail = _WORDS_AFTER_RE.match(sent.out, x.end)
            if tail and (of != x.possessive) and (of or tail.group(1)):
                cue = "in the words of" if of else tail.group(1)
                ref = Ref("entity", entity=x.entity)
                return Frame(1, m.start(), ref, cue, m.start(), tail.end() - 1, False, "both")
    return None
