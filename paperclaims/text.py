"""Text repair for mangled abstracts (LaTeX, PDF damage, odd Unicode) with a map back to the original, and sentence spans.

The extractor matches its grammar on `repair(abstract).text` but reports evidence as an exact
substring of the original abstract; `Repaired.to_original` turns a span of the repaired text
into the span of the original it came from.

Repair runs a fixed sequence of passes (`_PASSES`). Each pass scans the text once, left to
right, and yields non-overlapping edits `(start, end, replacement)`; applying the edits also
carries every repaired character's origin through, so the passes compose. A character produced
by replacing a piece of text is mapped to the whole piece, which is what lets `to_original`
of the `%` in `84.8%` (from `84.8\\%`) cover both `\\%` characters. A deleted piece (a `$`, the
braces of `\\textbf{...}`) belongs to no repaired character: a span covers it only when it lies
between two characters the span covers, so `84.8%` from `$84.8\\%$` maps back to `84.8\\%`.

Choices a reader might question:

- `^{X}` and `_{X}` become `^X` and `_X`: the marker is kept so that no rule ever glues two
  tokens into a new number (`10^{-3}` must not read as `10-3`, `x_{2}10` not as `x210`).
- A `~` right after a letter is a LaTeX tie (`Table~2`, `reach~80\\%`) and becomes a space, as
  does one between a digit and a letter (`5~times`); a `~` after a digit and before a digit
  (`10~20`, a range) or after a space or bracket (` ~80%`, approximately) stays.
- Relation commands written before a number (`$\\sim 5\\%$`, `\\leq 13`) swallow the spaces
  before it, as they would render, so the extractor sees `~5%` and `≤13`.
- A dangling line-end hyphen after one of a few compound prefixes (`self- supervised`) or after
  the last part of a compound (`state-of-the- art`) keeps the hyphen and only loses the gap; any
  other lowercase fragment is joined (`archi- tecture`).
- `sentences` treats a lone capital and a point as an initial (`J. Smith`), so a one-letter name
  at a sentence end (`Appendix A. We ...`) does not split; neither do `et al.`, `resp.`, `p.p.`.
- An unmatched `$`, or one whose partner is more than `_MAX_MATH_SPAN` characters away, is
  left alone; so is a wrapper command whose closing brace never comes.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
import re
from typing import Callable, Iterable, Iterator

import regex

__all__ = ["Repaired", "repair", "sentences"]

# A `$` whose partner is further away than this is treated as a literal dollar sign.
_MAX_MATH_SPAN = 400

# An edit replaces text[start:end] of the pass's input with `replacement`.
Edit = tuple[int, int, str]


class Repaired:
    """A repaired abstract and, per repaired character, the piece of the original it came from.

    A text that `repair` left unchanged (most abstracts) keeps no map: its spans are their own
    originals, and its `offsets` are built only when asked for.
    """

    __slots__ = ("original", "text", "_offsets", "_ends")

    def __init__(self, original: str, text: str, offsets: tuple[int, ...] | None = None,
                 ends: tuple[int, ...] = ()) -> None:
        if offsets is None and text != original:
            raise ValueError("a changed text needs its offsets")
        if offsets is not None and len(offsets) != len(text) + 1:
            raise ValueError("offsets must have len(text) + 1 entries")
        if ends and len(ends) != len(text):
            raise ValueError("ends must have len(text) entries")
        for name, value in (("original", original), ("text", text), ("_offsets", offsets), ("_ends", ends)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Repaired is immutable")

    @property
    def offsets(self) -> tuple[int, ...]:
        """len(text) + 1 entries: offsets[i] is the index in `original` where the piece that
        repaired char i came from starts; offsets[len(text)] == len(original)."""
        return self._offsets if self._offsets is not None else tuple(range(len(self.text) + 1))

    @property
    def ends(self) -> tuple[int, ...]:
        """len(text) entries: ends[i] is where that piece ends in `original` (exclusive). Empty
        means "not known" (a Repaired built by hand): `to_original` then ends at the next offset."""
        return self._ends if self._offsets is not None else tuple(range(1, len(self.text) + 1))

    def __repr__(self) -> str:
        return f"Repaired(original={self.original!r}, text={self.text!r}, offsets={self.offsets!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Repaired):
            return NotImplemented
        return (self.original, self.text, self.offsets) == (other.original, other.text, other.offsets)

    def __hash__(self) -> int:
        return hash((self.original, self.text))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the repaired span [start, end) came from (covering whole replaced pieces)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the repaired text (length {len(self.text)})")
        if self._offsets is None:
            return start, end
        if start == end:
            return self._offsets[start], self._offsets[start]
        last = self._ends[end - 1] if self._ends else self._offsets[end]
        return self._offsets[start], last


# --- the edit machinery -------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One repair: a pattern, and what a match becomes.

    `replace` is either a string (the whole match becomes it) or a function of the match that
    returns the edits to make (absolute positions), which lets a rule rewrite only part of what
    it matched, or decline by returning no edits.
    """

    name: str
    pattern: str
    replace: str | Callable[[regex.Match], list[Edit]]


