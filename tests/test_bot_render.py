"""render.py on its own: Discord's limits, sentence-boundary cuts, Markdown escaping."""

from __future__ import annotations

import discord

from bot.chat import render
from bot.core.models import Answer, ArticleRef, ArticleSummary, SearchResult, Stats
from tests.fake_discord.server import message_errors

REF = ArticleRef(id=7, title="Harbour *news*", date="2024-01-02", source="https://example.org/a")


def answer(text: str, before: str = "", after: str = "", **kw: object) -> Answer:
    return Answer(
        score=1.0,
        text=text,
        context_before=before,
        context_after=after,
        paragraph=" ".join(p for p in (before, text, after) if p),
        sentence_index=0,
        article=REF,
        **kw,  # type: ignore[arg-type]
    )


def accepted(embed: discord.Embed) -> bool:
    return message_errors({"embeds": [embed.to_dict()]}) == [] and len(embed) <= render.EMBED_TOTAL_LIMIT


def test_cut_prefers_a_sentence_boundary() -> None:
    text = "The first sentence is short. The second one is a good deal longer than the first. Third."
    out = render.cut(text, 60)
    assert out == "The first sentence is short.\u2026"
    assert render.cut(text, 1000) == text


def test_cut_falls_back_to_words_then_characters() -> None:
    words = "alpha beta gamma delta epsilon zeta eta theta"
    assert render.cut(words, 20) == "alpha beta gamma\u2026"
    assert render.cut("x" * 50, 10) == "x" * 9 + "\u2026"
    for limit in (1, 2, 5, 33):
        assert len(render.cut("word " * 40, limit)) <= limit


def test_cut_measures_escaped_text_and_never_splits_an_escape() -> None:
    text = "*" * 30 + ". " + "_" * 30 + "."
    out = render.cut(text, 40, escaped=True)
    assert len(out) <= 40
    assert not out.rstrip("\u2026").endswith("\\") or out.rstrip("\u2026").endswith("\\\\")
    assert out.startswith("\\*")


def test_cut_start_keeps_the_last_sentences() -> None:
    text = "One. Two is here. Three is the closest to the match."
    assert render.cut_start(text, 40) == "\u2026Three is the closest to the match."


def test_passage_bolds_the_match_within_context_and_escapes() -> None:
    a = answer("Tolls are **waived** for @everyone.", before="The council met.", after="Ferries run hourly.")
    text = render.passage(a)
    assert text == "The council met. **Tolls are \\*\\*waived\\*\\* for @everyone.** Ferries run hourly."


def test_huge_answer_fits_every_limit() -> None:
    sentence = "A sentence with *stars* and _underscores_ that goes on for a while. "
    a = answer(
        sentence * 200, before=sentence * 200, after=sentence * 200, speaker="S" * 500, speaker_role="R" * 900
    )
    embed = render.answer_embed(a, position=1, total=3, heading="H" * 400)
    assert accepted(embed)
    assert embed.description and embed.description.startswith("**") and embed.description.endswith("\u2026**")
    assert accepted(render.paragraph_embed(a))


def test_context_is_trimmed_before_the_match() -> None:
    before = " ".join(f"Earlier sentence {i}." for i in range(300))
    after = " ".join(f"Later sentence {i}." for i in range(300))
    a = answer("The match itself.", before=before, after=after)
    text = render.passage(a)
    assert "**The match itself.**" in text
    assert len(text) <= render.PASSAGE_BUDGET
    assert text.startswith("\u2026Earlier sentence") and text.endswith("\u2026")
    assert "Earlier sentence 299." in text and "Later sentence 0." in text  # nearest context kept


def test_fit_embed_enforces_fields_and_total() -> None:
    embed = discord.Embed(title="t" * 300, description="d" * 5000)
    for i in range(30):
        embed.add_field(name=f"n{i}" * 100, value="v" * 2000)
    embed.set_footer(text="f" * 3000)
    assert accepted(render.fit_embed(embed))
    assert len(embed.fields) <= render.FIELDS_LIMIT


def test_no_match_and_content_limits() -> None:
    suggestion = answer("x " * 3000, speaker="Someone")
    result = SearchResult(query="q" * 5000, suggestions=(suggestion,) * 5, did_you_mean=("N" * 300,) * 10)
    text = render.no_match(result)
    assert len(text) <= render.CONTENT_LIMIT and text.startswith("I found no good match")
    assert len(render.fit_content("y" * 9000)) == render.CONTENT_LIMIT


