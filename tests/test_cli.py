"""The command line end to end: real archive files, real parsing, real exit codes."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.core.archive import Archive

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture()
def cli(new_archive, monkeypatch, capsys):
    """Run `archivist ARGS` in-process on a fresh archive seeded from seeds/ (a file, or a
    PostgreSQL database: each test runs on both); returns (code, out, err)."""
    db = new_archive()
    monkeypatch.setenv("ARCHIVIST_DB", db)
    monkeypatch.setenv("ARCHIVIST_SEEDS", str(SEEDS))

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    # Create (and seed) the archive first: its creation is announced on stderr once.
    assert main(["articles"]) == 0
    capsys.readouterr()
    run.db = db  # type: ignore[attr-defined]
    return run


class _Stdin:
    """Enough of sys.stdin for the CLI: line iteration, .buffer.read(), not a terminal."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.buffer = self

    def __iter__(self):
        return iter(self._text.splitlines(keepends=True))

    def read(self) -> bytes:
        return self._text.encode()

    def isatty(self) -> bool:
        return False


def _state(db: str) -> tuple[str, dict[str, int]]:
    async def read() -> tuple[str, dict[str, int]]:
        async with await Archive.open(db) as archive:
            return await archive.integrity()

    return asyncio.run(read())


def test_ask_finds_the_agenda_sentence(cli):
    code, out, _ = cli("--json", "ask", "Who dictates NATO's agenda?")
    assert code == 0
    result = json.loads(out)
    top = result["answers"][0]
    assert "NATO's agenda is largely dictated by Washington, according to Tiberio Graziani" in top["text"]
    assert top["article"]["date"] == "2021-12-24"
    assert set(top) == {"score", "text", "context", "speaker", "speaker_role", "kind", "article"}


def test_ask_when_blinken_spoke(cli):
    code, out, _ = cli("--json", "ask", "When did Blinken speak with Stoltenberg?")
    assert code == 0
    assert "spoke on 23 December" in json.loads(out)["answers"][0]["text"]


def test_ask_unrelated_question_says_so_plainly(cli):
    code, out, _ = cli("ask", "What is the recipe for banana bread?")
    assert code == 0
    assert "Nothing in the archive answers that well." in out
    code, out, _ = cli("--json", "ask", "What is the recipe for banana bread?")
    assert json.loads(out)["answers"] == []


@pytest.mark.parametrize(
    ("fragment", "speaker"),
    [
        ("the age of spheres of influence is over", "Jens Stoltenberg"),
        ("the era of spheres of influence has ended", "Jens Stoltenberg"),
        ("spheres of influence should have been retired after the Second World War", "Antony Blinken"),
        ("NATO is an alliance in crisis", "Tiberio Graziani"),
        ("the price we all pay is an increase in tensions", "Jo Jakobsen"),
        ("Moscow would interpret these signals as offensive", "Jo Jakobsen"),
    ],
)
def test_who_names_the_speaker(cli, fragment, speaker):
    code, out, _ = cli("--json", "who", fragment)
    assert code == 0
    answers = json.loads(out)["answers"]
    assert answers, f"no answer for {fragment!r}"
    assert answers[0]["speaker"] == speaker


def test_said_by_surname_includes_the_two_sentence_quote(cli):
    code, out, _ = cli("--json", "said", "Graziani")
    assert code == 0
    result = json.loads(out)
    assert result["speaker"] == "Tiberio Graziani"
    texts = [a["text"] for a in result["answers"]]
    assert all(a["speaker"] == "Tiberio Graziani" for a in result["answers"])
    whole = [t for t in texts if t.startswith('"Stoltenberg essentially reiterates')]
    assert whole and whole[0].rstrip().endswith('the Kremlin."'), texts


def test_said_misspelled_name(cli):
    code, out, _ = cli("--json", "said", "Stoltenbrg")
    assert code == 0
    result = json.loads(out)
    assert result["speaker"] == "Jens Stoltenberg"
    assert result["answers"] and all(a["speaker"] == "Jens Stoltenberg" for a in result["answers"])


