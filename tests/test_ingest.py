"""Parsing articles: formats, metadata, offsets, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import ingest
from bot.core.errors import BadArticle, TooLarge

SEED = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def test_seed_metadata_and_paragraphs():
    doc = ingest.parse(SEED.read_bytes(), name=SEED.name)
    assert doc.date == "2021-12-24"
    assert doc.title == "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'"
    assert doc.source == SEED.name
    assert doc.sentences[0].text.startswith("Why is NATO in Denial")  # the standfirst is body
    assert not any("No comments" in s.text for s in doc.sentences)
    assert "\u00a0" not in doc.body


def test_offsets_point_into_the_body():
    doc = ingest.parse(SEED.read_bytes(), name=SEED.name)
    for s in doc.sentences:
        assert doc.body[s.start : s.end] == s.text
        p_start, p_end = doc.paragraphs[s.paragraph]
        assert p_start <= s.start and s.end <= p_end
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))


def test_multi_sentence_quote_is_split_into_sentences():
    doc = ingest.parse(SEED.read_bytes(), name=SEED.name)
    texts = [s.text for s in doc.sentences]
    assert any(
        t.startswith('"Stoltenberg essentially reiterates') and t.endswith("mission and function.")
        for t in texts
    )
    assert any(t.startswith("Disregarding Putin's") and t.endswith('the Kremlin."') for t in texts)


def test_title_only_file_without_date():
    doc = ingest.parse(
        b"Harbour plan approved\n\nThe council approved the plan on Monday.\nWork starts in May.\n"
    )
    assert doc.title == "Harbour plan approved"
    assert doc.date is None
    assert [s.text for s in doc.sentences] == [
        "The council approved the plan on Monday.",
        "Work starts in May.",
    ]


def test_hard_wrapped_lines_join_into_one_paragraph():
    doc = ingest.parse(b"Title here\n\nThe council approved the plan\non Monday after a long debate.\n")
    assert len(doc.paragraphs) == 1
    assert doc.sentences[0].text == "The council approved the plan on Monday after a long debate."


def test_markdown_title_date_and_inline_markup():
    md = "# Budget *passes*\n\n2024-02-01\n\nThe **mayor** said the [budget](http://x) was fair.\n\n- a list item.\n"
    doc = ingest.parse(md.encode(), name="story.md")
    assert doc.title == "Budget passes"
    assert doc.date == "2024-02-01"
    assert doc.sentences[0].text == "The mayor said the budget was fair."


def test_html_main_text_and_metadata():
    html = """<html><head><title>Big news today</title><meta name="author" content="Ann Lee">
    <meta property="article:published_time" content="2023-05-04T10:00:00Z"></head><body>
    <nav>Home | About | Contact</nav><article><h1>Big news today</h1>
    <p>The minister said the plan would cut costs by half over the next three years.</p>
    <p>Critics disagreed, according to Bob Ray, a professor of economics at Oxford University.</p>
    </article><footer>Copyright 2023</footer></body></html>"""
    doc = ingest.parse(html.encode(), name="page.html", source="https://example.org/news")
    assert doc.title == "Big news today"
    assert doc.date == "2023-05-04"
    assert doc.author == "Ann Lee"
    assert doc.source == "https://example.org/news"
    assert "Home | About" not in doc.body and "Copyright" not in doc.body
    assert doc.sentences[0].text.startswith("The minister said the plan")


def test_content_type_wins_over_sniffing():
    assert ingest.sniff_format("<html><body>x</body></html>", None, None) == "html"
    assert ingest.sniff_format("plain words", "a.md", None) == "markdown"
    assert ingest.sniff_format("plain words", None, "text/html") == "html"


def test_override_title_and_date():
    doc = ingest.parse(b"Some words were said here today.", title="Given title", date="24 December 2021")
    assert (doc.title, doc.date) == ("Given title", "2021-12-24")
    with pytest.raises(BadArticle):
        ingest.parse(b"Some words.", date="not a date at all")


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b"", BadArticle),
        (b"   \n\n\t", BadArticle),
        (b"\x00\x01\x02binary" * 100, BadArticle),
        (b"caf\xe9 au lait", BadArticle),
        (b"x" * (ingest.MAX_BYTES + 1), TooLarge),
    ],
)
def test_refusals_are_one_clear_sentence(raw, error):
    with pytest.raises(error) as info:
        ingest.parse(raw)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message


def test_dates_are_read_only_from_date_lines():
    assert ingest.parse_date("Friday, December 24, 2021") == "2021-12-24"
    assert ingest.parse_date("24 Dec 2021") == "2021-12-24"
    assert ingest.parse_date("The council met in May") is None
    assert ingest.parse_date("May") is None
    assert ingest.parse_date("Date: 2024-06-01") == "2024-06-01"
    assert ingest.parse_date("Published on 3 May 2023") == "2023-05-03"


def test_duplicate_key_ignores_case_and_spacing():
    assert ingest.content_hash("A  b\nC") == ingest.content_hash("a b c")
    assert ingest.content_hash("a b c") != ingest.content_hash("a b d")
