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
def cli(tmp_path, monkeypatch, capsys):
    """Run `archivist ARGS` in-process on a fresh archive seeded from seeds/; returns (code, out, err)."""
    db = tmp_path / "archive.db"
    monkeypatch.setenv("ARCHIVIST_DB", str(db))
    monkeypatch.setenv("ARCHIVIST_SEEDS", str(SEEDS))

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    run.db = db  # type: ignore[attr-defined]
    return run


class _Stdin:
    """Enough of sys.stdin for the CLI: line iteration and .buffer.read()."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.buffer = self

    def __iter__(self):
        return iter(self._text.splitlines(keepends=True))

    def read(self) -> bytes:
        return self._text.encode()


def _state(db: Path) -> tuple[str, dict[str, int]]:
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


def test_batch_mode_reads_one_query_a_line(cli):
    code, out, _ = cli("ask", "-", stdin="Who dictates NATO's agenda?\n\nbanana bread recipe\n")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["Who dictates NATO's agenda?", "banana bread recipe"]
    assert lines[0]["answers"] and lines[1]["answers"] == []


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

    code, out, _ = cli("remove", str(added["id"]))
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
    assert set(sentence) == {"index", "text", "speaker", "speaker_role", "cue", "kind", "content"}
    assert {"id", "title", "date", "source", "sentences"} <= set(articles[0])


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
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "add", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"archivist: There is no file {str(tmp_path / 'missing.txt')!r}."


def test_ask_who_said_is_answered_as_a_who_lookup(cli):
    code, out, _ = cli("--json", "ask", "Who said the age of spheres of influence is over?")
    assert code == 0
    top = json.loads(out)["answers"][0]
    assert top["speaker"] == "Jens Stoltenberg"
    assert "the age of spheres of influence is over" in top["text"]
