"""User-facing errors: the CLI prints them as one line on stderr and exits non-zero."""


class KgError(Exception):
    """An error caused by the user's input (bad file, bad query, bad lexicon ...)."""

    exit_code = 2
