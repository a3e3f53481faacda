"""The Discord layer: a thin skin over bot.core (which never imports discord)."""
