"""The claims store: round trip, idempotent keys, version replacement, safety, concurrency, crashes."""
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from paperclaims.errors import StoreError
from paperclaims.model import COLUMNS, Claim, Paper
from paperclaims.store import (APPLICATION_ID, ENV_VAR, EXPORT_COLUMNS, MIGRATIONS, SCHEMA_VERSION,
                               STORED_COLUMNS, IngestStats, Store, paper_key, resolve_db_path)

ROOT = Path(__file__).resolve().parent.parent


def make_paper(n, abstract=None, source="feed-a.jsonl", date="2024-01-15", version=""):
    pid = f"2401.{n:05d}{version}"
    return Paper(pid, f"Paper {n}", abstract or f"Model{n} reaches {80 + n % 10}.5% top-1 accuracy on "
                 f"ImageNet with 21M parameters.", url=f"https://arxiv.org/abs/{pid}", date=date,
                 source=source)


def claims_for(paper, k=2):
    """`k` claims whose evidence really is in the abstract; every column filled on the first."""
    text = paper.abstract
    out = []
    for i in range(k):
        start = i % max(1, len(text) - 5)
        out.append(Claim(kind="result" if i % 2 == 0 else "resource", value=80.5 + i,
                         evidence=text[start:start + 5], start=start, end=start + 5,
                         model=f"Model-{paper.paper_id}", benchmark="imagenet-1k" if i % 2 == 0 else None,
                         metric="top1_accuracy" if i % 2 == 0 else "params",
                         unit="%" if i % 2 == 0 else "params",
                         magnitude=None if i % 2 == 0 else 21e6, baseline="ResNet-50" if i == 0 else None,
                         setting="zero-shot" if i == 0 else None,
                         higher_is_better=True if i == 0 else (False if i == 2 else None),
                         paper_id=paper.paper_id, paper=paper.title))
    return out


def feed(ns, **kw):
    papers = [make_paper(n, **kw) for n in ns]
    return [(p, claims_for(p)) for p in papers]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "store" / "claims.db"


# -- round trip and keys -----------------------------------------------------------------------

def test_round_trip_every_column(db):
    items = feed(range(3))
    with Store.open(db) as store:
        store.add(items)
        out = list(store.claims())
    expected = [c.to_dict() for _, claims in items for c in claims]
    assert [{k: row[k] for k in COLUMNS} for row in out] == expected
    papers = {p.paper_id: p for p, _ in items}
    for row in out:
        paper = papers[row["paper_id"]]
        assert (row["source"], row["date"], row["url"]) == (paper.source, paper.date, paper.url)
    assert tuple(out[0]) == STORED_COLUMNS
    assert EXPORT_COLUMNS == (*COLUMNS, "source", "date")


def test_missing_parent_directory_is_created(tmp_path):
    path = tmp_path / "a" / "b" / "c.db"
    Store.open(path).close()
    assert path.is_file()


def test_same_feed_twice_adds_nothing(db):
    with Store.open(db) as store:
        first = store.add(feed(range(5)))
        before = list(store.claims())
        second = store.add(feed(range(5)))
        assert list(store.claims()) == before
    assert (first.papers_added, first.claims_added) == (5, 10)
    assert (second.papers_added, second.papers_replaced, second.papers_unchanged, second.claims_added) == (0, 0, 5, 0)


def test_same_paper_from_two_feeds_is_stored_once_with_both_sources(db):
    with Store.open(db) as store:
        store.add(feed([1, 2], source="monday.txt"))
        stats = store.add(feed([2, 3], source="tuesday.jsonl"))
        papers = {p["paper_id"]: p for p in store.papers()}
        assert store.counts() == {"papers": 3, "claims": 6}
    assert (stats.papers_added, stats.papers_unchanged) == (1, 1)
    assert papers["2401.00002"]["sources"] == ["monday.txt", "tuesday.jsonl"]
    assert papers["2401.00002"]["source"] == "monday.txt"  # the feed the stored version came from


