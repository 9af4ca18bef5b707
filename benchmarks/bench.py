"""Throughput and memory of `paperclaims extract`: MB/s, papers/s, claims/s and peak RSS.

Runs the installed `paperclaims extract` as a child process, JSON Lines in, CSV out, for each
corpus x jobs x store setting, and prints one row per run plus a Markdown table to paste into
benchmarks/README.md. The corpora, written to a temporary directory:

- `openreview`: the shared OpenReview feed (../shared/feeds/, 8.5 MB) repeated to `--repeat-size`;
  skipped when the feed is absent;
- `synthetic`: template abstracts (benchmarks/corpus.py) of `--size` bytes, fixed seed.

Peak RSS is read two ways: `rss` is the largest single process (the main one or one worker),
from the kernel's accounting of the finished child (wait4); `tree` is the largest sum over the
main process and its workers seen by polling /proc every 50 ms (Linux only; shared pages of the
forked workers count once per process, so it overstates).

    python benchmarks/bench.py                       # the defaults: a few minutes
    python benchmarks/bench.py --size 1GB --only synthetic --store off   # the big one
"""
from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (benchmarks/ is not a package)

ROOT = Path(__file__).resolve().parent.parent
SHARED_FEED = ROOT.parent / "shared" / "feeds" / "openreview-iclr2021-neurips2023.jsonl"
_SUMMARY = re.compile(r"(?P<papers>\d+) papers?, (?P<claims>\d+) claims?")
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}


