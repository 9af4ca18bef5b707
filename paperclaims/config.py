"""Where the user's own configuration lives: the default user lexicon file.

`lexicon.toml` in the user config directory (`platformdirs.user_config_dir("paperclaims")`, e.g.
`~/.config/paperclaims/lexicon.toml`) is read on every run when it exists, before any
`--lexicon` file, so those win. `$PAPERCLAIMS_LEXICON` names another file instead; set to the
empty string it turns the default file off.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Mapping

from .errors import LexiconError

LEXICON_ENV_VAR = "PAPERCLAIMS_LEXICON"
LEXICON_FILE_NAME = "lexicon.toml"


def default_lexicon_path() -> Path:
    """`lexicon.toml` in the platform's user config directory (whether or not it exists)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("paperclaims")) / LEXICON_FILE_NAME


def user_lexicon_file(environ: Mapping[str, str] | None = None) -> Path | None:
    """The user lexicon file to read on every run, or None when there is none.

    `$PAPERCLAIMS_LEXICON` wins: empty means none, a path means that file, which must exist
    (a LexiconError otherwise: a file asked for by name should not be skipped in silence).
    Without it, the file in the user config directory, when it exists.
    """
    environ = os.environ if environ is None else environ
    if LEXICON_ENV_VAR in environ:
        value = environ[LEXICON_ENV_VAR].strip()
        if not value:
            return None
        path = Path(value).expanduser()
        if not path.is_file():
            raise LexiconError(f"{path}: no such lexicon file (named by ${LEXICON_ENV_VAR})")
        return path
    path = default_lexicon_path()
    return path if path.is_file() else None


def lexicon_files(extra: Iterable[str | os.PathLike] | None = None,
                  environ: Mapping[str, str] | None = None) -> list[Path]:
    """The user lexicon files of a run in load order: the user file, then `extra` (--lexicon)."""
    user = user_lexicon_file(environ)
    return ([user] if user else []) + [Path(p) for p in extra or ()]
