"""The exceptions paperclaims raises; the CLI turns each into one line on stderr and an exit code."""


class PaperclaimsError(Exception):
    """Base class: something the user can fix, described in one line."""

    exit_code = 1


class InputError(PaperclaimsError):
    """A feed could not be read or understood."""


class LexiconError(PaperclaimsError):
    """A lexicon data file is malformed (bad field, duplicate alias, unknown reference)."""


class StoreError(PaperclaimsError):
    """The claims store is missing, corrupt, or not a paperclaims database."""


class UsageError(PaperclaimsError):
    """The command line asked for something that cannot be done."""

    exit_code = 2
