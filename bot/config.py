"""Settings read from the environment. The core's two (where the archive lives and
where the seeds are) are here; the Discord layer's are added beside them."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = Path("data") / "archive.db"


def db_path(cli_value: str | None = None) -> Path:
    """`--db`, else ARCHIVIST_DB, else data/archive.db (relative to the working directory)."""
    return Path(cli_value or os.environ.get("ARCHIVIST_DB") or DEFAULT_DB)


def seeds_dir() -> Path | None:
    """ARCHIVIST_SEEDS names the seeds folder; set to "" it turns seeding off.

    The default is the `seeds/` folder shipped beside the package (an editable install
    or a checkout), so `archivist ask` works right after `pip install -e .`.
    """
    value = os.environ.get("ARCHIVIST_SEEDS")
    if value is None:
        for default in (Path(__file__).resolve().parent / "seeds", PACKAGE_ROOT / "seeds"):
            if default.is_dir():
                return default
        return None
    return Path(value) if value.strip() else None