class RulePass:
    """An ordered table of rules scanned together: at each position the first rule that matches wins.

    `may_apply`, when given, is a cheap test that is false only for text in which no rule can
    match; most abstracts need none of the repairs, and skipping the scan for them is most of
    what makes `repair` fast.
    """

    def __init__(self, name: str, rules: Iterable[Rule], may_apply: Callable[[str], bool] | None = None):
        self.name = name
        self.rules = tuple(rules)
        self.may_apply = may_apply
        # each rule is wrapped in a group named after its position, to tell which one matched
        self._by_group = {f"rule{i}": rule for i, rule in enumerate(self.rules)}
        alternation = "\n|\n".join(f"(?P<{name}>{rule.pattern})" for name, rule in self._by_group.items())
        self._pattern = regex.compile(alternation, regex.VERBOSE)

    def __call__(self, text: str) -> list[Edit]:
        edits: list[Edit] = []
        if self.may_apply is not None and not self.may_apply(text):
            return edits
        for match in self._pattern.finditer(text):
            rule = next(rule for name, rule in self._by_group.items() if match.start(name) >= 0)
            if isinstance(rule.replace, str):
                if match.group() != rule.replace:
                    edits.append((match.start(), match.end(), rule.replace))
            else:
                edits.extend(rule.replace(match))
        return edits


def _apply(text: str, starts: list[int], ends: list[int], edits: list[Edit], original_length: int):
    """Apply sorted, non-overlapping edits, carrying each character's origin span through."""
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    position = 0
    for start, end, replacement in edits:
        pieces.append(text[position:start])
        new_starts.extend(starts[position:start])
        new_ends.extend(ends[position:start])
        if replacement:
            if end > start:  # every new char stands for the whole replaced piece
                piece_start, piece_end = starts[start], ends[end - 1]
            else:  # a pure insertion stands for nothing: an empty span where it was put
                piece_start = piece_end = starts[start] if start < len(starts) else original_length
            pieces.append(replacement)
            new_starts.extend([piece_start] * len(replacement))
            new_ends.extend([piece_end] * len(replacement))
        position = end
    pieces.append(text[position:])
    new_starts.extend(starts[position:])
    new_ends.extend(ends[position:])
    return "".join(pieces), new_starts, new_ends


def _delete_group(*names: str) -> Callable[[regex.Match], list[Edit]]:
    """A rule action that deletes the named groups of the match and keeps the rest."""

    def action(match: regex.Match) -> list[Edit]:
        return [(match.start(n), match.end(n), "") for n in names if match.start(n) >= 0 and match.end(n) > match.start(n)]

    return action


# Quick tests for `RulePass.may_apply`. Each must be true whenever its pass could match. The
# ones that look for digits only know ASCII text for sure (`\d` also matches other scripts'
# digits), so they say yes to any other text.
_ASCII_DIGITS = "0123456789"