@pytest.mark.parametrize("command", ["ask", "who", "said"])
def test_batch_mode_gives_one_line_out_per_line_in_even_a_blank_one(cli, command):
    code, out, _ = cli(command, "-", stdin="Who dictates NATO's agenda?\n\nbanana bread recipe\n")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["Who dictates NATO's agenda?", "", "banana bread recipe"]
    assert lines[1]["answers"] == [] and lines[1]["error"].endswith(".")
    if command == "ask":
        assert lines[0]["answers"] and lines[2]["answers"] == []


HOSTILE_QUESTIONS = [
    "x" * 10_000,
    "word " * 2_000,
    '"NATO',
    "NATO*",
    "NEAR(",
    "col:x",
    "AND OR NOT",
    "((NATO)",
    "NATO\x00\x07\x1b[31m agenda",
    "'; DROP TABLE articles; --",
    "Robert'); DELETE FROM sentences WHERE 1=1; --",
    "^NATO + -agenda",
]


@pytest.mark.parametrize("question", HOSTILE_QUESTIONS)
def test_hostile_questions_never_crash_or_change_the_archive(cli, question):
    cli("articles")
    before = _state(cli.db)
    for command in ("ask", "who", "said"):
        code, out, err = cli("--json", command, question)
        assert code == 0, err
        assert "Traceback" not in err
        assert isinstance(json.loads(out)["answers"], list)
    assert _state(cli.db) == before
    assert before[0] == "ok"


@pytest.mark.parametrize("command", ["ask", "who", "said"])
@pytest.mark.parametrize("question", ["", "   ", "\x00\x01", "?!...", '"', "*", "()"])
def test_empty_questions_are_one_sentence_and_non_zero(cli, command, question):
    code, out, err = cli(command, question)
    assert code == 1
    assert out == ""
    assert err.startswith("archivist: ") and err.count("\n") == 1


def _bad_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_text("\n\n   \n")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "pdf":
        path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 10)
    elif kind == "huge":
        path.write_bytes(b"NATO said it would grow. " * 840_000)  # ~21 MB
    return path


@pytest.mark.parametrize("kind", ["missing", "empty", "blank", "binary", "pdf", "huge"])
def test_bad_files_are_refused_with_one_sentence(cli, tmp_path, kind):
    cli("articles")
    before = _state(cli.db)
    path = tmp_path / "nowhere.txt" if kind == "missing" else _bad_file(tmp_path, kind)
    code, out, err = cli("add", str(path))
    assert code == 1
    assert "Traceback" not in err
    assert err.startswith("archivist: ") and err.count("\n") == 1, err
    assert _state(cli.db) == before


