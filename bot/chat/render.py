"""Core results -> Discord embeds and text, within Discord's limits.

Archived text is escaped (a quote cannot restyle or hide the reply) and cut at a
sentence boundary with an ellipsis when it does not fit. Cutting works on the raw text
while measuring the escaped text, so an escape is never split in half.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import discord

from bot.core.fetch import public_url
from bot.core.models import Answer, ArticleRef, ArticleSummary, Difference, SearchResult, Stats, VerifyResult

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
EMBED_TOTAL_LIMIT = 6000
CHOICE_LIMIT = 100  # autocomplete choice name and value
CHOICES_LIMIT = 25

# A quote of a few sentences reads better than a wall of text: answers use this much of
# the 4096 available, which also leaves room under the 6000 total for fields and footer.
PASSAGE_BUDGET = 1800
PARAGRAPH_BUDGET = 3800

ELLIPSIS = "\u2026"
COLOUR = discord.Colour(0x3B6EA5)
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?=\s)")
_SPACE = re.compile(r"\s+")


# Invisible formatting characters (Unicode category Cf: bidi overrides and isolates,
# zero-width spaces and joiners, the BOM, ...) and control characters other than newline
# and tab. A U+202E in a title would reverse the bot's own text after it.
# (The re module has no \p{Cf}; these ranges are every Cf code point of Unicode 15, plus
# the Hangul and Braille blanks that show as nothing.)
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u2800"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# Characters Discord's Markdown reads anywhere in a line: emphasis, strike, spoilers,
# code, masked-link brackets, and `<` which opens mentions, channel and command pills,
# timestamps and custom emoji. Discord drops a backslash before any punctuation, so
# escaping one that would not have mattered still shows it as written.
_INLINE = re.compile(r"([\\*_~|`\[\]<])")
# What Discord reads only at the start of a line (after indentation): headings, subtext,
# lists, quotes, and numbered lists (the dot is escaped: "1\\. ").
_LINE_START = re.compile(r"^([ \t]*)(?:([#>+\-])|(\d+)(\.))", re.MULTILINE)


def clean(text: str) -> str:
    """`text` without invisible formatting or control characters (an article's or a member's
    text must not reorder or hide the bot's own)."""
    return _INVISIBLE.sub("", text)


def escape(text: str) -> str:
    """Archived or member text shown as written: cleaned, every Markdown construct Discord
    renders escaped, and mention-like `<...>` shown as text rather than as pills."""
    text = _INLINE.sub(r"\\\1", clean(text))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\.", text)


def _boundaries(text: str) -> tuple[list[int], list[int]]:
    """Offsets just after each sentence end, and just before each space (word ends)."""
    sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
    words = [m.start() for m in _SPACE.finditer(text)]
    return sentences, words


def _longest_prefix(text: str, cuts: Sequence[int], limit: int, escaped: bool) -> int | None:
    """The largest cut whose (escaped) prefix plus an ellipsis fits in `limit`."""
    measure = (lambda s: len(escape(s))) if escaped else len
    lo, hi, best = 0, len(cuts) - 1, None
    while lo <= hi:  # prefix length grows with the cut, so binary search works
        mid = (lo + hi) // 2
        if measure(text[: cuts[mid]].rstrip()) + 1 <= limit:
            best, lo = cuts[mid], mid + 1
        else:
            hi = mid - 1
    return best


def cut(text: str, limit: int, *, escaped: bool = False) -> str:
    """`text` (escaped when asked) in at most `limit` characters: whole when it fits,
    else cut after the last sentence that fits (or word, or character) plus an ellipsis."""
    text = text.strip()
    full = escape(text) if escaped else text
    if len(full) <= limit:
        return full
    if limit <= 1:
        return ELLIPSIS[:limit]
    sentences, words = _boundaries(text)
    # A sentence boundary is best, unless it throws away most of the room.
    end = _longest_prefix(text, sentences, limit, escaped)
    if end is None or end < limit // 3:
        end = _longest_prefix(text, words, limit, escaped) or end
    if end is None:
        end = _longest_prefix(text, list(range(1, len(text))), limit, escaped) or 0
    head = text[:end].rstrip()
    return (escape(head) if escaped else head) + ELLIPSIS


def cut_start(text: str, limit: int, *, escaped: bool = False) -> str:
    """Like `cut` but keeps the end of `text` (the sentences nearest what follows it)."""
    text = text.strip()
    full = escape(text) if escaped else text
    if len(full) <= limit:
        return full
    measure = (lambda s: len(escape(s))) if escaped else len
    # Sentence starts, earliest first: keep the longest tail that fits.
    starts = [m.end() for m in _SENTENCE_END.finditer(text)]
    for start in starts:
        tail = text[start:].strip()
        if tail and measure(tail) + 1 <= limit:
            return ELLIPSIS + (escape(tail) if escaped else tail)
    return ""


def fit_content(text: str) -> str:
    """Message content within 2000 characters."""
    return cut(text, CONTENT_LIMIT)


def passage(answer: Answer, budget: int = PASSAGE_BUDGET) -> str:
    """The matched text in bold within its context, escaped, in at most `budget` characters."""
    core = cut(answer.text, budget - 4, escaped=True)
    text = f"**{core}**"
    room = budget - len(text) - 2
    if room <= 0 or core.endswith(ELLIPSIS):
        return text
    after = cut(answer.context_after, room // 2, escaped=True) if answer.context_after else ""
    before = (
        cut_start(answer.context_before, room - len(after), escaped=True) if answer.context_before else ""
    )
    return " ".join(part for part in (before, text, after) if part)


def _speaker_line(answer: Answer) -> str | None:
    if not answer.speaker:
        return None
    line = escape(answer.speaker)
    if answer.speaker_role:
        line += f", {escape(answer.speaker_role)}"
    return line


def citation(ref: ArticleRef) -> str:
    """Title (linked when the source is a web address) and date, escaped."""
    title = escape(cut(ref.title, 200))
    if ref.source and ref.source.startswith(("http://", "https://")) and len(ref.source) <= 500:
        # Articles stored before sources were cleaned may still carry credentials.
        source = _shown_source(ref.source)
        # Angle brackets would break the link; such URLs are shown unlinked.
        title = f"[{title}]({source})" if source and not any(c in source for c in "()<> ") else title
    # A non-web source is a file name from an import: noise to a reader, so left out.
    return f"{title} ({ref.date})" if ref.date else title


def _shown_source(source: str) -> str | None:
    try:
        return public_url(source)
    except ValueError:
        return None


def answer_embed(
    answer: Answer, *, position: int = 1, total: int = 1, heading: str | None = None
) -> discord.Embed:
    """One answer: the quoted passage, who said it, and where."""
    embed = discord.Embed(
        title=cut(heading, TITLE_LIMIT, escaped=True) if heading else None,
        description=passage(answer),
        colour=COLOUR,
    )
    who = _speaker_line(answer)
    if who:
        # A sentence no cue attributes names whom it describes: not someone's words.
        name = "About (not quoted)" if answer.kind == "described" else "Said by"
        embed.add_field(name=name, value=cut(who, FIELD_VALUE_LIMIT), inline=True)
    embed.add_field(name="Article", value=cut(citation(answer.article), FIELD_VALUE_LIMIT), inline=True)
    if total > 1:
        embed.set_footer(text=f"Answer {position} of {total}")
    return fit_embed(embed)


def paragraph_embed(answer: Answer) -> discord.Embed:
    """The whole paragraph an answer comes from."""
    embed = discord.Embed(
        title=cut(answer.article.title, TITLE_LIMIT, escaped=True),
        description=cut(answer.paragraph, PARAGRAPH_BUDGET, escaped=True),
        colour=COLOUR,
    )
    embed.add_field(name="Article", value=cut(citation(answer.article), FIELD_VALUE_LIMIT))
    return fit_embed(embed)


def no_match(result: SearchResult, *, what: str = "good match") -> str:
    """A short 'nothing good' reply with the closest passages or names as suggestions."""
    lines = [f"I found no {what} for \u201c{escape(cut(result.query, 200))}\u201d."]
    if result.did_you_mean:
        names = ", ".join(escape(cut(n, 80)) for n in result.did_you_mean[:5])
        lines.append(f"Did you mean: {names}?")
    for suggestion in result.suggestions[:3]:
        who = f" \u2014 {escape(suggestion.speaker)}" if suggestion.speaker else ""
        lines.append(f"\u2022 \u201c{cut(suggestion.text, 200, escaped=True)}\u201d{who}")
    if result.suggestions and not result.did_you_mean:
        lines.insert(1, "The closest passages:")
    return fit_content("\n".join(lines))


# A verdict in words: /verify's title. `misattributed` names the speaker after it.
VERDICTS = {
    "verbatim": "Verbatim: these are the archive's words",
    "paraphrase": "Close paraphrase",
    "reworded": "Different words, same speaker",
    "misattributed": "Said by someone else",
    "not_found": "Not in the archive",
}
VERIFY_LEGEND = "~~Struck~~: the quote's words the archive does not have; **bold**: the archive's instead."
WORDING_BUDGET = 2000


def marked_wording(segments: Sequence[Difference], budget: int = WORDING_BUDGET) -> str:
    """The archive's wording with the differences marked: the quote's own words struck
    through, the archive's bold; cut (whole segments at a time) to `budget` characters."""
    parts: list[str] = []
    used = 0
    for seg in segments:
        quote, archive = escape(seg.quote), escape(seg.archive)
        if seg.op == "equal":
            part = archive
        else:
            part = " ".join(
                p for p in (f"~~{quote}~~" if quote else "", f"**{archive}**" if archive else "") if p
            )
        if used + len(part) + 1 > budget - 1:
            parts.append(ELLIPSIS)
            break
        parts.append(part)
        used += len(part) + 1
    return " ".join(parts)


def verify_embed(result: VerifyResult, person: str | None = None) -> discord.Embed:
    """/verify's answer: the verdict in words, the closest wording with its differences
    marked, the match, who said it and where. `person` is the name as the member typed it."""
    answer = result.answers[0] if result.answers else None
    title = VERDICTS[result.verdict]
    if result.verdict == "misattributed" and answer is not None and answer.speaker:
        title = f"{title}: {answer.speaker}"
    checked = f"**Checked:** \u201c{cut(result.query, 500, escaped=True)}\u201d"
    if result.person:
        checked += f" \u2014 attributed to {escape(result.person)}"
    lines = [checked]
    if person and not result.person:
        lines.append(f"I know nobody here called \u201c{escape(cut(person, 100))}\u201d.")
    if result.negated:
        lines.append("The closest wording says the opposite: it differs by a negation.")
    if answer is not None and result.segments:
        lines.append("**Closest wording in the archive:**")
        lines.append("> " + marked_wording(result.segments))
        if result.differences:
            lines.append(f"*{VERIFY_LEGEND}*")
    elif result.verdict == "not_found":
        lines.append("Nothing in this server's archive comes close.")
    embed = discord.Embed(
        title=cut(title, TITLE_LIMIT, escaped=True), description="\n".join(lines), colour=COLOUR
    )
    embed.add_field(name="Match", value=f"{round(result.match)}%", inline=True)
    if answer is not None:
        who = _speaker_line(answer)
        if who:
            embed.add_field(name="Said by", value=cut(who, FIELD_VALUE_LIMIT), inline=True)
        embed.add_field(name="Article", value=cut(citation(answer.article), FIELD_VALUE_LIMIT), inline=False)
    if result.did_you_mean:
        embed.add_field(name="Did you mean", value=did_you_mean(result.did_you_mean), inline=False)
    return fit_embed(embed)


def did_you_mean(names: Sequence[str]) -> str:
    """Other names that fit as well, escaped, within a field."""
    return _join_limited([escape(cut(n, 80)) for n in names[:10]], FIELD_VALUE_LIMIT)


def also_fits(result: SearchResult, *, said: str) -> str | None:
    """The reply's line naming the others who fit as well as the one shown (RoboDanny's
    margin rule: the top one wins outright only when clearly ahead), or None. `said` is
    how the member would ask for one of them ("/said" or "!said")."""
    names = [escape(cut(n, 80)) for n in result.did_you_mean[:5]]
    if not names:
        return None
    bold = ", ".join(f"**{n}**" for n in names)
    if result.speaker:  # said: the name fits other people too
        line = (
            f"Did you mean {bold}? \u201c{escape(cut(result.query, 100))}\u201d fits them too; "
            f"these are {escape(result.speaker)}\u2019s words. Try {escape(said)} {names[0]}."
        )
    else:  # who: other speakers said about the same
        line = f"Also close: {bold} said much the same."
    return fit_content(line)


def article_embed(summary: ArticleSummary, excerpt: str | None = None) -> discord.Embed:
    """An article's card: citation, author, counts, speakers and an opening excerpt."""
    embed = discord.Embed(
        title=cut(summary.ref.title, TITLE_LIMIT, escaped=True),
        description=cut(excerpt, 1500, escaped=True) if excerpt else None,
        colour=COLOUR,
    )
    if summary.ref.date:
        embed.add_field(name="Date", value=summary.ref.date)
    if summary.author:
        embed.add_field(name="Author", value=cut(escape(summary.author), FIELD_VALUE_LIMIT))
    embed.add_field(name="Sentences", value=str(summary.sentences))
    if summary.speakers:
        embed.add_field(
            name="Speakers", value=_join_limited([escape(s) for s in summary.speakers], FIELD_VALUE_LIMIT)
        )
    if summary.ref.source:
        embed.add_field(name="Source", value=cut(citation(summary.ref), FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=f"Article #{summary.ref.id}")
    return fit_embed(embed)


def added_embed(summary: ArticleSummary) -> discord.Embed:
    """What was stored by /add."""
    embed = article_embed(summary)
    embed.title = "Added: " + cut(summary.ref.title, TITLE_LIMIT - 7, escaped=True)
    if not summary.speakers:
        embed.add_field(name="Speakers", value="none found", inline=False)
    return fit_embed(embed)


def articles_embed(items: Sequence[ArticleSummary], total: int, *, page: int, per_page: int) -> discord.Embed:
    """One page of the article list."""
    pages = max(1, -(-total // per_page))
    lines = []
    for summary in items:
        date = f" ({summary.ref.date})" if summary.ref.date else ""
        title = escape(cut(summary.ref.title, 150))
        lines.append(f"`#{summary.ref.id}` {title}{date} \u2014 {summary.sentences} sentences")
    embed = discord.Embed(
        title=f"Articles ({total})",
        description=_join_limited(lines, DESCRIPTION_LIMIT, sep="\n") if lines else "The archive is empty.",
        colour=COLOUR,
    )
    embed.set_footer(text=f"Page {page + 1} of {pages}")
    return fit_embed(embed)


def stats_embed(stats: Stats) -> discord.Embed:
    """Archive counts and the most-quoted people."""
    embed = discord.Embed(title="Archive statistics", colour=COLOUR)
    embed.add_field(name="Articles", value=f"{stats.articles:,}")
    embed.add_field(name="Sentences", value=f"{stats.sentences:,}")
    embed.add_field(name="Speakers", value=f"{stats.speakers:,}")
    if stats.top_speakers:
        lines = [
            f"{i}. {escape(name)} \u2014 {count}"
            for i, (name, count) in enumerate(stats.top_speakers[:10], 1)
        ]
        embed.add_field(
            name="Most quoted", value=_join_limited(lines, FIELD_VALUE_LIMIT, sep="\n"), inline=False
        )
    return fit_embed(embed)


def help_embed(prefix: str) -> discord.Embed:
    """What the bot can do."""
    p = escape(prefix)
    embed = discord.Embed(
        title="Archivist",
        description=(
            "I answer questions over an archive of news articles and tell you who said what. "
            f"Every command works as a slash command or with the `{p}` prefix (or by mentioning me)."
        ),
        colour=COLOUR,
    )
    embed.add_field(name="/ask question", value="The passages that best answer a question.", inline=False)
    embed.add_field(name="/who quote", value="Who said (something like) this.", inline=False)
    embed.add_field(name="/said person", value="What a person said, newest first.", inline=False)
    embed.add_field(
        name="/verify quote [person]",
        value=(
            "Did they really say it? The closest wording in the archive, how closely it matches "
            f'and a verdict. With the prefix, quote the words: `{p}verify "..." Name`.'
        ),
        inline=False,
    )
    embed.add_field(
        name="/article article \u00b7 /articles", value="One article, or the list of them.", inline=False
    )
    embed.add_field(name="/stats", value="How much the archive holds, and who is quoted most.", inline=False)
    embed.add_field(
        name="Moderators: /add \u00b7 /remove",
        value="Add an article by link, file or form; remove one added in this server.",
        inline=False,
    )
    embed.add_field(
        name="/feeds \u00b7 moderators: /follow \u00b7 /unfollow",
        value="The news feeds this server follows; follow one (its new items are added) or stop.",
        inline=False,
    )
    return fit_embed(embed)


def choice_label(text: str) -> str:
    """An autocomplete choice name or value (at most 100 characters)."""
    # Autocomplete shows plain text (no Markdown), but bidi overrides still reorder it.
    return cut(_SPACE.sub(" ", clean(text)), CHOICE_LIMIT)


def _join_limited(items: Sequence[str], limit: int, sep: str = ", ") -> str:
    """Join items, dropping the tail (with a count) when they do not fit."""
    out: list[str] = []
    used = 0
    for i, item in enumerate(items):
        more = f"{sep}\u2026and {len(items) - i} more"
        extra = len(item) + (len(sep) if out else 0)
        if used + extra + (len(more) if i < len(items) - 1 else 0) > limit:
            return (sep.join(out) + more) if out else cut(item, limit)
        out.append(item)
        used += extra
    return sep.join(out)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Enforce every embed limit; the description gives way first when the total is over."""
    if embed.title and len(embed.title) > TITLE_LIMIT:
        embed.title = cut(embed.title, TITLE_LIMIT)
    if embed.description and len(embed.description) > DESCRIPTION_LIMIT:
        embed.description = cut(embed.description, DESCRIPTION_LIMIT)
    while len(embed.fields) > FIELDS_LIMIT:
        embed.remove_field(-1)
    for i, field in enumerate(embed.fields):
        name, value = field.name or "\u200b", field.value or "\u200b"
        if len(name) > FIELD_NAME_LIMIT or len(value) > FIELD_VALUE_LIMIT:
            embed.set_field_at(
                i, name=cut(name, FIELD_NAME_LIMIT), value=cut(value, FIELD_VALUE_LIMIT), inline=field.inline
            )
    if embed.footer.text and len(embed.footer.text) > FOOTER_LIMIT:
        embed.set_footer(text=cut(embed.footer.text, FOOTER_LIMIT), icon_url=embed.footer.icon_url)
    over = len(embed) - EMBED_TOTAL_LIMIT
    if over > 0 and embed.description:
        embed.description = cut(embed.description, max(0, len(embed.description) - over))
    while len(embed) > EMBED_TOTAL_LIMIT and embed.fields:
        embed.remove_field(-1)
    return embed
