from pathlib import Path

import pytest

from pcfdoc import pipeline
from pcfdoc.render.docx import default_template, render_report

from conftest import EXAMPLES, FIXTURES

#: Every analysis section with round numbers: cut-off, ISO 14067 split, scores, scenarios.
ANALYSIS = Path(__file__).resolve().parent / "fixtures" / "analysis.toml"


def render(path, template=None, *, draft=False):
    """A report as `pcfdoc build` renders it, git history included when the spec asks for it."""
    calculated = pipeline.calc(path)
    return render_report(calculated.valid, calculated.results,
                         template or default_template(calculated.valid.spec.report.language),
                         pipeline.revision_history(calculated.valid, path), draft=draft)


@pytest.fixture(scope="session")
def analysis_spec():
    return ANALYSIS


@pytest.fixture(scope="session")
def analysis_report() -> bytes:
    return render(ANALYSIS)


@pytest.fixture(scope="session")
def valve_report() -> bytes:
    return render(EXAMPLES / "valve-actuator.toml")


@pytest.fixture(scope="session")
def two_products_report() -> bytes:
    return render(FIXTURES / "two-products.toml")