def _has_digit(text: str) -> bool:
    if not text.isascii():
        return True
    for digit in _ASCII_DIGITS:  # a plain loop: `any` over a generator costs more than the tests
        if digit in text:
            return True
    return False


_GLUED_PRODUCT_HINT = regex.compile(r"\d(?:times|\ ?pm)")
_GLUED_RELATION_HINT = regex.compile(r"[lg]eq?\ ?\d")
_SPLIT_DECIMAL_HINT = regex.compile(r"\d(?:\.\ |\ \.)\d")


def _may_be_mangled(text: str) -> bool:
    return _has_digit(text) and (("times" in text or "pm" in text) and _GLUED_PRODUCT_HINT.search(text) is not None
                                 or _GLUED_RELATION_HINT.search(text) is not None)


def _may_be_split_decimal(text: str) -> bool:
    return "%" in text and _has_digit(text) and _SPLIT_DECIMAL_HINT.search(text) is not None


_HYPHEN_GAP = regex.compile(r"-(?:\ |\r?\n)\p{Ll}")


def _may_be_hyphenated(text: str) -> bool:
    return _HYPHEN_GAP.search(text) is not None


def _may_need_spacing(text: str) -> bool:
    # Every whitespace character but the plain space is unprintable (checked for all of Unicode).
    return "  " in text or not text.isprintable()


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class matching exactly these characters."""
    return "[" + "".join(regex.escape(c) for c in chars) + "]"


# --- pass 1: Unicode ---------------------------------------------------------------------

_UNICODE_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLES = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width (non-)joiners and spaces, BOM
_MINUS_DASHES = "\u2012\u2013\u2014\ufe63"  # figure dash, en dash, em dash, small hyphen-minus

_CHAR_TABLE: dict[str, str] = {
    **{c: " " for c in _UNICODE_SPACES},
    **{c: "" for c in _INVISIBLES},
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},  # full-width ASCII: ０-９ ％ ． ， （ ～ ...
    "\u2212": "-",  # minus sign: always a minus
    "\u2010": "-",  # hyphen: the same job as the ASCII one
    "\u2011": "-",  # non-breaking hyphen
    "\u223c": "~",  # tilde operator, as in "∼80%"
    "\u301c": "~",  # wave dash, used the same way
    "\u00b5": "\u03bc",  # micro sign -> Greek mu, so "µs" and "\mu s" agree
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",  # PDF ligatures
    "\ufb05": "st", "\ufb06": "st",
}

# Every character the Unicode rules look for (all of them non-ASCII); `re` finds one in a class
# of plain characters several times faster than `regex`.
_UNICODE_HINT = re.compile(_char_class(set(_MINUS_DASHES) | set(_CHAR_TABLE)))

_UNICODE = RulePass("unicode", [
    # a dash used as a minus sign: not after a word char or '.', right before a (decimal) digit
    Rule("dash-minus", rf"""
        (?<![\w.])               # not inside or right after a word or number ("results—90%" is prose)
        {_char_class(_MINUS_DASHES)}   # one of the dashes typeset in place of a minus
        (?=\.?\d)                # directly before a number
    """, "-"),
    # an en dash between two numbers is a range: "10–20", "10 – 20"
    Rule("dash-range", r"""
        (?<=\d\ ?)               # after a digit, perhaps one space
        \u2013                   # the en dash
        (?=\ ?\d)                # before a digit, perhaps one space
    """, "-"),
    # single characters with a plain equivalent (spaces, invisibles, full-width forms, ...)
    Rule("char-table", _char_class(_CHAR_TABLE), lambda m: [(m.start(), m.end(), _CHAR_TABLE[m.group()])]),
], may_apply=lambda text: not text.isascii() and _UNICODE_HINT.search(text) is not None)


# --- pass 2: LaTeX structure (math delimiters and braces) ----------------------------------

_WRAPPERS = (
    "textbf", "textit", "texttt", "textrm", "textsf", "textsc", "textup", "textnormal", "text",
    "emph", "underline", "mbox", "mathbf", "mathrm", "mathit", "mathsf", "mathtt", "mathcal",
    "mathbb", "boldsymbol", "bm", "operatorname",
)

# Font declarations that open a group: "{\large S}EED", "{\bf 84.8}".
_DECLARATIONS = ("tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE",
                 "huge", "Huge", "bfseries", "itshape", "bf", "it", "rm", "sc", "tt", "em", "sf")

_STRUCTURE_TOKEN = regex.compile(rf"""
    (?P<escape>\\[\\{{}}$%])                    # an escaped special char: text, not structure
  | (?P<command_group>\{{\\[A-Za-z]+\}})        # braces around a single command: {{\delta}}
  | (?P<wrapper>\\(?:{"|".join(sorted(_WRAPPERS, key=len, reverse=True))})\ *\{{)  # \textbf{{ and friends
  | (?P<declaration>\{{\\(?:{"|".join(_DECLARATIONS)})\ +)   # {{\large S}}, {{\bf X}}: a group that only sets a font
  | (?P<script>[\^_]\{{)                        # a braced super- or subscript: ^{{ or _{{
  | (?P<open>\{{)                               # any other group opens
  | (?P<close>\}})                              # a group closes
  | (?P<dollar>\$)                              # a math delimiter ($$ is two of them)
""", regex.VERBOSE)


def _latex_structure(text: str) -> list[Edit]:
    """Drop math delimiters and the braces of formatting commands, matching them up in one scan."""
    edits: list[Edit] = []
    if "{" not in text and "$" not in text:  # every edit removes a `$` or a group's braces
        return edits
    groups: list[tuple[str, int, int]] = []  # open groups: (kind, start, end of the opener)
    dollar: int | None = None  # position of an unpaired math delimiter
    for token in _STRUCTURE_TOKEN.finditer(text):
        kind = token.lastgroup
        if kind == "command_group":
            edits += [(token.start(), token.start() + 1, ""), (token.end() - 1, token.end(), "")]
        elif kind in ("wrapper", "script", "open"):
            groups.append((kind, token.start(), token.end()))
        elif kind == "declaration":  # {\large S} -> S, like \textbf{S}
            groups.append(("wrapper", token.start(), token.end()))
        elif kind == "close" and groups:
            opener, start, end = groups.pop()
            if opener == "wrapper":  # \textbf{X} -> X
                edits += [(start, end, ""), (token.start(), token.end(), "")]
            elif opener == "script":  # ^{X} -> ^X
                edits += [(end - 1, end, ""), (token.start(), token.end(), "")]
        elif kind == "dollar":
            if dollar is not None and token.start() - dollar <= _MAX_MATH_SPAN:
                edits += [(dollar, dollar + 1, ""), (token.start(), token.end(), "")]
                dollar = None
            else:  # the first of a pair, or its partner was too far away to be one
                dollar = token.start()
    edits.sort()
    return edits


# --- pass 3: LaTeX commands and ties ------------------------------------------------------

_GREEK = {
    name: chr(code)
    for code, name in enumerate(
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
        "varsigma sigma tau upsilon phi chi psi omega".split(), start=0x03B1)
}
_GREEK.update({name.capitalize(): chr(ord(letter) - 0x20) for name, letter in _GREEK.items() if name != "varsigma"})
_GREEK.update({"varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ", "varpi": "ϖ", "varrho": "ϱ", "ell": "ℓ"})

# Commands that are a single symbol. Unknown commands are left as they are.
_COMMAND_SYMBOLS: dict[str, str] = {
    **_GREEK,
    "times": "×", "sim": "~", "approx": "≈", "pm": "±", "mp": "∓", "cdot": "·",
    "le": "≤", "leq": "≤", "leqslant": "≤", "ge": "≥", "geq": "≥", "geqslant": "≥",
    "lt": "<", "gt": ">", "ne": "≠", "neq": "≠", "ll": "≪", "gg": "≫",
    "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←",
    "uparrow": "↑", "downarrow": "↓", "degree": "°", "circ": "°",
    "dots": "...", "ldots": "...", "cdots": "...",
    "quad": " ", "qquad": " ",
}
# Relations written in front of a number; they swallow the spaces before it ("\sim 5" -> "~5").
_PREFIX_RELATIONS = ("sim", "approx", "le", "leq", "leqslant", "ge", "geq", "geqslant", "lt", "gt")


def _command_symbol(match: regex.Match) -> list[Edit]:
    symbol = _COMMAND_SYMBOLS.get(match.group("name"))
    if symbol is None:
        return []
    swallow = match.group("gap") is not None and match.group("name") in _PREFIX_RELATIONS
    end = match.end("gap") if swallow else match.end("name")
    return [(match.start(), end, symbol)]


_LATEX_COMMANDS = RulePass("latex-commands", [
    # an escaped special character stands for itself: \% \& \# \$ \_ \{ \}
    Rule("escaped-char", r"""
        \\                       # the escape
        (?P<char>[%&\#$_{}])     # the special character
    """, lambda m: [(m.start(), m.end(), m.group("char"))]),
    # spacing commands: \, \; \: and "\ " are spaces, \! (a negative space) is nothing
    Rule("spacing", r"""
        \\(?P<space>[,;:\ !])    # a one-character spacing command
    """, lambda m: [(m.start(), m.end(), "" if m.group("space") == "!" else " ")]),
    # a named command that is one symbol: \times \sim \le \alpha ... (gap is eaten before a number for relations)
    Rule("symbol-command", r"""
        \\(?P<name>[A-Za-z]+)    # the command name, all of it (so \le never matches inside \leq)
        (?P<gap>\ *(?=\d))?      # spaces before a number, swallowed after a relation
    """, _command_symbol),
    # LaTeX's en dash between numbers is a range: 10--20
    Rule("double-dash-range", r"""
        (?<=\d)                  # after a digit
        --                       # the en dash as typed in LaTeX
        (?=\d)                   # before a digit
    """, "-"),
    # a tie: '~' right after a letter (Table~2), or between a digit and a letter (5~times)
    Rule("tie", r"""
        (?<=\p{L})~(?=\w)        # after a letter, before a word char
      | (?<=\d)~(?=\p{L})        # after a digit, before a letter
    """, " "),
], may_apply=lambda text: "\\" in text or "~" in text or "--" in text)


# --- pass 4: symbols mangled by stripping LaTeX -------------------------------------------

_MANGLED = RulePass("mangled-symbols", [
    # "6times", "1.2times faster", "224times224": a digit glued to "times", not followed by a letter
    Rule("glued-times", r"""
        (?<=\d)                  # right after a digit ("sometimes" has none)
        times                    # the command name left behind by \times
        (?!\p{L})                # not the start of a longer word ("3timesteps")
    """, "×"),
    # "(le13)", " ge 5", "leq0.1": \le / \ge with the backslash lost, glued to a number
    Rule("glued-relation", r"""
        (?<!\p{L})               # not inside a word ("edge5", "table 3")
        (?P<rel>[lg]e)q?         # le, ge, leq, geq
        \ ?                      # perhaps one space
        (?=\d)                   # then the number
    """, lambda m: [(m.start(), m.end(), "≤" if m.group("rel") == "le" else "≥")]),
    # "84.1pm0.3", "84.1 pm 0.3": \pm with the backslash lost, between two numbers
    Rule("glued-pm", r"""
        (?<=\d)                  # after a number
        (?P<space>\ ?)           # perhaps one space ...
        (?P<pm>pm)               # the command name left behind by \pm
        (?P=space)               # ... and the same on the other side
        (?=\d)                   # before a number
    """, lambda m: [(m.start("pm"), m.end("pm"), "±")]),
], may_apply=_may_be_mangled)


# --- pass 5: decimals split by PDF extraction ---------------------------------------------

_SPLIT_DECIMALS = RulePass("split-decimals", [
    # "77. 7%" -> "77.7%": a short integer, '.', one space, 1-2 digits, then '%' at once
    Rule("space-after-point", r"""
        (?<![\d.,])              # the integer starts here ("in 2019. 7%" does not qualify)
        \d{1,3}\.                # 1-3 digits and the decimal point
        (?P<gap>\ )              # exactly one space
        \d{1,2}%                 # 1-2 digits directly followed by '%'
    """, _delete_group("gap")),
    # "84 .8%" -> "84.8%": the space landed before the point instead
    Rule("space-before-point", r"""
        (?<![\d.,])              # the integer starts here
        \d{1,3}                  # 1-3 digits
        (?P<gap>\ )              # exactly one space
        \.\d{1,2}%               # the decimal point, 1-2 digits, '%'
    """, _delete_group("gap")),
], may_apply=_may_be_split_decimal)


# A score glued to its metric once LaTeX is gone: "$49.4$AP" -> "49.4AP" -> "49.4 AP".
_GLUED_METRICS = r"(?:AP|mAP|FID|gFID|BLEU|PQ|mIoU|EM|WER|CER|PSNR|SSIM|NDS|MOS|EER|AUC)"
_GLUED_HINT = regex.compile(rf"\d{_GLUED_METRICS}\b")
_GLUED_SCORE = RulePass("glued-score", [
    Rule("space-before-metric", rf"""
        (?<![\w.])\d+\.\d+         # a decimal score
        (?P<at>)                 # where the space goes
        (?={_GLUED_METRICS}\b)   # a metric abbreviation glued to it
    """, lambda m: [(m.start("at"), m.start("at"), " ")]),
], may_apply=lambda text: _GLUED_HINT.search(text) is not None)


# --- pass 6: hyphenation at PDF line ends -------------------------------------------------

# Suspended hyphens: "pre- and post-training", "first- or second-order", "low- to high-".
_SUSPENDED_HYPHEN_WORDS = ("and", "or", "to", "nor", "versus", "vs")
# Prefixes whose hyphen is part of the word: "self- supervised" is "self-supervised".
_COMPOUND_PREFIXES = ("self", "semi", "cross", "non")

def _hyphen_is_real(match: regex.Match) -> bool:
    """Whether a line-end hyphen belongs to the word: after a compound prefix or inside a compound."""
    start = match.start("fragment")
    return match.group("fragment") in _COMPOUND_PREFIXES or (start > 0 and match.string[start - 1] == "-")


_HYPHENATION = RulePass("hyphenation", [
    Rule("line-end-hyphen", rf"""
        (?<=                     # after (looked back at, so that the scan goes from hyphen to hyphen):
          (?<!\w)                #   a whole word, or the last part of a compound ("state-of-the-")
          (?P<fragment>\p{{Ll}}+)  # a lowercase word fragment
        )
        (?P<hyphen>-)            # the hyphen at the line end
        (?P<gap>\ |\r?\n)        # one space or a newline
        (?!(?:{"|".join(_SUSPENDED_HYPHEN_WORDS)})\b)  # not a suspended hyphen ("pre- and post-")
        (?=\p{{Ll}})             # a lowercase continuation
    """, lambda m: [(m.start("gap") if _hyphen_is_real(m) else m.start("hyphen"), m.end("gap"), "")]),
], may_apply=_may_be_hyphenated)


# --- pass 7: whitespace -------------------------------------------------------------------

_WHITESPACE = RulePass("whitespace", [
    # any run of whitespace (newlines included) becomes one plain space
    Rule("whitespace-run", r"""
        \s{2,}                   # a run of two or more
      | [^\S\ ]                  # or a single whitespace char that is not a plain space
    """, " "),
], may_apply=_may_need_spacing)


# The passes, in order: Unicode first so later rules see ASCII digits and plain spaces; LaTeX
# structure before commands so "$\times$" is a bare "\times"; mangled symbols, split decimals
# and hyphenation on clean text; whitespace last, after hyphenation has looked at the newlines.
_PASSES: tuple[Callable[[str], list[Edit]], ...] = (
    _UNICODE, _latex_structure, _LATEX_COMMANDS, _MANGLED, _SPLIT_DECIMALS, _GLUED_SCORE, _HYPHENATION, _WHITESPACE,
)


def repair(text: str) -> Repaired:
    """Repair LaTeX, PDF damage and odd Unicode in an abstract, keeping a map back to the original."""
    starts: list[int] | None = None
    ends: list[int] | None = None
    current = text
    for repair_pass in _PASSES:
        edits = repair_pass(current)
        if not edits:
            continue
        if starts is None:
            starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
        current, starts, ends = _apply(current, starts, ends, edits, len(text))
    if starts is None:
        return Repaired(text, text)
    starts.append(len(text))
    return Repaired(text, current, tuple(starts), tuple(ends))


# --- sentences ----------------------------------------------------------------------------

# Words whose final '.' never ends a sentence (compared lower-cased, with the '.').
_ABBREVIATIONS = frozenset(
    "e.g. i.e. al. vs. cf. fig. figs. eq. eqs. sec. secs. tab. approx. resp. val. incl. p.p. "
    "no. nos. viz. ca. ref. refs. app. appx.".split())
_INITIALISM = regex.compile(r"""
    (?:\p{L}\.)+                 # "e.g.", "U.S.", "p.p."; a lone "J." is one letter and a point
    \Z                           # and nothing else
""", regex.VERBOSE)
_SINGLE_INITIAL = regex.compile(r"""
    \p{Lu}\.                     # a capital initial: "J. Smith"
    \Z                           # and nothing else
""", regex.VERBOSE)

_SENTENCE_TOKEN = regex.compile(r"""
    (?P<open>[(\[])                          # an opening bracket: one level deeper
  | (?P<close>[)\]])                         # a closing bracket: one level out
  | (?P<stop>[.!?])                          # a sentence-final mark ...
    (?P<closers>[)\]"'”’»]*+)                # ... closing brackets or quotes glued to it
    \s++                                     # ... whitespace
    (?=[\p{Lu}\p{Nd}(\["'“‘«]               # ... before what can start a sentence:
      | \p{Ll}{1,3}\p{Lu}                     #     a capital, digit, opener, or a name like iGPT, mT5,
      | \p{Ll}{1,12}-?\d)                     #     phi-1, wav2vec
""", regex.VERBOSE)

# An opening bracket this far behind a candidate split is treated as never closed.
_MAX_PAREN_SPAN = 200
# Nesting deeper than this is not tracked (the outer levels already block a split).
_MAX_PAREN_DEPTH = 8
# How far back to look for the word before a '.'.
_MAX_WORD = 24


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the '.' at text[stop] ends an abbreviation rather than a sentence."""
    before = text[max(0, stop - _MAX_WORD):stop]  # the word is what follows the last space in it
    word = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
    word = (word + text[stop]).lstrip("([{\"'“‘")
    if word.lower() in _ABBREVIATIONS:
        return True
    # multi-letter initialisms ("e.g.", "U.S.") and lone capital initials ("J. Smith")
    return bool(len(word) == 2 and _SINGLE_INITIAL.match(word) or (word.count(".") >= 2 and _INITIALISM.match(word)))


def _split_points(text: str) -> Iterator[tuple[int, int]]:
    """Yield (end of a sentence, start of the whitespace after it) for every split."""
    open_brackets: deque[int] = deque()
    for token in _SENTENCE_TOKEN.finditer(text):
        kind = token.lastgroup
        if kind == "open":
            if len(open_brackets) < _MAX_PAREN_DEPTH:
                open_brackets.append(token.start())
        elif kind == "close":
            if open_brackets:
                open_brackets.pop()
        else:
            for char in token.group("closers"):
                if char in ")]" and open_brackets:
                    open_brackets.pop()
            while open_brackets and token.start() - open_brackets[0] > _MAX_PAREN_SPAN:
                open_brackets.popleft()
            if open_brackets:
                continue
            if token.group("stop") == "." and _is_abbreviation(text, token.start()):
                continue
            yield token.end("closers"), token.end()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of a (repaired) text, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end, next_start in [*_split_points(text), (len(text), len(text))]:
        span = _trimmed(text, start, end)
        if span:
            spans.append(span)
        start = next_start
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding whitespace, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
