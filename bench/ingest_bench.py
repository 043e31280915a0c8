"""Ingest benchmark: throughput, time per stage and peak memory of the whole pipeline.

    .venv/bin/python bench/ingest_bench.py [CORPUS] [--replicate N] [--repeat N] [--workers N]
        [--json]

CORPUS defaults to ``../shared/corpus-extra``. Two measurements:

1. **End to end**: ``pipeline.ingest.ingest`` into a fresh temporary store, as a user runs it
   (``--no-prefect`` path): documents/s, characters/s, and the same rate expressed in 5 KB
   documents (the budget is ≥ 40 docs/s of 5 KB documents on the 2-core reference machine).
2. **Per stage**: the same library steps timed one by one over every file (hash, read,
   normalise, segment, each spaCy component, store write), so a regression points at its stage.

Peak memory is the process's maximum resident set size. Nothing in the corpus is written.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.nlp import TEXT_KEY, load  # noqa: E402
from pipeline import PIPELINE_VERSION  # noqa: E402
from pipeline.config import Options  # noqa: E402
from pipeline.discover import discover, relative_path  # noqa: E402
from pipeline.ingest import file_sha256, ingest  # noqa: E402
from pipeline.models import Document, Extraction  # noqa: E402
from pipeline.normalise import canonical_text  # noqa: E402
from pipeline.readers import read_file  # noqa: E402
from pipeline.segment import split_passages  # noqa: E402
from pipeline.store import open_db, write_document  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-extra"
REFERENCE_DOC_CHARS = 5_000


def end_to_end(corpus: Path, options: Options) -> dict[str, float]:
    """One full ingest run into a temporary store, timed from the outside."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = ingest(corpus, Path(tmp) / "bench.db", options)
        seconds = time.perf_counter() - started
        db = open_db(Path(tmp) / "bench.db")
        chars = db.execute("select coalesce(sum(char_count), 0) from documents").fetchone()[0]
        items = {
            table: db.execute(f"select count(*) from {table}").fetchone()[0]  # noqa: S608
            for table in ("passages", "figures", "dates", "legal_refs", "targets")
        }
        db.close()
    docs = summary.added + summary.updated + summary.errors
    return {
        "documents": docs,
        "errors": summary.errors,
        "characters": chars,
        "seconds": seconds,
        "docs_per_s": docs / seconds,
        "chars_per_s": chars / seconds,
        "docs_5kb_per_s": chars / REFERENCE_DOC_CHARS / seconds,
        **{f"{name}_rows": count for name, count in items.items()},
    }


def per_stage(corpus: Path, options: Options) -> dict[str, float]:
    """Seconds spent in each stage over the whole corpus, stages run one after the other."""
    nlp = load()
    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, func, *args):
        started = time.perf_counter()
        result = func(*args)
        spent[stage] += time.perf_counter() - started
        return result

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "stages.db")
        for path in discover(corpus):
            rel = relative_path(path, corpus)
            sha = timed("hash", file_sha256, path)
            try:
                result = timed("read", read_file, path, options)
            except Exception:  # noqa: BLE001 - unreadable files are timed, not benchmarked
                continue
            text, pages = timed("normalise", canonical_text, result)
            passages = timed("segment", split_passages, text, pages)
            doc = timed("tokenize", nlp.make_doc, text)
            doc.user_data[TEXT_KEY] = text
            doc.user_data["published"] = result.published
            for name, component in nlp.pipeline:
                doc = timed(name.removeprefix("chitieu_"), component, doc)
            items = doc.user_data["chitieu_items"]
            extraction = Extraction(
                figures=tuple(items["figures"]),
                dates=tuple(items["dates"]),
                legal_refs=tuple(items["legal_refs"]),
                targets=tuple(items["targets"]),
                document_date=doc._.document_date,
            )
            document = Document(
                path=rel, sha256=sha, format=result.format, text=text, pages=tuple(pages)
            )
            timed("store", write_document, db, document, passages, extraction, PIPELINE_VERSION)
        db.close()
    return dict(spent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="end-to-end runs (best is kept)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--replicate",
        type=int,
        default=1,
        metavar="N",
        help="measure on N renamed copies of every file (a sustained run over a larger corpus)",
    )
    parser.add_argument("--workers", type=int, default=Options().workers, help="0: one per core")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"Error: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.replicate > 1:
        with tempfile.TemporaryDirectory() as tmp:
            copies = Path(tmp)
            for copy in range(args.replicate):
                for path in discover(args.corpus):
                    rel = relative_path(path, args.corpus).replace("/", "_")
                    (copies / f"{copy:04d}_{rel}").write_bytes(path.read_bytes())
            return _run(args, copies)
    return _run(args, args.corpus)


def _run(args: argparse.Namespace, corpus: Path) -> int:
    options = Options(workers=args.workers)
    load()  # build the spaCy pipeline once, outside the timings
    runs = [end_to_end(corpus, options) for _ in range(max(1, args.repeat))]
    best = max(runs, key=lambda run: run["docs_per_s"])
    stages = per_stage(corpus, options)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {
        "corpus": str(args.corpus),
        "end_to_end": best,
        "stages_s": stages,
        "peak_rss_mib": peak_mib,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    copies = f" × {args.replicate} copies" if args.replicate > 1 else ""
    print(f"corpus: {args.corpus}{copies} (workers: {args.workers or 'one per core'})")
    print(
        f"end to end: {best['documents']} documents ({best['errors']} errors), "
        f"{best['characters']:,} characters in {best['seconds']:.2f} s"
    )
    print(
        f"  {best['docs_per_s']:.1f} docs/s, {best['chars_per_s']:,.0f} chars/s, "
        f"= {best['docs_5kb_per_s']:.1f} docs/s of 5 KB"
    )
    print(
        "  rows: "
        + ", ".join(
            f"{k.removesuffix('_rows')} {v}" for k, v in best.items() if k.endswith("_rows")
        )
    )
    total = sum(stages.values())
    print(f"per stage ({total:.2f} s in all):")
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<14} {seconds:7.3f} s  {100 * seconds / total:5.1f} %")
    print(f"peak memory: {peak_mib:.0f} MiB (max RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
