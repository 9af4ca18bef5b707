"""Papers to claims: run the grammar over each paper of a feed, in one process or several, and
filter what comes out.

Everything streams: papers are read, extracted and handed on a chunk at a time, so memory stays
flat however long the feed. With `jobs > 1` chunks of papers go to worker processes, at most a
few chunks per worker in flight, and come back in feed order: the output is the same whatever
the number of jobs. Each worker loads the lexicon once, from the same files as the caller.
"""
from __future__ import annotations

import dataclasses
import itertools
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .claims import extract_claims
from .errors import PaperclaimsError, UsageError
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .model import KINDS, Claim, Paper

#: Papers per task sent to a worker: large enough that pickling and scheduling cost little next
#: to the extraction, small enough that a worker is never idle for long at the end of a feed.
CHUNK_SIZE = 128
# Chunks in flight per worker: one being extracted, one waiting, so no worker waits for the reader.
_CHUNKS_PER_JOB = 2


def available_cores() -> int:
    """The number of CPU cores this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity mask
        return os.cpu_count() or 1


def lexicon_from_files(files: Sequence[str | os.PathLike] | None) -> Lexicon:
    """The built-in lexicon extended by `files` (later files win), or the built-in one alone."""
    return load_lexicon(files) if files else default_lexicon()


def paper_claims(paper: Paper, lexicon: Lexicon) -> list[Claim]:
    """Every claim of one paper, with `paper_id` and `paper` (the title) set."""
    found = extract_claims(paper.abstract, title=paper.title, lexicon=lexicon, paper_id=paper.paper_id)
    return [claim if claim.paper_id == paper.paper_id and claim.paper == paper.title
            else dataclasses.replace(claim, paper_id=paper.paper_id, paper=paper.title)
            for claim in found]


def claims_by_paper(papers: Iterable[Paper], *, lexicon: Lexicon | None = None,
                    lexicon_files: Sequence[str | os.PathLike] | None = None, jobs: int = 1,
                    chunk_size: int | None = None) -> Iterator[tuple[Paper, list[Claim]]]:
    """Each paper with every claim found in it, in feed order, extracted in `jobs` processes.

    `jobs=1` extracts in this process, with `lexicon` (default: the one `lexicon_files` make).
    With more jobs, worker processes each load the lexicon from `lexicon_files` (None: the
    built-in lexicon), so pass the files `lexicon` was loaded from. They take `chunk_size`
    papers at a time (default CHUNK_SIZE); a feed that fits in one chunk is extracted here. An error in a worker is raised here as it was raised
    there; a worker that dies (killed, out of memory) is a PaperclaimsError.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    chunk_size = chunk_size or CHUNK_SIZE
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    files = [Path(f) for f in lexicon_files or ()]
    if jobs == 1:
        lexicon = lexicon or lexicon_from_files(files)
        for paper in papers:
            yield paper, paper_claims(paper, lexicon)
        return
    chunks = _chunked(papers, chunk_size)
    first = next(chunks, [])
    second = next(chunks, None)
    if second is None:  # a feed this short is done before worker processes would have started
        lexicon = lexicon or lexicon_from_files(files)
        for paper in first:
            yield paper, paper_claims(paper, lexicon)
        return
    yield from _in_workers(itertools.chain([first, second], chunks), files, jobs)


def claims_from_papers(papers: Iterable[Paper], *, lexicon: Lexicon | None = None,
                       lexicon_files: Sequence[str | os.PathLike] | None = None,
                       jobs: int = 1) -> Iterator[Claim]:
    """Every claim of every paper, in feed order, with `paper_id` and `paper` (the title) set.

    `jobs` and `lexicon_files` are as for `claims_by_paper`.
    """
    for _, claims in claims_by_paper(papers, lexicon=lexicon, lexicon_files=lexicon_files, jobs=jobs):
        yield from claims


# --- worker processes ---------------------------------------------------------------------------

def _chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _in_workers(chunks: Iterator[list[Paper]], files: list[Path],
                jobs: int) -> Iterator[tuple[Paper, list[Claim]]]:
    """Chunks extracted by a pool of `jobs` processes, yielded in order, a bounded number in flight."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(files,))
    in_flight: deque[tuple[list[Paper], Future]] = deque()
    try:
        for chunk in chunks:
            in_flight.append((chunk, pool.submit(_extract_chunk, chunk)))
            if len(in_flight) >= jobs * _CHUNKS_PER_JOB:
                yield from _finished(*in_flight.popleft())
        while in_flight:
            yield from _finished(*in_flight.popleft())
    except BaseException:  # an error, Ctrl-C, or the consumer stopped early (a closed pipe)
        _stop(pool)
        raise
    pool.shutdown()


def _finished(chunk: list[Paper], future: Future) -> Iterator[tuple[Paper, list[Claim]]]:
    try:
        found = future.result()
    except BrokenProcessPool:
        raise PaperclaimsError("an extraction worker process stopped unexpectedly (killed, or out "
                               "of memory?); try fewer --jobs") from None
    return zip(chunk, found)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, without waiting for the chunks they are on."""
    pool.shutdown(wait=False, cancel_futures=True)
    # ProcessPoolExecutor has no public way to stop a busy worker before Python 3.14.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()


# The worker's lexicon, loaded once by `_start_worker`; or the error loading it raised, which
# every task then raises, so that it reaches the caller as itself.
_worker_lexicon: Lexicon | None = None
_worker_error: BaseException | None = None


def _start_worker(files: list[Path]) -> None:
    global _worker_lexicon, _worker_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    try:
        _worker_lexicon = lexicon_from_files(files)
    except Exception as err:  # noqa: BLE001 - handed to the caller with the first task
        _worker_error = err


def _extract_chunk(papers: list[Paper]) -> list[list[Claim]]:
    if _worker_error is not None:
        raise _worker_error
    return [paper_claims(paper, _worker_lexicon) for paper in papers]


def resolve_benchmark(name: str, lexicon: Lexicon | None = None) -> str:
    """The canonical id of a benchmark named by any of its aliases ("imagenet" -> "imagenet-1k").

    An unknown name is a usage error that suggests the closest known ids.
    """
    lexicon = lexicon or default_lexicon()
    found = lexicon.benchmark(name)
    if found is not None:
        return found.id
    close = lexicon.suggest_benchmarks(name)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UsageError(f"unknown benchmark {name!r}{hint}")


def check_kinds(kinds: Iterable[str]) -> set[str]:
    """The claim kinds asked for, each checked against KINDS."""
    wanted = set(kinds)
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise UsageError(f"unknown claim kind {unknown[0]!r} (known: {', '.join(KINDS)})")
    return wanted


def filter_claims(claims: Iterable[Claim], kinds: Iterable[str] | None = None,
                  benchmarks: Iterable[str] | None = None, *,
                  lexicon: Lexicon | None = None) -> Iterator[Claim]:
    """The claims of the given kinds on the given benchmarks (None or empty: any).

    Kinds and benchmark names are checked here, before any claim is read, so a typo fails
    fast even on a feed that would take minutes.
    """
    wanted_kinds = check_kinds(kinds) if kinds else None
    wanted_benchmarks = {resolve_benchmark(b, lexicon) for b in benchmarks} if benchmarks else None
    return (c for c in claims
            if (wanted_kinds is None or c.kind in wanted_kinds)
            and (wanted_benchmarks is None or c.benchmark in wanted_benchmarks))
