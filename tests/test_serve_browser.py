"""``chitieu serve`` and the report in a real headless Chromium, plus the Datasette setup.

The browser tests start ``chitieu serve`` as a subprocess on a free port of 127.0.0.1 over a
store built from the bundled corpus, follow a target's link to its highlighted passage, and
check every highlight of a report page against the store. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest

from pipeline.ingest import ingest
from pipeline.report import page_name, write_report
from pipeline.serve import database_name, datasette_metadata, make_datasette
from pipeline.store import open_db

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ITEM_TABLES = {"figures": "F", "dates": "D", "legal_refs": "L", "targets": "T"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus ingested without Prefect, as `chitieu ingest --no-prefect` does."""
    path = tmp_path_factory.mktemp("serve") / "chitieu.db"
    ingest(BUNDLED_CORPUS, path)
    return path


def _rows(db_path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


# --- Datasette setup, in process -----------------------------------------------------------------


def test_metadata_names_the_database_and_facets() -> None:
    metadata = datasette_metadata("/data/my store.db")
    database = metadata["databases"]["my store"]
    assert metadata["plugins"]["chitieu"]["database"] == "my store"
    assert "deadline" in database["tables"]["targets"]["facets"]
    assert "unit" in database["tables"]["figures"]["facets"]
    assert "doc_type" in database["tables"]["legal_refs"]["facets"]
    assert database["tables"]["passages"]["fts_table"] == "passages_fts"
    assert set(database["queries"]) >= {
        "targets_by_deadline",
        "most_cited_documents",
        "ingest_errors",
        "conflicts",
    }


@pytest.mark.parametrize(
    ("query", "params"),
    [
        ("targets_by_deadline", {"deadline": ""}),
        ("targets_by_deadline", {"deadline": "2025"}),
        ("most_cited_documents", {}),
        ("ingest_errors", {}),
        ("targets_stated_twice", {}),
        ("conflicts", {}),
    ],
)
def test_canned_queries_run_on_the_store(store: Path, query: str, params: dict) -> None:
    sql = datasette_metadata(store)["databases"][database_name(store)]["queries"][query]["sql"]
    rows = _rows(store, sql, params)
    if query == "targets_by_deadline":
        assert rows and all(row[0].startswith("T") for row in rows)
        if params["deadline"]:
            assert all(str(row[1]).startswith("2025") for row in rows)
    if query == "most_cited_documents":
        assert rows and rows[0][5] >= rows[-1][5]


def _get(store: Path, paths: list[str]) -> list:
    async def fetch() -> list:
        datasette = make_datasette(store)
        await datasette.invoke_startup()
        return [await datasette.client.get(path) for path in paths]

    return asyncio.run(fetch())


def test_datasette_links_items_to_their_audit_page(store: Path) -> None:
    name = database_name(store)
    (target_id, surface), *_ = _rows(store, "SELECT id, text FROM targets ORDER BY id")
    row, audit, missing, search, conflicts, canned, groups = _get(
        store,
        [
            f"/{name}/targets/{target_id}",
            f"/-/chitieu/audit/T{target_id}",
            "/-/chitieu/audit/T999999",
            f"/{name}/passages?_search=h%E1%BB%A3p+t%C3%A1c+x%C3%A3",
            "/-/chitieu/conflicts",
            f"/{name}/targets_by_deadline?deadline=",
            f"/{name}/target_groups",
        ],
    )
    assert row.status_code == 200
    assert f'href="/-/chitieu/audit/T{target_id}"' in row.text
    assert audit.status_code == 200 and "verified" in audit.text
    assert f'data-id="T{target_id}"' in audit.text and f">{surface}</mark>" in audit.text
    assert missing.status_code == 404 and "no target T999999" in missing.text
    assert search.status_code == 200 and "where search matches" in search.text
    assert conflicts.status_code == 200 and "Target conflicts" in conflicts.text
    assert canned.status_code == 200 and f'href="/-/chitieu/audit/T{target_id}"' in canned.text
    assert groups.status_code == 200 and f'href="/-/chitieu/audit/T{target_id}"' in groups.text


def test_datasette_is_read_only(store: Path) -> None:
    (response,) = _get(store, [f"/{database_name(store)}.json?sql=DELETE+FROM+targets"])
    assert response.status_code == 400
    assert _rows(store, "SELECT count(*) FROM targets")[0][0] > 0


# --- a real browser against a real `chitieu serve` ----------------------------------------------


def _chromium_or_skip() -> None:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: run `bash scripts/system-deps.sh` (make test does)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(store: Path):
    """`chitieu serve` in a subprocess on a free port; stopped (by its pid) at the end."""
    port = _free_port()
    chitieu = shutil.which("chitieu", path=str(Path(sys.executable).parent)) or "chitieu"
    process = subprocess.Popen(
        [chitieu, "serve", "--db", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"chitieu serve did not start: {output}")
            time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.mark.slow
def test_browser_follows_a_target_to_its_highlighted_passage(
    store: Path, server: str, browser
) -> None:
    name = database_name(store)
    target_id, surface, start, end = _rows(
        store,
        'SELECT id, text, start, "end" FROM targets WHERE figure_id IS NOT NULL ORDER BY id',
    )[0]
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    page.goto(f"{server}/{name}/targets/{target_id}")
    page.click(f'a[href="/-/chitieu/audit/T{target_id}"]')
    page.wait_for_url(f"**/-/chitieu/audit/T{target_id}")
    mark = page.locator("mark.audited")
    assert mark.count() == 1
    assert mark.text_content() == surface
    assert mark.get_attribute("data-start") == str(start)
    assert mark.get_attribute("data-end") == str(end)
    assert "verified" in page.locator("main, .content, body").first.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve-audit-target.png"), full_page=True)
    page.close()


@pytest.mark.slow
def test_browser_report_highlights_match_the_store(store: Path, browser, tmp_path: Path) -> None:
    db = open_db(store, create=False)
    write_report(db, tmp_path / "report")
    db.close()
    document_id, path, text = _rows(
        store,
        """SELECT d.id, d.path, d.text FROM documents d
        WHERE d.status = 'ok' ORDER BY (SELECT count(*) FROM targets t WHERE t.document_id = d.id)
        DESC, d.id""",
    )[0]
    stored = {
        f"{prefix}{item_id}": item_text
        for table, prefix in ITEM_TABLES.items()
        for item_id, item_text in _rows(
            store, f"SELECT id, text FROM {table} WHERE document_id = ?", (document_id,)
        )
    }
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto((tmp_path / "report" / page_name(path, document_id)).as_uri())
    marks = page.eval_on_selector_all(
        "mark[data-id]",
        """marks => marks.map(m => ({id: m.dataset.id, start: +m.dataset.start,
            end: +m.dataset.end, text: m.textContent}))""",
    )
    assert marks, "the report page has no highlights"
    pieces: dict[str, list[str]] = defaultdict(list)
    for mark in marks:
        assert mark["text"] == text[mark["start"] : mark["end"]], mark
        pieces[mark["id"]].append(mark["text"])
    assert {item: "".join(parts) for item, parts in pieces.items()} == stored
    target = next(item for item in stored if item.startswith("T"))
    page.focus(f"#{target}")
    note = page.evaluate(
        "id => getComputedStyle(document.getElementById(id), '::before').content", target
    )
    assert target in note and "rule" in note
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-document.png"), full_page=False)
    page.close()