def test_changed_abstract_replaces_old_claims(db):
    old = make_paper(7, abstract="Old abstract: 70.1% top-1 accuracy on ImageNet.")
    new = make_paper(7, abstract="New abstract: 75.9% top-1 accuracy on ImageNet.", version="v2",
                     date="2024-02-01", source="later.txt")
    old_claims = [Claim("result", 70.1, "70.1%", 14, 19, model="M", benchmark="imagenet-1k",
                        metric="top1_accuracy", unit="%", paper_id=old.paper_id, paper=old.title)]
    new_claims = [Claim("result", 75.9, "75.9%", 14, 19, model="M", benchmark="imagenet-1k",
                        metric="top1_accuracy", unit="%", paper_id=new.paper_id, paper=new.title),
                  Claim("result", 92.0, "top-1", 20, 25, model="M", benchmark="imagenet-1k",
                        metric="top5_accuracy", unit="%", paper_id=new.paper_id, paper=new.title)]
    with Store.open(db) as store:
        store.add([(old, old_claims)])
        stats = store.add([(new, new_claims)])
        rows = list(store.claims())
    assert (stats.papers_replaced, stats.claims_removed, stats.claims_added) == (1, 1, 2)
    assert [r["value"] for r in rows] == [75.9, 92.0]
    assert {(r["paper_id"], r["source"], r["date"]) for r in rows} == {("2401.00007v2", "later.txt", "2024-02-01")}


def test_an_older_version_seen_later_does_not_replace_the_newer(db):
    newer = make_paper(8, abstract="Version two.", date="2024-03-01", version="v2")
    older = make_paper(8, abstract="Version one.", date="2024-01-01", version="v1")
    with Store.open(db) as store:
        store.add([(newer, claims_for(newer, 1))])
        stats = store.add([(older, claims_for(older, 2))])
        assert [r["paper_id"] for r in store.claims()] == ["2401.00008v2"]
    assert stats.papers_older == 1


def test_re_extraction_with_different_claims_replaces_them(db):
    paper = make_paper(9)
    with Store.open(db) as store:
        store.add([(paper, claims_for(paper, 1))])
        stats = store.add([(paper, claims_for(paper, 3))])
        assert store.counts()["claims"] == 3
    assert stats.papers_replaced == 1


@pytest.mark.parametrize("paper_id, key", [
    ("2401.01234v2", "2401.01234"),              # arXiv version dropped
    ("arXiv:2401.01234v10", "arXiv:2401.01234"),
    ("hep-th/9901001v3", "hep-th/9901001"),      # old-style arXiv id
    ("2401.01234", "2401.01234"),
    ("https://openreview.net/forum?id=abc", "https://openreview.net/forum?id=abc"),
    ("model-v2", "model-v2"),                    # not an arXiv id: kept whole
])
def test_paper_key(paper_id, key):
    assert paper_key(Paper(paper_id, "T", "A")) == key


def test_paper_without_id_is_keyed_by_title():
    assert paper_key(Paper("", "A  Title", "x")) == paper_key(Paper("", "a title", "y"))
    assert paper_key(Paper("", "A Title", "x")).startswith("title:")


def test_filters_on_claims(db):
    with Store.open(db) as store:
        store.add(feed([1, 2]) + feed([3], date="2025-06-01"))
        assert {r["kind"] for r in store.claims(kind="resource")} == {"resource"}
        assert {r["benchmark"] for r in store.claims(benchmark="imagenet-1k")} == {"imagenet-1k"}
        assert {r["paper_id"] for r in store.claims(since="2025-01-01")} == {"2401.00003"}
        assert len(list(store.claims(papers_on="imagenet-1k"))) == 6  # resources of those papers too
        assert list(store.claims(benchmark="cifar-10")) == []


