"""The archive core: pure Python, never imports discord."""
