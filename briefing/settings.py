"""Settings: one typed object, filled in layers.

Later layers win: packaged defaults, then a user TOML file (``--config`` or ``BRIEFING_CONFIG``),
then ``BRIEFING_*`` environment variables (``BRIEFING_SUMMARIZER=lsa``), then command-line flags
(or keyword arguments to ``load_settings``). The result is passed down explicitly; nothing reads
the environment after this.

A config file holds the same keys at top level::

    title = "Morning Brief: Russia and Europe"
    summarizer = "lexrank"
    sentences = 5
    sections_file = "my_sections.toml"   # relative paths are relative to the config file
"""

from __future__ import annotations

import datetime as _dt
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, EnvSettingsSource, SettingsConfigDict

from briefing.errors import ConfigError
from briefing.limits import (
    MAX_ARTICLE_BYTES, MAX_SHORT_SETTING, MAX_SMTP_DEADLINE, MAX_TEXT_SETTING, read_small_text,
)

_PATH_KEYS = ("sections_file", "template", "output", "archive", "feeds_file", "inbox", "briefs_dir")


class Settings(BaseSettings):
    """Everything a run can be told. See the module docstring for where values come from."""

    model_config = SettingsConfigDict(
        env_prefix="BRIEFING_", extra="forbid", frozen=True, validate_default=True
    )

    title: str = Field(default="Daily Policy Brief", min_length=1, max_length=MAX_TEXT_SETTING)
    date: _dt.date | None = Field(default=None, description="Date of the brief; default today.")
    author: str = Field(default="briefing", max_length=MAX_TEXT_SETTING)
    handling: str | None = Field(default=None, max_length=MAX_TEXT_SETTING, description="e.g. 'For internal use only'.")
    output: Path = Path("out/brief.docx")
    format: Literal["docx", "json", "md"] = "docx"
    pdf: bool = Field(default=False, description="Also write a PDF beside the output (LibreOffice).")
    quotes: int = Field(default=5, ge=0, le=20, description="Key quotes shown at most.")
    summarizer: str = "newsrank"  # the measured best on the CNN Corpus (docs/quality.md)
    sentences: int = Field(default=5, ge=1, le=100, description="Sentences chosen per article.")
    per_section: int = Field(
        default=2, ge=0, le=20, description="Extra on-topic sentences per section and article."
    )
    key_points: int = Field(default=5, ge=0, le=20)
    max_points_per_section: int = Field(default=6, ge=1, le=100)
    story_points: int = Field(default=4, ge=1, le=20)  # a story's lead and supporting points
    other_news: bool = False  # show off-topic stories under "Other news"
    story_threshold: float = Field(default=0.375, gt=0.0, le=1.0)  # = stories.DEFAULT_STORY_THRESHOLD
    merge_threshold: float = Field(default=0.35, gt=0.0, le=1.0)  # = samepoint.DEFAULT_THRESHOLD
    sections_file: Path | None = None
    template: Path | None = None
    max_article_bytes: int = Field(default=20 * 1024 * 1024, ge=1, le=MAX_ARTICLE_BYTES)
    workers: int | None = Field(
        default=None, ge=0, le=64,
        description="Processes for per-article work; default: every core from 200 articles on; 0 or 1: none.",
    )
    follow_symlinks: bool = Field(
        default=False, description="Follow symlinks that lead out of an input folder or the inbox."
    )
    date_format: str = Field(default="%-d %B %Y", min_length=1, max_length=100)
    self_contained: bool = Field(
        default=True,
        description="Prefer sentences that stand alone and bracket what their article resolves "
        "(who 'his' is, which date 'Friday' is): briefing.context, briefing.dates.",
    )
    opening_bullets: int = Field(
        default=2, ge=0, le=1000,
        description="A bullet that is not a section's own on-topic pick comes from its article's first N "
        "sentences, which news writing makes stand alone (0: from anywhere in the article).",
    )

    # Daily runs (briefing daily / schedule): archive, inputs, fetching and e-mail delivery.
    archive: Path = Field(default=Path("out/briefing.sqlite3"), description="SQLite archive.")
    briefs_dir: Path = Field(default=Path("out/briefs"), description="Where daily briefs go.")
    feeds_file: Path | None = Field(default=None, description="TOML list of RSS/Atom feeds.")
    inbox: Path | None = Field(default=None, description="Folder whose new files join a run.")
    fetch_timeout: float = Field(default=15.0, gt=0, le=3600, description="Seconds per HTTP request.")
    fetch_retries: int = Field(default=2, ge=0, le=10, description="Retries after a failure.")
    fetch_backoff: float = Field(default=1.0, ge=0, le=600, description="First retry delay, doubled.")
    fetch_concurrency: int = Field(default=4, ge=1, le=64)
    fetch_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, le=MAX_ARTICLE_BYTES)
    allowed_hosts: tuple[str, ...] = Field(
        default=(), description="Host names and CIDRs that may be private/loopback (intranet feeds)."
    )
    fetch_deadline: float = Field(default=600.0, gt=0, le=86400, description="Seconds for all fetching of a run.")
    max_entries_per_feed: int = Field(default=500, ge=1, le=100_000)
    user_agent: str = Field(default="briefing/0.1 (+daily policy brief; feed reader)", max_length=MAX_SHORT_SETTING)
    timezone: str | None = Field(
        default=None, description="IANA zone of daily runs' dates (today, feed items); default the machine's."
    )
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_starttls: bool = True
    smtp_username: str | None = None
    smtp_password: SecretStr | None = Field(default=None, repr=False)
    smtp_sender: str | None = Field(default=None, description="From address; default username.")
    smtp_timeout: float = Field(default=30.0, gt=0, le=3600)
    smtp_deadline: float = Field(
        default=300.0, gt=0, le=MAX_SMTP_DEADLINE,
        description="Seconds for a whole delivery (connect to QUIT); a server that trickles is cut off.",
    )

    @field_validator("summarizer")
    @classmethod
    def _known_summarizer(cls, value: str) -> str:
        from briefing.summarize import SUMMARIZERS

        name = value.strip().lower()
        if name not in SUMMARIZERS:
            raise ValueError(f"unknown summarizer {value!r}; choose one of {', '.join(sorted(SUMMARIZERS))}")
        return name


    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value:
            from briefing.unattended import zone

            try:
                zone(value)
            except Exception as exc:
                raise ValueError(str(exc)) from None
        return value or None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(read_small_text(path, "config file"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    for key in _PATH_KEYS:
        if isinstance(data.get(key), str) and not Path(data[key]).is_absolute():
            data[key] = str((path.parent / data[key]).resolve())
    return data


def _explain(exc: ValidationError, origin: str, origins: dict[str, str] | None = None) -> ConfigError:
    problems = []
    for e in exc.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "settings"
        if origins is not None:
            # Name where the bad value came from: a flag, a BRIEFING_* variable, the file, defaults.
            where = origins.get(str(e["loc"][0]) if e["loc"] else "", "defaults")
            problems.append(f"{loc}: {e['msg'] if e['type'] != 'extra_forbidden' else _unknown(e)} (from {where})")
            continue
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            import difflib

            close = difflib.get_close_matches(str(e["loc"][-1]), list(Settings.model_fields), n=1)
            msg = "unknown setting" + (f" (did you mean {close[0]!r}?)" if close else "")
        problems.append(f"{loc}: {msg}")
    if origins is not None:
        return ConfigError("invalid settings: " + "; ".join(problems))
    return ConfigError(f"invalid settings ({origin}): " + "; ".join(problems))


def _unknown(e: Any) -> str:
    import difflib

    close = difflib.get_close_matches(str(e["loc"][-1]), list(Settings.model_fields), n=1)
    return "unknown setting" + (f" (did you mean {close[0]!r}?)" if close else "")


def load_settings(
    config: str | Path | None = None, *, flags: dict[str, str] | None = None, **overrides: Any
) -> Settings:
    """Build Settings from defaults, a TOML file, BRIEFING_* variables and overrides (in that order).

    Overrides whose value is None are ignored, so CLI flags that were not given do not count.
    ``flags`` names each override as the user wrote it (``{"sentences": "--sentences"}``); an
    invalid value is then reported with its origin (that flag, ``BRIEFING_SENTENCES``, the config
    file or the defaults).
    """
    config = config or os.environ.get("BRIEFING_CONFIG") or None
    values: dict[str, Any] = {}
    origin = "defaults"
    if config:
        values.update(_read_toml(Path(config)))
        origin = f"config file {config}"
    try:
        env = EnvSettingsSource(Settings)()
    except Exception as exc:  # pydantic-settings raises SettingsError on unparsable values
        raise ConfigError(f"invalid BRIEFING_* environment variable: {exc}") from None
    if env:
        values.update(env)
        origin += " and BRIEFING_* environment"
    given = {k: v for k, v in overrides.items() if v is not None}
    values.update(given)
    try:
        return Settings(**values)
    except ValidationError as exc:
        if flags is None:
            raise _explain(exc, origin) from None
        origins = {k: f"config file {config}" for k in values if config and k not in env and k not in given}
        origins.update({k: f"environment variable BRIEFING_{k.upper()}" for k in env if k not in given})
        origins.update({k: flags.get(k, f"argument {k}") for k in given})
        raise _explain(exc, "settings", origins) from None
