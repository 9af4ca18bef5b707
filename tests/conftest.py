"""Shared test set-up: no test reads the developer's own lexicon file or writes their claims store."""
import pytest


@pytest.fixture(autouse=True)
def isolated_user_files(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("PAPERCLAIMS_LEXICON", "")
    monkeypatch.setenv("PAPERCLAIMS_DB", str(tmp_path_factory.mktemp("store") / "claims.db"))
