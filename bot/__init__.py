"""Archivist: answers questions over an archive of articles and says who said what."""

__version__ = "0.1.0"
