"""Shared fixtures. Bot fixtures: a running Archivist bot against the fake Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fake_discord.harness import BotHarness, start_bot


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[BotHarness]:
    """The bot, logged in and ready, with two servers (no cooldown, 30 s button timeout)."""
    async with start_bot(tmp_path) as running:
        yield running
