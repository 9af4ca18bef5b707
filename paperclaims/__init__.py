"""paperclaims: metric claims from ML paper abstracts, as normalized rows, and leaderboards of them."""
from importlib.metadata import PackageNotFoundError, version

from .claims import explain_claims, extract_claims
from .errors import InputError, LexiconError, PaperclaimsError, StoreError, UsageError
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .model import COLUMNS, KINDS, Claim, Paper

try:
    __version__ = version("paperclaims")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "COLUMNS", "KINDS", "Claim", "Paper", "Lexicon", "default_lexicon", "load_lexicon",
    "extract_claims", "explain_claims", "PaperclaimsError", "InputError", "LexiconError", "StoreError", "UsageError",
]
