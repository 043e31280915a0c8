"""Every command has help text and a place in the README (as sqlite-utils checks its own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


def test_the_command_set():
    assert set(COMMANDS) >= {
        "ingest", "search", "show", "export", "eval", "targets", "figures", "conflicts",
        "audit", "report", "serve",
    }  # fmt: skip


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert len(main.commands[name].help or "") > 20
    assert "--db" in result.output or name == "eval"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented_in_readme(name):
    assert f"chitieu {name}" in README
