"""`archivist import` end to end: subfolders, progress, Ctrl-C, and parsing processes
that do not outlive the importer."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.core import archive as archive_module
from bot.core.store import Store

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def db(tmp_path, monkeypatch):
    path = tmp_path / "archive.db"
    monkeypatch.setenv("ARCHIVIST_DB", str(path))
    monkeypatch.setenv("ARCHIVIST_SEEDS", "")
    return path


def _write_stories(folder: Path, count: int, sub: str = "") -> list[Path]:
    (folder / sub).mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        path = folder / sub / f"story{n:03}.txt"
        path.write_text(
            f"Story {sub} {n}\n\nThe council approved plan {sub} number {n} on Monday, it said.\n"
        )
        written.append(path)
    return written


def _titles(capsys) -> list[str]:
    assert main(["--json", "articles", "--page", "1"]) == 0
    return sorted(a["title"] for a in json.loads(capsys.readouterr().out)["articles"])


def test_subfolders_are_imported_and_other_files_named(db, tmp_path, capsys):
    folder = tmp_path / "news"
    _write_stories(folder, 2)
    _write_stories(folder, 1, sub="2023/may")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.txt").write_text("Not an article\n\nIt is git's, and hidden.\n")
    assert main(["import", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "3 added, 0 skipped." in out
    assert "left out 1 file that is not" in err and "photo.jpg" in err
    assert _titles(capsys) == ["Story 0", "Story 1", "Story 2023/may 0"]


def test_an_empty_folder_is_refused_with_a_sentence(db, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["import", str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("archivist: There are no ") and err.count("\n") == 1
    assert not db.exists()


def test_no_progress_bar_on_a_pipe(db, tmp_path):
    _write_stories(tmp_path / "news", 3)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "import", str(tmp_path / "news")],
        capture_output=True,
        text=True,
        env={**os.environ, "ARCHIVIST_DB": str(db), "ARCHIVIST_SEEDS": ""},
        timeout=120,
    )
    assert proc.returncode == 0
    assert proc.stderr == f"archivist: created a new, empty archive at {db}.\n"
    assert proc.stdout.endswith("3 added, 0 skipped.\n")


def test_a_progress_bar_on_a_terminal(db, tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    _write_stories(tmp_path / "news", 3)
    controller, terminal = pty.openpty()
    # A terminal has a size; a fresh pseudo-terminal's is 0 x 0, where tqdm draws nothing.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "import", str(tmp_path / "news")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
        env={**os.environ, "ARCHIVIST_DB": str(db), "ARCHIVIST_SEEDS": ""},
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO once the process has closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    out = proc.stdout.read().decode() if proc.stdout else ""
    assert proc.wait(timeout=120) == 0
    assert "/3 [" in shown.decode() and "file/s]" in shown.decode()  # tqdm's "0/3 [00:00<?, ?file/s]"
    assert out.endswith("3 added, 0 skipped.\n")


def test_ctrl_c_keeps_the_batches_already_stored_and_says_how_far(db, tmp_path, monkeypatch, capsys):
    _write_stories(tmp_path / "news", 10)
    monkeypatch.setattr(archive_module, "BATCH_ARTICLES", 3)
    monkeypatch.setattr(archive_module, "POOL_MIN", 1000)  # parse in this process: the test stays light
    real_insert = Store.insert_articles

    async def insert_then_interrupt(self, rows):
        stored = await real_insert(self, rows)
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, as a terminal sends it, once a batch is in
        return stored

    monkeypatch.setattr(Store, "insert_articles", insert_then_interrupt)
    assert main(["import", str(tmp_path / "news")]) == 130
    err = capsys.readouterr().err
    assert "interrupted; 3 articles of the 10 files were added and kept" in err
    assert "Traceback" not in err
    monkeypatch.setattr(Store, "insert_articles", real_insert)
    assert _titles(capsys) == ["Story 0", "Story 1", "Story 2"]
    # Running it again adds the rest; the three already there are skipped as duplicates.
    assert main(["import", str(tmp_path / "news")]) == 0
    assert "7 added, 3 skipped." in capsys.readouterr().out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_parsing_processes_exit_when_the_importer_is_killed(tmp_path):
    # The importer's own pool, each process busy with a job that would run an hour.
    script = textwrap.dedent(
        """
        import time
        from bot.core.archive import parsing_pool
        pool = parsing_pool(2)
        for _ in range(2):
            pool.submit(time.sleep, 3600)
        while len(pool._processes) < 2:
            time.sleep(0.05)
        print(" ".join(str(pid) for pid in pool._processes), flush=True)
        time.sleep(3600)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert proc.stdout is not None
        children = [int(pid) for pid in proc.stdout.readline().split()]
        assert len(children) == 2 and all(_alive(pid) for pid in children)
    finally:
        proc.kill()  # SIGKILL: the parent gets no chance to stop its pool
        proc.wait()
    # Not a timing claim: without the watch they would sleep out their hour; this only bounds the wait.
    deadline = time.monotonic() + 60
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)
