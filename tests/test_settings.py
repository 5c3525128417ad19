"""Settings: defaults, then TOML, then BRIEFING_* environment, then flags."""

import pytest

from briefing import ConfigError, load_settings


def test_layers_in_order(tmp_path, monkeypatch):
    cfg = tmp_path / "cfg.toml"
    cfg.write_text('title = "From TOML"\nsentences = 3\nsummarizer = "lsa"\nsections_file = "s.toml"\n', encoding="utf-8")
    monkeypatch.delenv("BRIEFING_SENTENCES", raising=False)
    s = load_settings(cfg)
    assert (s.title, s.sentences, s.summarizer) == ("From TOML", 3, "lsa")
    assert s.sections_file == tmp_path / "s.toml"  # relative to the config file
    monkeypatch.setenv("BRIEFING_SENTENCES", "4")
    monkeypatch.setenv("BRIEFING_SUMMARIZER", "luhn")
    s = load_settings(cfg)
    assert (s.title, s.sentences, s.summarizer) == ("From TOML", 4, "luhn")
    s = load_settings(cfg, sentences=2, summarizer=None)
    assert (s.sentences, s.summarizer) == (2, "luhn")


def test_defaults():
    s = load_settings()
    assert s.format == "docx" and str(s.output) == "out/brief.docx" and s.sentences >= 1


@pytest.mark.parametrize(
    "body, message",
    [("titel = 'x'", "titel: unknown setting"), ("sentences = 0", "sentences"), ("summarizer = 'gpt'", "unknown summarizer"), ("title = ", "not valid TOML")],
)
def test_bad_config_is_clear(tmp_path, body, message):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(cfg)


def test_bad_environment_value(monkeypatch):
    monkeypatch.setenv("BRIEFING_SENTENCES", "many")
    with pytest.raises(ConfigError, match="sentences"):
        load_settings()
