"""``python -m ocrfix`` runs the command line."""

from ocrfix.cli import entry_point

entry_point()
