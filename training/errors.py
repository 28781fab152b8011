"""The training layer's errors: one base type, with a subclass for a model that cannot be found."""

from __future__ import annotations

from omniarc.errors import OmniarcError


class TrainingError(OmniarcError):
    """Bad input to training or sampling (a config value, a sample, a run directory); says what and where."""


class ModelNotFoundError(TrainingError):
    """No model where one was asked for; the message says how to install the default or point to one."""
