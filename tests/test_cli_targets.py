"""``chitieu targets|figures|conflicts`` on the bundled corpus (the five seeds)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import ingest

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"
PLAN_SEED = "000_595f9fad5b9cea4c.txt"
NEWS_SEED = "004_f40b7128decc3e64.txt"


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> str:
    db = tmp_path_factory.mktemp("store") / "chitieu.db"
    ingest(BUNDLED, db)
    return str(db)


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_targets_2030_grouped_with_both_sources(seeded_db):
    rows = json.loads(
        invoke("targets", "--deadline", "2030", "--format", "json", "--db", seeded_db)
    )
    assert all(row["deadline"] == "2030" for row in rows)
    by_value = {(row["value"], row["unit"]): row for row in rows}
    for key in [(120, "hợp tác xã"), (250, "tổ hợp tác"), (8, "liên hiệp hợp tác xã"), (50, "%")]:
        documents = [source["document"] for source in by_value[key]["sources"]]
        assert documents == [PLAN_SEED, NEWS_SEED], key
    assert by_value[(120, "hợp tác xã")]["metric"] == "hợp tác xã thành lập mới"
    assert by_value[(120, "hợp tác xã")]["scope"] == "tỉnh Lạng Sơn"
    assert {(65, "%"), (100, "hợp tác xã"), (8, "%")} <= set(by_value)


def test_target_json_fields_and_grounded_sources(seeded_db):
    rows = json.loads(invoke("targets", "--format", "json", "--db", seeded_db))
    texts = {p.name: p.read_text(encoding="utf-8") for p in BUNDLED.glob("*.txt")}
    for row in rows:
        assert set(row) >= {
            "id",
            "value",
            "comparator",
            "unit",
            "metric",
            "deadline",
            "scope",
            "sources",
        }
        assert row["id"].startswith("T")
        for source in row["sources"]:
            assert texts[source["document"]][source["start"] : source["end"]] == source["text"]
    assert {row["deadline"] for row in rows} == {"2025", "2030"}


@pytest.mark.parametrize(
    ("args", "values"),
    [
        (("--search", "yeu kem"), [10, 8]),
        (("--search", "YẾU KÉM", "--deadline", "2030"), [8]),
        (("--scope", "lang son", "--deadline", "2025"), [100, 200, 5, 45, 10]),
        (("--scope", "Bình Định"), []),
        (("--document", PLAN_SEED, "--deadline", "2025"), [100, 200, 5, 45, 10]),
        (("--document", NEWS_SEED), [120, 250, 8, 50, 65, 100]),
    ],
)
def test_target_filters(seeded_db, args, values):
    rows = json.loads(invoke("targets", *args, "--format", "json", "--db", seeded_db))
    assert [row["value"] for row in rows] == values


def test_targets_table_and_csv(seeded_db):
    table = invoke("targets", "--deadline", "2030", "--db", seeded_db)
    assert table.splitlines()[0].split()[:3] == ["id", "value", "comparator"]
    assert f"{PLAN_SEED}:" in table and f"{NEWS_SEED}:" in table
    rows = list(
        csv.DictReader(io.StringIO(invoke("targets", "--format", "csv", "--db", seeded_db)))
    )
    assert len(rows) == 12  # 5 targets for 2025, 7 for 2030
    assert all(row["id"].startswith("T") for row in rows)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--as-of", "2018", "--unit", "tổ hợp tác"), [("1.810 THT", "2018")]),
        (("--as-of", "2020-01", "--unit", "hợp tác xã"), [("1 HTX", "2020-01/2020-06")]),
        (("--as-of", "2019", "--kind", "percent"), [("hơn 86%", "2019")]),
    ],
)
def test_figures_with_as_of(seeded_db, args, expected):
    rows = json.loads(invoke("figures", *args, "--format", "json", "--db", seeded_db))
    assert [(row["text"], row["as_of"]) for row in rows] == expected
    assert all(row["id"].startswith("F") for row in rows)


def test_no_conflicts_on_the_seeds(seeded_db):
    assert json.loads(invoke("conflicts", "--format", "json", "--db", seeded_db)) == []


@pytest.mark.parametrize("command", ["targets", "figures", "conflicts"])
def test_help_and_missing_store(command, tmp_path):
    assert invoke(command, "--help").strip()
    result = CliRunner().invoke(main, [command, "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no database" in result.output
