"""A loopback fake of Discord's REST API and gateway for end-to-end bot tests."""

from .server import FakeDiscord, FakeGuild, FakeMember, Interaction, Recorded, message_errors, snowflake

__all__ = ["FakeDiscord", "FakeGuild", "FakeMember", "Interaction", "Recorded", "message_errors", "snowflake"]
