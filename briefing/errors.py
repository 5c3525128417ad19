"""The exceptions briefing raises. Every one of them derives from BriefingError::

    BriefingError                 anything briefing raises on purpose
    ├── InputError                an input (file, directory, URL) could not be used
    │   ├── NoUsableInputError    no input at all could be used: nothing to brief
    │   └── FetchError            a feed or page could not be downloaded (daily runs)
    ├── ConfigError               settings or section definitions are invalid
    ├── TemplateError             the Word template is unreadable or lacks a style
    ├── SummarizerError           an unknown summarizer name, or a summarizer failed
    ├── OutputError               the brief could not be written
    ├── ArchiveError              the archive database is unreadable or from a newer version
    ├── RunLockedError            another daily run holds the lock file
    ├── DeliveryError             the brief could not be e-mailed
    ├── WorkerError               a worker process died (killed, out of memory) during a run
    └── EvaluationError           evaluation data are missing or unreadable (briefing eval)

Catch BriefingError to handle every expected failure; anything else is a bug.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error briefing raises on purpose."""


class InputError(BriefingError):
    """An input could not be read or holds no usable text."""


class NoUsableInputError(InputError):
    """None of the inputs could be used, so there is nothing to brief."""


class ConfigError(BriefingError):
    """Settings, a config file or section definitions are invalid."""


class TemplateError(BriefingError):
    """The Word template cannot be used."""


class SummarizerError(BriefingError):
    """A summarizer is unknown or failed."""


class OutputError(BriefingError):
    """The brief could not be written."""


class EvaluationError(BriefingError):
    """Evaluation data are missing or cannot be read."""


class FetchError(InputError):
    """A feed or a page could not be downloaded (after retries)."""


class ArchiveError(BriefingError):
    """The archive database cannot be opened, read or migrated."""


class RunLockedError(BriefingError):
    """Another daily run holds the lock file; this one did not start."""


class DeliveryError(BriefingError):
    """The brief could not be sent by e-mail."""


class WorkerError(BriefingError):
    """A worker process of the per-article pool died (killed, out of memory); nothing was written."""
