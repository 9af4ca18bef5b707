"""Opening a feed (path, stdin, stream, .gz) as decoded lines: the only reader code that touches files."""
from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError

#: How much of a feed is read ahead for sniffing its format (whole lines, so it may run over).
HEAD_CHARS = 8192
#: How much is inspected to refuse binary data.
BINARY_PROBE_BYTES = 1024
#: Share of control or undecodable characters in the probe above which input is not text.
BINARY_SHARE = 0.3

_GZIP_MAGIC = b"\x1f\x8b"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\b\x1b")


def decode_utf8(data: bytes) -> tuple[str, int]:
    """Decode UTF-8 with U+FFFD for each invalid sequence; also return how many bytes were invalid."""
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    invalid = 0
    while data:
        try:
            parts.append(data.decode("utf-8"))
            break
        except UnicodeDecodeError as err:
            parts.append(data[: err.start].decode("utf-8"))
            parts.append("\ufffd")
            invalid += err.end - err.start
            data = data[err.end:]
    return "".join(parts), invalid


def looks_binary(probe: bytes | str) -> bool:
    """NUL bytes, or mostly control characters and undecodable bytes: not a text feed."""
    if isinstance(probe, bytes):
        if b"\x00" in probe:
            return True
        probe = probe.decode("utf-8", "replace")
    if "\x00" in probe:
        return True
    if not probe:
        return False
    odd = sum(1 for ch in probe if ch == "\ufffd" or ((ch < " " or ch == "\x7f") and ch not in _TEXT_CONTROLS))
    return odd > BINARY_SHARE * len(probe)


class FeedSource:
    """An opened feed: its name, the name to detect its format by, its first few KB, and its lines.

    Lines are decoded text with their line endings kept (so a CSV reader sees quoted newlines);
    `invalid_bytes` counts the undecodable bytes replaced so far, `nul_chars` the NUL characters
    read (binary data past the start, which the binary check at the start cannot see).
    """

    def __init__(self, name: str, stream: IO, owned: bool) -> None:
        self.name = name
        self.format_name = name[:-3] if name.lower().endswith(".gz") else name
        self.invalid_bytes = 0
        self.nul_chars = 0
        self._closers: list[IO] = [stream] if owned else []
        self._head: list[str] = []
        try:
            self._lines = self._open_lines(stream)
            size = 0
            for line in self._lines:
                self._head.append(line)
                size += len(line)
                if size >= HEAD_CHARS:
                    break
        except BaseException:
            self.close()
            raise
        self.head = "".join(self._head)

    def lines(self) -> Iterator[str]:
        """Every line of the feed, the sniffed head included; can be iterated once."""
        head, self._head = self._head, []
        yield from head
        yield from self._lines

    def close(self) -> None:
        for stream in reversed(self._closers):
            try:
                stream.close()
            except OSError:
                pass
        self._closers.clear()

    def _open_lines(self, stream: IO) -> Iterator[str]:
        """Check the start of the stream and return an iterator of its decoded lines."""
        if _is_text_stream(stream):
            first = self._read(stream.readline)
            if looks_binary(first[:BINARY_PROBE_BYTES]):
                raise InputError(f"{self.name}: not a feed (binary data)")
            return self._text_lines(first, stream)
        if self.name.lower().endswith(".gz") or _peek(stream, 2) == _GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=stream, mode="rb")
            self._closers.append(stream)
        probe = self._read(lambda: stream.read(BINARY_PROBE_BYTES))
        if probe.startswith(_UTF16_BOMS):
            raise InputError(f"{self.name}: not a feed (UTF-16 text; paperclaims reads UTF-8)")
        if looks_binary(probe):
            raise InputError(f"{self.name}: not a feed (binary data)")
        return self._decoded_lines(probe, stream)

    def _text_lines(self, first: str, stream: IO) -> Iterator[str]:
        if first:
            yield first.removeprefix("\ufeff")
        while line := self._read(stream.readline):
            self.nul_chars += line.count("\x00")
            yield line

    def _decoded_lines(self, probe: bytes, stream: IO) -> Iterator[str]:
        # The probe may end mid-line (even mid-character): finish that line before splitting.
        block = probe + (self._read(stream.readline) if probe and not probe.endswith(b"\n") else b"")
        *complete, last = block.split(b"\n")
        pieces = [piece + b"\n" for piece in complete] + ([last] if last else [])
        for number, raw in enumerate(pieces):
            text = self._decode(raw)
            yield text.removeprefix("\ufeff") if number == 0 else text
        while raw := self._read(stream.readline):
            yield self._decode(raw)

    def _decode(self, raw: bytes) -> str:
        text, invalid = decode_utf8(raw)
        self.invalid_bytes += invalid
        self.nul_chars += text.count("\x00")
        return text

    def _read(self, read):
        """Call a read function, turning I/O and decompression failures into a one-line InputError."""
        try:
            return read()
        except gzip.BadGzipFile:
            raise InputError(f"{self.name}: not a gzip file") from None
        except EOFError:
            raise InputError(f"{self.name}: compressed data ends early (truncated file?)") from None
        except UnicodeDecodeError as err:  # a text stream opened with a strict encoding
            raise InputError(f"{self.name}: cannot decode ({err.reason} at byte {err.start})") from None
        except OSError as err:
            raise InputError(f"{self.name}: cannot read ({err.strerror or err})") from None


def open_source(source: str | os.PathLike | IO) -> FeedSource:
    """Open a path, "-" (standard input) or an open binary/text stream as a FeedSource."""
    if isinstance(source, str) and source == "-":
        return FeedSource("-", getattr(sys.stdin, "buffer", sys.stdin), owned=False)
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        return FeedSource(name, _open_path(name), owned=True)
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        return FeedSource(name if isinstance(name, str) else "<stream>", source, owned=False)
    raise InputError(f"cannot read a feed from a {type(source).__name__}")


def _open_path(name: str) -> IO[bytes]:
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a feed")
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as err:
        raise InputError(f"{name}: cannot open ({err.strerror or err})") from None


def _is_text_stream(stream: IO) -> bool:
    if isinstance(stream, io.TextIOBase):
        return True
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)):
        return False
    try:
        return isinstance(stream.read(0), str)
    except (OSError, ValueError):
        return False


def _peek(stream: IO, size: int) -> bytes:
    """The next `size` bytes without consuming them, when the stream allows it (b"" otherwise)."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return b""
    try:
        return peek(size)[:size]
    except (OSError, ValueError):
        return b""
