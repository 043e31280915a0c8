"""``chitieu serve``: Datasette over the store, read-only, with chitieu's metadata and plugin.

The store is opened immutable (Datasette's ``-i``): nothing can write to it through the web.
Table and column descriptions, facets and canned queries come from
``pipeline/datasette/metadata.json``; the plugin (:mod:`pipeline.datasette.plugin`) links every
item's text to a page highlighting it in its passage.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from pipeline.errors import ChitieuError

DATASETTE_DIR = Path(__file__).parent / "datasette"
PLUGIN_NAME = "chitieu"


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file (its stem), used in every URL."""
    return Path(db_path).stem


def datasette_metadata(db_path: str | Path) -> dict[str, Any]:
    """The Datasette metadata for a store: chitieu's tables, facets and canned queries."""
    raw = json.loads((DATASETTE_DIR / "metadata.json").read_text(encoding="utf-8"))
    name = database_name(db_path)
    database = raw.pop("database")
    return raw | {
        "databases": {name: database},
        "plugins": {PLUGIN_NAME: {"database": name}},
    }


def make_datasette(db_path: str | Path):
    """A Datasette instance serving the store read-only, with chitieu's plugin registered."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from pipeline.datasette import plugin

    path = Path(db_path)
    if not path.is_file():
        raise ChitieuError(f"no database at {path} (run `chitieu ingest` first)")
    if not pm.is_registered(plugin):
        pm.register(plugin, name=PLUGIN_NAME)
    return Datasette(
        immutables=[str(path)],
        metadata=datasette_metadata(path),
        template_dir=str(DATASETTE_DIR / "templates"),
        settings={"default_page_size": 50, "facet_time_limit_ms": 500},
        cors=False,
    )


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the store at http://host:port/ until interrupted."""
    import uvicorn

    datasette = make_datasette(db_path)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