def test_on_batch_reports_running_totals(db):
    seen = []
    with Store.open(db) as store:
        total = store.add(feed(range(7)), batch_size=3, on_batch=lambda s: seen.append(s.papers_added))
    assert seen == [3, 6, 7]
    assert total.batches == 3


# -- where the store lives ---------------------------------------------------------------------

@pytest.mark.parametrize("flag, env, expected", [
    ("flag.db", "env.db", "flag.db"),   # --db wins over the environment
    (None, "env.db", "env.db"),
    (None, "", "DEFAULT"),              # an empty variable counts as unset
    (None, None, "DEFAULT"),
])
def test_resolve_db_path_precedence(flag, env, expected, monkeypatch):
    environ = {} if env is None else {ENV_VAR: env}
    import paperclaims.store as store_module
    monkeypatch.setattr(store_module, "default_db_path", lambda: Path("DEFAULT"))
    assert resolve_db_path(flag, environ) == Path(expected)


def test_default_path_is_the_user_data_directory():
    import platformdirs
    from paperclaims.store import default_db_path
    assert default_db_path() == Path(platformdirs.user_data_dir("paperclaims")) / "claims.db"


# -- schema and safety -------------------------------------------------------------------------

def test_schema_version_and_application_id_are_recorded(db):
    Store.open(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["application"] == "paperclaims" and meta["schema_version"] == str(SCHEMA_VERSION)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _refused(path, readonly=False):
    with pytest.raises(StoreError) as info:
        Store.open(path, readonly=readonly)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


@pytest.mark.parametrize("readonly", [False, True])
def test_random_bytes_are_refused_and_untouched(tmp_path, readonly):
    path = tmp_path / "claims.db"
    path.write_bytes(os.urandom(8192))
    before = _digest(path)
    assert "not a paperclaims database" in _refused(path, readonly)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]  # no -wal or -journal left


@pytest.mark.parametrize("readonly", [False, True])
def test_another_sqlite_database_is_refused_and_untouched(tmp_path, readonly):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = _digest(path)
    assert "not a paperclaims store" in _refused(path, readonly)
    assert _digest(path) == before


def test_corrupt_paperclaims_store_is_refused_and_untouched(db):
    with Store.open(db) as store:
        store.add(feed(range(50)))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    data[100:4096] = os.urandom(3996)  # page 1 past the header: the schema table
    db.write_bytes(bytes(data))
    before = _digest(db)
    _refused(db)
    assert _digest(db) == before


def test_a_newer_schema_is_refused(db):
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    assert "newer" in _refused(db)


def test_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "claims.db"
    path.touch()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_readonly_open_of_a_missing_store_creates_nothing(tmp_path):
    path = tmp_path / "nowhere" / "claims.db"
    assert "no claims store" in _refused(path, readonly=True)
    assert not path.parent.exists()


def test_readonly_store_reads_but_does_not_write(db):
    with Store.open(db) as store:
        store.add(feed([1]))
    with Store.open(db, readonly=True) as store:
        assert store.counts() == {"papers": 1, "claims": 2}
        with pytest.raises(StoreError):
            store.add(feed([2]))


# -- processes ---------------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from paperclaims.model import Claim, Paper
    from paperclaims.store import Store

    first, last, batch, k = (int(a) for a in sys.argv[2:6])

    def items():
        for n in range(first, last):
            paper = Paper(f"p{{n}}", f"Paper {{n}}", f"abstract {{n}} " * 4, date="2024-01-01",
                          source=sys.argv[6])
            yield paper, [Claim("result", float(i), "abstract", 0, 8, model=f"m{{n}}",
                                benchmark="imagenet-1k", metric="top1_accuracy",
                                paper_id=paper.paper_id, paper=paper.title) for i in range(k)]

    def committed(stats):
        print(stats.papers_added + stats.papers_unchanged, flush=True)

    pause_at = int(sys.argv[7])  # stop inside the transaction after writing this many papers
    if pause_at:
        import time
        import paperclaims.store as store_module
        write_paper, written = store_module._write_paper, [0]

        def write_then_pause(*args):
            write_paper(*args)
            written[0] += 1
            if written[0] == pause_at:
                print("paused", flush=True)
                time.sleep(60)
        store_module._write_paper = write_then_pause

    with Store.open(sys.argv[1]) as store:
        store.add(items(), batch_size=batch, on_batch=committed)