def test_add_then_duplicate_then_remove(cli, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(
        "Monday, March 4, 2024\n\nCity council backs new tram line\n\n"
        'Mayor Ana Ruiz said the tram would open in 2027. "It is a good day for the city," Ruiz added.\n'
    )
    code, out, _ = cli("--json", "add", str(article))
    assert code == 0
    added = json.loads(out)
    assert added["title"] == "City council backs new tram line"
    assert added["date"] == "2024-03-04"
    counts = _state(cli.db)[1]

    code, _, err = cli("add", str(article))
    assert code == 1
    assert f"#{added['id']}" in err
    assert _state(cli.db)[1] == counts

    code, out, _ = cli("--json", "ask", "When will the tram open?")
    assert json.loads(out)["answers"][0]["article"]["id"] == added["id"]

    code, out, _ = cli("remove", "--yes", str(added["id"]))
    assert code == 0
    code, _, err = cli("article", str(added["id"]))
    assert code == 1 and "no article" in err
    assert _state(cli.db)[1]["sentences"] == counts["sentences"] - 2


def test_export_json_carries_attribution_fields(cli):
    code, out, _ = cli("--json", "export")
    assert code == 0
    articles = [json.loads(line) for line in out.splitlines()]
    assert len(articles) == 1
    sentence = articles[0]["sentences"][0]
    fields = {"index", "text", "speaker", "speaker_role", "cue", "kind", "content", "attributions"}
    assert set(sentence) == fields
    assert {"id", "title", "date", "source", "sentences"} <= set(articles[0])
    said = next(s for s in articles[0]["sentences"] if s["speaker"])
    assert said["attributions"][0]["speaker"] == said["speaker"]
    clause_fields = {"speaker", "speaker_role", "cue", "kind", "content", "start", "end"}
    assert set(said["attributions"][0]) == clause_fields


def test_an_added_sentence_with_two_speakers_exports_both_and_who_finds_each(cli, tmp_path):
    story = tmp_path / "water.txt"
    story.write_text(
        "Water board splits\n\nAnn Keller chairs the water board. Tom Reyes is her deputy.\n\n"
        "Keller said the plan was sound, though Reyes noted that the pipes would cost more.\n"
    )
    assert cli("add", str(story))[0] == 0
    code, out, _ = cli("--json", "export")
    assert code == 0
    article = next(a for a in map(json.loads, out.splitlines()) if a["title"] == "Water board splits")
    sentence = next(s for s in article["sentences"] if s["text"].startswith("Keller said"))
    assert sentence["speaker"] == "Ann Keller"
    clauses = [(a["speaker"], sentence["text"][a["start"] : a["end"]]) for a in sentence["attributions"]]
    assert clauses == [("Ann Keller", "the plan was sound"), ("Tom Reyes", "the pipes would cost more.")]
    code, out, _ = cli("--json", "who", "the pipes would cost more")
    assert code == 0 and json.loads(out)["answers"][0]["speaker"] == "Tom Reyes"


def test_seeding_can_be_turned_off(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARCHIVIST_DB", str(tmp_path / "empty.db"))
    monkeypatch.setenv("ARCHIVIST_SEEDS", "")
    assert main(["--json", "articles"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0


def test_db_flag_overrides_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARCHIVIST_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("ARCHIVIST_SEEDS", str(SEEDS))
    assert main(["--db", str(tmp_path / "flag.db"), "articles"]) == 0
    assert (tmp_path / "flag.db").exists() and not (tmp_path / "env.db").exists()


def test_real_process_prints_no_traceback_on_bad_input(tmp_path):
    env = {**os.environ, "ARCHIVIST_DB": str(tmp_path / "p.db"), "ARCHIVIST_SEEDS": str(SEEDS)}
    # A bad source is refused before any archive is created, so nothing else is said.
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "add", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"archivist: There is no file {str(tmp_path / 'missing.txt')!r}."
    assert not (tmp_path / "p.db").exists()


def test_ask_who_said_is_answered_as_a_who_lookup(cli):
    code, out, _ = cli("--json", "ask", "Who said the age of spheres of influence is over?")
    assert code == 0
    top = json.loads(out)["answers"][0]
    assert top["speaker"] == "Jens Stoltenberg"
    assert "the age of spheres of influence is over" in top["text"]


# -- messages ---------------------------------------------------------------------------


def _one_sentence(code: int, err: str) -> str:
    assert code == 1
    assert "Traceback" not in err
    assert err.startswith("archivist: ") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ftp://example.org/story.txt", "Only http:// and https:// links"),
        ("file:///etc/passwd", "Only http:// and https:// links"),
        ("www.example.com/story", "https://www.example.com/story"),
        ("example.org/news/1", "https://example.org/news/1"),
    ],
)
def test_urls_that_cannot_be_fetched_get_a_sentence_about_urls(cli, source, expected):
    err = _one_sentence(*cli("add", source)[::2])
    assert expected in err and "There is no file" not in err


def test_a_missing_file_is_still_a_missing_file(cli):
    err = _one_sentence(*cli("add", "story.txt")[::2])
    assert "There is no file 'story.txt'" in err


def test_a_folder_given_to_add_and_a_file_given_to_import(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Harbour plan\n\nThe council approved the harbour plan.\n")
    err = _one_sentence(*cli("add", str(tmp_path))[::2])
    assert "is a folder" in err and f"archivist import {tmp_path}" in err
    err = _one_sentence(*cli("import", str(tmp_path / "a.txt"))[::2])
    assert "is a file" in err and f"archivist add {tmp_path / 'a.txt'}" in err


@pytest.mark.parametrize("command", ["ask", "who", "said"])
@pytest.mark.parametrize("limit", ["0", "-2"])
def test_a_limit_below_one_is_refused(cli, command, limit):
    err = _one_sentence(*cli(command, "NATO", "-n", limit)[::2])
    assert "-n" in err and limit in err


def test_counts_are_singular_for_one(cli, tmp_path):
    code, out, _ = cli("articles")
    assert code == 0
    assert out.rstrip().endswith("\n1 article.") and "1 articles" not in out
    story = tmp_path / "one.txt"
    story.write_text("Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n")
    code, out, _ = cli("add", str(story))
    assert code == 0 and "   1 sentence; speakers: none found" in out


def test_export_text_leaves_out_a_missing_date(cli, tmp_path):
    story = tmp_path / "undated.txt"
    story.write_text("Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n")
    assert cli("add", str(story))[0] == 0
    code, out, _ = cli("export")
    assert code == 0
    assert "#2: Harbour plan approved\n" in out
    assert "(None)" not in out and "/ None]" not in out
    assert "[Tiberio Graziani / direct]" in out  # a quote's second sentence has no cue of its own


def test_articles_pages_say_which_page_of_how_many(cli, tmp_path, monkeypatch):
    import bot.__main__ as cli_module

    monkeypatch.setattr(cli_module, "PAGE_SIZE", 2)
    for n in range(4):
        story = tmp_path / f"s{n}.txt"
        story.write_text(f"Story {n}\n\nThe council approved plan number {n} on Monday.\n")
        assert cli("add", str(story))[0] == 0
    code, out, _ = cli("articles", "--page", "2")
    assert code == 0
    assert out.rstrip().endswith("5 articles, page 2 of 3.")
    code, out, _ = cli("--json", "articles", "--page", "3")
    assert (json.loads(out)["page"], json.loads(out)["pages"], len(json.loads(out)["articles"])) == (3, 3, 1)
    err = _one_sentence(*cli("articles", "--page", "4")[::2])
    assert "no page 4" in err and "3 pages" in err
    _one_sentence(*cli("articles", "--page", "0")[::2])


def test_stats_on_the_command_line(cli):
    code, out, _ = cli("stats")
    assert code == 0
    assert out.startswith("1 article, 13 sentences, ")
    assert "Most quoted: " in out and "Jens Stoltenberg" in out
    code, out, _ = cli("--json", "stats")
    stats = json.loads(out)
    assert stats["articles"] == 1 and stats["sentences"] == 13
    assert {"name", "statements"} == set(stats["top_speakers"][0])


def test_speakers_lists_everyone_quoted_most_quoted_first(cli):
    code, out, _ = cli("--json", "speakers")
    assert code == 0
    people = json.loads(out)["speakers"]
    names = [p["name"] for p in people]
    assert {"Tiberio Graziani", "Jo Jakobsen", "Jens Stoltenberg", "Antony Blinken"} <= set(names)
    counts = [p["statements"] for p in people]
    assert counts == sorted(counts, reverse=True) and all(n >= 1 for n in counts)
    code, out, _ = cli("speakers", "Stoltenbrg")
    assert code == 0 and out.startswith("Jens Stoltenberg (")
    code, out, _ = cli("speakers", "-n", "1")
    assert code == 0 and len(out.splitlines()) == 1


# -- remove asks first ---------------------------------------------------------------------


def _add_story(cli, tmp_path: Path) -> int:
    story = tmp_path / "story.txt"
    story.write_text("Harbour plan approved\n\nMayor Ana Ruiz said the harbour would open in 2027.\n")
    code, out, _ = cli("--json", "add", str(story))
    assert code == 0
    return json.loads(out)["id"]


def test_remove_without_a_terminal_needs_yes(cli, tmp_path):
    article = _add_story(cli, tmp_path)
    err = _one_sentence(*cli("remove", str(article), stdin="y\n")[::2])
    assert "--yes" in err
    assert cli("article", str(article))[0] == 0
    assert cli("remove", "--yes", str(article))[0] == 0
    assert cli("article", str(article))[0] == 1


def _in_a_terminal(args: list[str], env: dict[str, str], typed: bytes) -> tuple[int, str]:
    """Run `python -m bot ARGS` with a pseudo-terminal as stdin, stdout and stderr."""
    import pty

    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", *args], stdin=terminal, stdout=terminal, stderr=terminal, env=env
    )
    os.close(terminal)
    os.write(controller, typed)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the process closed the terminal's last other end
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return proc.wait(timeout=60), output.decode(errors="replace")


@pytest.mark.parametrize(("typed", "removed"), [(b"n\n", False), (b"\n", False), (b"y\n", True)])
def test_remove_in_a_terminal_asks_first(cli, tmp_path, typed, removed):
    article = _add_story(cli, tmp_path)
    env = {**os.environ, "ARCHIVIST_DB": str(cli.db), "ARCHIVIST_SEEDS": ""}
    code, output = _in_a_terminal(["remove", str(article)], env, typed)
    assert f"Remove #{article}: \u201cHarbour plan approved\u201d" in output and "[y/N]" in output
    assert code == (0 if removed else 1)
    assert (cli("article", str(article))[0] == 1) is removed


# -- where the archive lives ----------------------------------------------------------------


@pytest.fixture()
def home(tmp_path, monkeypatch):
    """No ARCHIVIST_DB: the default archive, in a data folder of its own."""
    monkeypatch.delenv("ARCHIVIST_DB", raising=False)
    monkeypatch.delenv("ARCHIVIST_SEEDS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "archivist" / "archive.db"


def test_the_default_archive_is_the_same_from_any_folder(home, tmp_path, monkeypatch, capsys):
    story = tmp_path / "story.txt"
    story.write_text("Harbour plan approved\n\nMayor Ana Ruiz said the harbour would open in 2027.\n")
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    monkeypatch.chdir(first)
    assert main(["add", str(story)]) == 0
    err = capsys.readouterr().err
    assert f"created a new archive at {home} with 1 starter article" in err
    monkeypatch.chdir(second)
    assert main(["articles"]) == 0
    out, err = capsys.readouterr()
    assert f"Archive: {home}\n" in out and "2 articles." in out and err == ""
    assert not (first / "data").exists() and not (second / "data").exists()


def test_help_names_the_archive(home, capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert f"The archive: {home}." in capsys.readouterr().out


def test_a_chosen_archive_is_not_seeded_and_says_it_is_new(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ARCHIVIST_SEEDS", raising=False)
    db = tmp_path / "mine.db"
    assert main(["--db", str(db), "--json", "articles"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["total"] == 0
    assert err == f"archivist: created a new, empty archive at {db}.\n"
    assert main(["--db", str(db), "articles"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("kind", ["missing folder", "folder", "under a file", "unwritable"])
def test_an_archive_path_that_cannot_be_used_is_one_sentence(tmp_path, monkeypatch, capsys, kind):
    if kind == "missing folder":
        db = tmp_path / "typo" / "archive.db"
    elif kind == "folder":
        db = tmp_path
    elif kind == "under a file":
        (tmp_path / "file").write_text("x")
        db = tmp_path / "file" / "archive.db"
    elif os.geteuid() == 0:  # root may write any folder a mode forbids; /proc refuses even root
        db = Path("/proc/archivist-test.db")
    else:
        (tmp_path / "ro").mkdir(mode=0o500)
        db = tmp_path / "ro" / "archive.db"
    monkeypatch.setenv("ARCHIVIST_DB", str(db))
    code = main(["articles"])
    err = _one_sentence(code, capsys.readouterr().err)
    assert not (tmp_path / "typo").exists()
    if kind == "folder":
        assert "is a folder" in err


def test_a_seeds_folder_that_is_not_there_creates_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARCHIVIST_SEEDS", str(tmp_path / "no-seeds"))
    db = tmp_path / "new.db"
    assert main(["--db", str(db), "articles"]) == 1
    _one_sentence(1, capsys.readouterr().err)
    assert not db.exists()
