"""Shared helpers: fixture specs, spec mutation, golden files."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
import tomli_w

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "specs" / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden from the current output")
    parser.addoption("--fuzz-budget", type=int, default=6, metavar="N",
                     help="mutated specs tests/test_fuzz.py runs through check, calc and build (default 6)")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """The compiled-template cache of the test run stays out of the user's ~/.cache."""
    previous = os.environ.get("PCFDOC_CACHE_DIR")
    os.environ["PCFDOC_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("PCFDOC_CACHE_DIR", None)
    else:
        os.environ["PCFDOC_CACHE_DIR"] = previous


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def example_pictures(folder: Path) -> None:
    """Copy the examples' pictures beside a spec written from an example's data into ``folder``."""
    import shutil

    shutil.copytree(EXAMPLES / "images", folder / "images", dirs_exist_ok=True)


def fixture_data(name: str) -> dict:
    """A fixture spec as plain TOML data, ready to be mutated by a test."""
    return tomllib.loads((FIXTURES / name).read_text("utf-8"))


@pytest.fixture
def write_spec(tmp_path):
    """Write spec data (a dict, or TOML text) to a file and return its path. The examples' pictures
    are copied beside it, so data taken from an example keeps the pictures it names."""

    def write(data: dict | str, name: str = "spec.toml") -> Path:
        example_pictures(tmp_path)
        path = tmp_path / name
        text = data if isinstance(data, str) else tomli_w.dumps(data)
        path.write_text(text, "utf-8")
        return path

    return write
