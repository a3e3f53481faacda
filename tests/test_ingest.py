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
    md = (
        "# Budget *passes*\n\n2024-02-01\n\n"
        "The **mayor** said the [budget](http://x) was fair.\n\n- a list item.\n"
    )
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
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" * 20, BadArticle),
        (b"\x89PNG\r\n\x1a\n" + b"IHDR" * 50, BadArticle),
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


def test_pdf_is_refused_by_its_magic_bytes_even_when_ascii():
    pdf = b"%PDF-1.7\n%plain ascii\n1 0 obj\n<< /Title (The minister said it was fine.) >>\nendobj\n" * 5
    with pytest.raises(BadArticle, match="PDF"):
        ingest.parse(pdf, name="report.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(encoding):
    text = "Harbour plan approved\n\nThe mayor said the harbour would open in \u00e9t\u00e9 2027.\n"
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    doc = ingest.parse(raw)
    assert doc.title == "Harbour plan approved"
    assert doc.sentences[0].text == "The mayor said the harbour would open in \u00e9t\u00e9 2027."


@pytest.mark.parametrize(
    "text",
    [
        "Caf\u00e9 au lait\n\nLe maire a d\u00e9clar\u00e9 que le port ouvrira en \u00e9t\u00e9, "
        "\u00e0 Gen\u00e8ve.\n",
        "Caf\u00e9\n\nThe caf\u00e9 opened.\n",  # too short for detection to be sure
    ],
)
def test_latin1_files_are_decoded_not_called_binary(text):
    doc = ingest.parse(text.encode("latin-1"))
    assert doc.body == text.split("\n\n", 1)[1].strip()


def test_markdown_front_matter_gives_title_date_and_author():
    md = (
        '---\ntitle: "Harbour plan approved"\ndate: 2024-02-01T09:30:00Z\nauthor: Ann Lee\n'
        "tags: [city]\n---\n\n"
        "The council approved the harbour plan on Monday, the mayor said.\n"
    )
    for name in ("story.md", None):
        doc = ingest.parse(md.encode(), name=name)
        assert (doc.title, doc.date, doc.author) == ("Harbour plan approved", "2024-02-01", "Ann Lee")
        assert "title:" not in doc.body and "---" not in doc.body
        assert doc.sentences[0].text == "The council approved the harbour plan on Monday, the mayor said."


def test_a_rule_that_is_not_front_matter_is_left_alone():
    md = "# Budget\n\n---\n\nThe mayor said the budget was fair.\n"
    assert ingest.split_front_matter(md) == ({}, md)
    assert ingest.parse(md.encode(), name="b.md").title == "Budget"


@pytest.mark.parametrize(
    ("byline", "author", "date"),
    [
        ("By Ann Lee", "Ann Lee", None),
        ("Posted by Ann Lee on March 4, 2024", "Ann Lee", "2024-03-04"),
        ("By Mary-Jo O'Neil, 3 May 2023", "Mary-Jo O'Neil", "2023-05-03"),
    ],
)
def test_bylines_give_author_and_date(byline, author, date):
    text = f"Harbour plan approved\n\n{byline}\n\nThe council approved the harbour plan on Monday.\n"
    for name, raw in (("story.txt", text), ("story.md", "# " + text)):
        doc = ingest.parse(raw.encode(), name=name)
        assert (doc.title, doc.author, doc.date) == ("Harbour plan approved", author, date)
        assert [s.text for s in doc.sentences] == ["The council approved the harbour plan on Monday."]


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the council said, the harbour will open.",
        "By Friday, the council said, the harbour will open.",
    ],
)
def test_a_sentence_starting_with_by_is_not_a_byline(line):
    doc = ingest.parse(f"Harbour plan\n\n{line}\n".encode())
    assert doc.author is None
    assert doc.sentences[0].text == line


def test_trailing_blog_furniture_is_dropped_and_its_byline_read():
    text = (
        "Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n\n"
        "Posted by Ann Lee on 3 May 2023\n\nComments are closed.\n\nNewer Post Older Post Home\n\n"
        "(c) 2019-2023 Example News\n"
    )
    doc = ingest.parse(text.encode())
    assert [s.text for s in doc.sentences] == ["The council approved the harbour plan on Monday."]
    assert (doc.author, doc.date) == ("Ann Lee", "2023-05-03")


def test_a_copyright_footer_is_not_a_date():
    assert ingest.parse_date("(c) 2019-2023") is None
    assert ingest.parse_date("\u00a9 2021 Example News") is None
    assert ingest.parse_date("Copyright 2021") is None
    html = (
        "<html><head><title>Harbour plan approved</title></head><body><article>"
        "<p>The council approved the harbour plan on Monday, the mayor said in a statement.</p>"
        "<p>Work on the new quay is to start in the spring, officials said.</p>"
        "</article><footer>(c) 2019-2023 Example News</footer></body></html>"
    )
    doc = ingest.parse(html.encode(), name="page.html")
    assert doc.date is None
    assert "2019" not in doc.body


def test_a_page_with_only_navigation_is_refused():
    html = (
        "<html><head><title>Example News</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/about'>About us</a> <a href='/contact'>Contact</a></nav><ul><li><a href='/p'>Politics</a>"
        "</li><li><a href='/s'>Sports news today</a></li></ul><footer>(c) 2019-2023</footer></body></html>"
    )
    with pytest.raises(BadArticle, match="No article text"):
        ingest.parse(html.encode(), name="index.html")
