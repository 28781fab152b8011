"""The one base exception of omniarc: every layer's clear, user-facing error derives from it."""


class OmniarcError(ValueError):
    """Bad input to omniarc (a file, a task id, a spec, a name); the message says what and where."""
