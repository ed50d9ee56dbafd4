import pytest

from pcfdoc import pipeline
from pcfdoc.render.docx import default_template, render_report

from conftest import EXAMPLES, FIXTURES


def render(path, template=None):
    calculated = pipeline.calc(path)
    return render_report(calculated.valid, calculated.results,
                         template or default_template(calculated.valid.spec.report.language))


@pytest.fixture(scope="session")
def valve_report() -> bytes:
    return render(EXAMPLES / "valve-actuator.toml")


@pytest.fixture(scope="session")
def two_products_report() -> bytes:
    return render(FIXTURES / "two-products.toml")