def test_lists_and_stats_fit() -> None:
    items = [
        ArticleSummary(
            ref=ArticleRef(i, "T" * 500, "2024-01-01", None), author=None, sentences=3, speakers=()
        )
        for i in range(50)
    ]
    assert accepted(render.articles_embed(items, 5000, page=3, per_page=50))
    summary = ArticleSummary(
        ref=REF, author="A" * 2000, sentences=9, speakers=tuple(f"Person {i}" for i in range(500))
    )
    card = render.article_embed(summary, excerpt="word " * 2000)
    assert accepted(card)
    speakers = next(f.value for f in card.fields if f.name == "Speakers")
    assert speakers and speakers.endswith("more")
    stats = Stats(
        articles=10**6, sentences=10**8, speakers=5, top_speakers=tuple(("P" * 300, 9) for _ in range(10))
    )
    assert accepted(render.stats_embed(stats))
    assert accepted(render.help_embed("!"))


def test_citation_links_web_sources_only() -> None:
    assert render.citation(REF) == "[Harbour \\*news\\*](https://example.org/a) (2024-01-02)"
    local = ArticleRef(1, "Seed", None, "000_seed.txt")
    assert render.citation(local) == "Seed"


def test_choice_labels_are_at_most_100_characters() -> None:
    label = render.choice_label("Name\n" + "x" * 300)
    assert len(label) <= 100 and "\n" not in label


# Every construct Discord renders, and how it must come out (shown as written).
ESCAPES = [
    ("# Heading", "\\# Heading"),
    ("## Smaller", "\\## Smaller"),
    ("-# subtext", "\\-# subtext"),
    ("- item", "\\- item"),
    ("+ item", "\\+ item"),
    ("* item", "\\* item"),
    ("  - nested", "  \\- nested"),
    ("12. numbered", "12\\. numbered"),
    ("> quote", "\\> quote"),
    (">>> block quote", "\\>>> block quote"),
    ("[masked](http://evil.example)", "\\[masked\\](http://evil.example)"),
    ("||spoiler||", "\\|\\|spoiler\\|\\|"),
    ("`code` and ```block```", "\\`code\\` and \\`\\`\\`block\\`\\`\\`"),
    ("*i* **b** __u__ _i_ ~~s~~", "\\*i\\* \\*\\*b\\*\\* \\_\\_u\\_\\_ \\_i\\_ \\~\\~s\\~\\~"),
    ("<t:1700000000:R>", "\\<t:1700000000:R>"),
    ("<:pepe:123> <a:wave:456>", "\\<:pepe:123> \\<a:wave:456>"),
    ("<#123> </ask:456> <@789> <@!789> <@&12>", "\\<#123> \\</ask:456> \\<@789> \\<@!789> \\<@&12>"),
    ("back\\slash *", "back\\\\slash \\*"),
    ("a\u202eb\u2066c\u200bd\u200de\ufefff\u00adg", "abcdefg"),
    ("plain words, 3.5 - 2 # x > y", "plain words, 3.5 - 2 # x > y"),
]


def test_escape_every_construct_discord_renders() -> None:
    for raw, shown in ESCAPES:
        assert render.escape(raw) == shown, raw


def test_line_starts_after_blank_lines_are_escaped_on_their_own_line() -> None:
    # discord.py's escape_markdown put the backslash on the blank line before the hyphen.
    text = "Intro.\n\n- item\n\n-# small\n\n# head\n\n> quote\n\n1. one"
    out = render.escape(text)
    assert out == "Intro.\n\n\\- item\n\n\\-# small\n\n\\# head\n\n\\> quote\n\n1\\. one"
    assert render.cut(text, 1000, escaped=True) == out


def test_clean_removes_every_invisible_formatting_character() -> None:
    import sys
    import unicodedata

    invisible = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf")
    assert render.clean(f"a{invisible}b\x00\x1b[31mc") == "ab[31mc"
    assert render.choice_label("Title \u202eevil") == "Title evil"


def test_citation_hides_credentials_and_secret_parameters() -> None:
    ref = ArticleRef(1, "T", None, "https://user:pass@example.org/p?id=3&token=abc&SIG=x")
    assert render.citation(ref) == "[T](https://example.org/p?id=3)"


def test_a_described_answer_is_not_shown_as_said() -> None:
    text = "Brunn hoped to build a pier."
    said = render.answer_embed(answer(text, speaker="Ida Brunn", kind="indirect"))
    described = render.answer_embed(answer(text, speaker="Ida Brunn", kind="described"))
    assert [f.name for f in said.fields][0] == "Said by"
    assert [(f.name, f.value) for f in described.fields][0] == ("About (not quoted)", "Ida Brunn")