def parse_size(text: str) -> int:
    """A byte count: 34MB, 1GB, 500KB, 12345."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 34MB or 1GB)")
    return int(float(m[1]) * _UNITS[m[2] if m[2] != "K" else "KB"])


@dataclass
class Run:
    corpus: str
    size: int
    jobs: int
    store: bool
    seconds: float
    cpu: float  # user + system seconds of the main process and its workers
    papers: int
    claims: int
    rss: int  # bytes, the largest single process
    tree: int  # bytes, the largest sum over the process tree (0 where /proc is missing)
    digest: str  # SHA-256 of the CSV written

    @property
    def mb_per_s(self) -> float:
        return self.size / 1e6 / self.seconds


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"nproc {cores}, {model}, Python {platform.python_version()}, {platform.system()} "
            f"{platform.release()}; load average {load} (other work slows the wall clock, not CPU s)")


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc, in bytes."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        total += int(m[1]) * 1024 if m else 0
        todo.extend(int(c) for c in children)
    return total


def extract(exe: Path, feed: Path, out: Path, jobs: int, db: Path | None) -> tuple[float, float, str, int, int]:
    """Run one extract; return (seconds, CPU seconds, stderr, peak single-process RSS, peak tree RSS)."""
    command = [str(exe), "extract", str(feed), "--format", "csv", "-o", str(out), "--jobs", str(jobs)]
    command += ["--db", str(db)] if db else ["--no-store"]
    env = {**os.environ, "PAPERCLAIMS_LEXICON": ""}  # the built-in lexicon only
    peak_tree = 0
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(child.stderr.read()))
    reader.start()
    polling = Path("/proc").is_dir()
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if polling:
            peak_tree = max(peak_tree, _tree_rss(child.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    stderr = b"".join(errors).decode("utf-8", "replace")
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}")
    # ru_maxrss is in KiB on Linux, bytes on macOS
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    # the workers are waited for by the main process, so their time and memory are in `usage`
    return seconds, usage.ru_utime + usage.ru_stime, stderr, rss, peak_tree


def measure(exe: Path, name: str, feed: Path, jobs: int, store: bool, work: Path, repeat: int) -> Run:
    """The fastest of `repeat` runs (other load on the machine only ever slows a run down)."""
    best = None
    for _ in range(repeat):
        out = work / f"{name}-{jobs}-{int(store)}.csv"
        db = work / "claims.db" if store else None
        if db:  # a fresh store each time: every paper is new
            for leftover in work.glob("claims.db*"):
                leftover.unlink()
        seconds, cpu, stderr, rss, tree = extract(exe, feed, out, jobs, db)
        m = _SUMMARY.search(stderr)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        out.unlink()
        run = Run(name, feed.stat().st_size, jobs, store, seconds, cpu, int(m["papers"]) if m else 0,
                  int(m["claims"]) if m else 0, rss, tree, digest)
        if best is None or run.seconds < best.seconds:
            best = run
    return best


def row(run: Run) -> list[str]:
    return [run.corpus, f"{run.size / 1e6:.0f} MB", str(run.jobs), "on" if run.store else "off",
            f"{run.seconds:.1f}", f"{run.cpu:.1f}", f"{run.mb_per_s:.2f}", f"{run.papers / run.seconds:,.0f}",
            f"{run.claims / run.seconds:,.0f}", f"{run.rss / 2**20:.0f}",
            f"{run.tree / 2**20:.0f}" if run.tree else "-"]


HEADER = ["corpus", "input", "jobs", "store", "seconds", "CPU s", "MB/s", "papers/s", "claims/s",
          "peak RSS MiB", "tree RSS MiB"]


def main(argv: list[str] | None = None) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("16MB"),
                        help="size of the synthetic corpus (default 16MB; 1GB for the big run)")
    parser.add_argument("--repeat-size", type=parse_size, default=parse_size("34MB"),
                        help="repeat the OpenReview feed to this size (default 34MB)")
    parser.add_argument("--jobs", default=f"1,{cores}",
                        help=f"comma-separated job counts to run (default 1,{cores}: one and all cores)")
    parser.add_argument("--store", choices=("off", "on", "both"), default="both",
                        help="run with the claims store off, on, or both (default)")
    parser.add_argument("--only", choices=("openreview", "synthetic"),
                        help="run one corpus only")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run each setting N times and keep the fastest (default 1)")
    parser.add_argument("--workdir", type=Path, help="where to write corpora (default: a temp dir, removed)")
    args = parser.parse_args(argv)

    exe = Path(sys.executable).parent / "paperclaims"
    if not exe.exists():
        exe = Path(shutil.which("paperclaims") or "paperclaims")
    jobs = [int(j) for j in args.jobs.split(",")]
    stores = {"off": [False], "on": [True], "both": [False, True]}[args.store]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="paperclaims-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    try:
        feeds: list[tuple[str, Path]] = []
        if args.only in (None, "openreview"):
            if SHARED_FEED.exists():
                path = work / "openreview-repeated.jsonl"
                size = corpus.write_repeated(SHARED_FEED, path, args.repeat_size)
                feeds.append(("openreview", path))
                print(f"corpus openreview: {SHARED_FEED.name} repeated to {size / 1e6:.1f} MB")
            else:
                print(f"corpus openreview: {SHARED_FEED} not found, skipped")
        if args.only in (None, "synthetic") or not feeds:
            path = work / "synthetic.jsonl"
            started = time.perf_counter()
            size = corpus.write_corpus(path, args.size, seed=args.seed)
            feeds.append(("synthetic", path))
            print(f"corpus synthetic: {size / 1e6:.1f} MB, seed {args.seed}, written in "
                  f"{time.perf_counter() - started:.1f}s")

        print("  ".join(HEADER))
        runs: list[Run] = []
        for name, feed in feeds:
            for store in stores:
                for j in jobs:
                    run = measure(exe, name, feed, j, store, work, args.repeat)
                    runs.append(run)
                    print("  ".join(row(run)), flush=True)

        print()
        for name, _ in feeds:
            mine = [r for r in runs if r.corpus == name]
            same = len({r.digest for r in mine}) == 1
            print(f"{name}: CSV output identical across jobs and store settings: {'yes' if same else 'NO'}")
            for store in stores:
                by_jobs = {r.jobs: r for r in mine if r.store == store}
                if 1 in by_jobs:
                    for j, r in sorted(by_jobs.items()):
                        if j != 1:
                            print(f"{name}: store {'on' if store else 'off'}: {j} jobs are "
                                  f"{by_jobs[1].seconds / r.seconds:.2f}x one job")
            for j in jobs:
                off = [r for r in mine if r.jobs == j and not r.store]
                on = [r for r in mine if r.jobs == j and r.store]
                if off and on:
                    print(f"{name}: {j} job(s): store on takes {on[0].seconds / off[0].seconds:.2f}x "
                          f"the time of store off")
        print()
        print(f"machine at the end: {machine()}")
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "|".join(" --- " for _ in HEADER) + "|")
        for run in runs:
            print("| " + " | ".join(row(run)) + " |")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