""")


def _writer(tmp_path, db, first, last, batch, k, source, pause_at=0):
    script = tmp_path / "writer.py"
    if not script.exists():
        script.write_text(WRITER.format(root=str(ROOT)))
    return subprocess.Popen([sys.executable, str(script), str(db), str(first), str(last), str(batch),
                             str(k), source, str(pause_at)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_writing_at_once_lose_nothing(tmp_path, db):
    Store.open(db).close()
    # Distinct papers (0-1499 and 2500-3999) and an overlap (1500-2499) both write.
    a = _writer(tmp_path, db, 0, 2500, 50, 3, "a")
    b = _writer(tmp_path, db, 1500, 4000, 50, 3, "b")
    for proc in (a, b):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store.open(db, readonly=True) as store:
        assert store.counts() == {"papers": 4000, "claims": 12000}
        papers = {p["paper_id"]: p for p in store.papers()}
    assert set(papers) == {f"p{n}" for n in range(4000)}
    assert sorted(papers["p2000"]["sources"]) == ["a", "b"]


def _assert_whole_batches(db, batch, k):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(db) as store:
        counts = store.counts()
    assert counts["papers"] >= batch and counts["papers"] % batch == 0
    assert counts["claims"] == counts["papers"] * k
    assert counts["papers"] < 400_000
    return counts


def _kill(proc):
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def test_a_writer_killed_inside_a_transaction_keeps_only_committed_batches(tmp_path, db):
    batch, k = 1000, 5
    proc = _writer(tmp_path, db, 0, 400_000, batch, k, "big", pause_at=2 * batch + 700)
    lines = [proc.stdout.readline().strip() for _ in range(3)]
    assert lines == ["1000", "2000", "paused"], proc.stderr.read()  # 700 papers into batch 3
    _kill(proc)
    assert _assert_whole_batches(db, batch, k)["papers"] == 2 * batch


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.35])
def test_a_writer_killed_at_any_moment_leaves_whole_batches(tmp_path, db, delay):
    batch, k = 2000, 5
    proc = _writer(tmp_path, db, 0, 400_000, batch, k, "big")
    first = proc.stdout.readline()  # the first batch is committed
    assert first.strip() == str(batch), proc.stderr.read()
    time.sleep(delay)
    _kill(proc)
    _assert_whole_batches(db, batch, k)


def test_ingest_stats_add_up():
    total = IngestStats()
    total += IngestStats(papers_added=2, claims_added=5, batches=1)
    total += IngestStats(papers_unchanged=1, batches=1)
    assert total.to_dict() == {"papers_added": 2, "papers_replaced": 0, "papers_unchanged": 1,
                               "papers_older": 0, "claims_added": 5, "claims_removed": 0, "batches": 2}


def test_ingest_commits_full_batches_and_the_rest_on_a_clean_exit(db):
    with Store.open(db) as store:
        with store.ingest(batch_size=2) as ingest:
            for paper, claims in feed(range(5)):
                ingest.add(paper, claims)
            assert store.counts()["papers"] == 4  # two full batches so far
        assert store.counts()["papers"] == 5
        assert ingest.stats.papers_added == 5


def test_ingest_drops_the_unfinished_batch_on_an_error(db):
    with Store.open(db) as store:
        with pytest.raises(KeyboardInterrupt):
            with store.ingest(batch_size=2) as ingest:
                for paper, claims in feed(range(5)):
                    ingest.add(paper, claims)
                raise KeyboardInterrupt
        assert store.counts()["papers"] == 4
