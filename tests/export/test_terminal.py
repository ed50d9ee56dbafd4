"""The terminal tables of `pcfdoc calc`."""

from rich.console import Console

from pcfdoc import pipeline
from pcfdoc.export.terminal import product_tables

from conftest import EXAMPLES


def render(tables) -> str:
    console = Console(width=200, record=True)
    for table in tables:
        console.print(table)
    return console.export_text()


def test_tables_show_activity_factor_emission_and_shares_summing_to_100():
    results = pipeline.calc(EXAMPLES / "valve-actuator.toml").results
    text = render(product_tables(results.products[0], results.gwp_set))
    assert "13.8005 kWh" in text and "0.8843 kgCO2/kWh" in text
    assert "0.074 kgCO2e/(t·km)" in text
    total = next(row for row in text.splitlines() if "Total" in row)
    assert "401.95" in total and "100.00" in total
    assert "kgCO2e/台" in text and "GWP AR6" in text


def test_result_unit_follows_the_functional_unit():
    results = pipeline.calc(EXAMPLES / "battery-cells.toml").results
    text = render(product_tables(results.products[0], results.gwp_set))
    assert "Emission (tCO2e/MWh)" in text
    assert "51.62" in next(row for row in text.splitlines() if "Total" in row)


def test_a_line_limit_lists_the_largest_lines_in_stage_order_and_sums_the_rest():
    results = pipeline.calc(EXAMPLES / "valve-actuator.toml").results
    product = results.products[0]
    text = render(product_tables(product, results.gwp_set, line_limit=3))
    largest = sorted(product.lines, key=lambda line: -line.kgco2e)[:3]
    listed = [line for line in product.lines if line.name in text]
    assert set(listed) == set(largest)
    positions = [text.index(line.name) for line in product.lines if line in largest]
    assert positions == sorted(positions)  # still in stage order
    hidden = len(product.lines) - 3
    summary = next(row for row in text.splitlines() if f"{hidden:,} smaller lines" in row)
    rest = sum(line.kgco2e for line in product.lines if line not in largest)
    assert f"{rest:.2f}" in summary
    assert render(product_tables(product, results.gwp_set)) == render(
        product_tables(product, results.gwp_set, line_limit=len(product.lines)))


def test_piped_output_is_never_cut(write_spec):
    """Not a terminal: long names and figures print whole, whatever the window width."""
    from click.testing import CliRunner

    from pcfdoc.cli import main

    from conftest import fixture_data

    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["name"] = "高强度低合金结构钢热轧中厚板（Q355B，厚度 20～40 mm）"
    data["products"][0]["inventory"][0]["amount"] = 626_886.05
    result = CliRunner().invoke(main, ["calc", str(write_spec(data))], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.stderr
    assert "高强度低合金结构钢热轧中厚板（Q355B，厚度 20～40 mm）" in result.stdout
    assert "1,253,772.10" in result.stdout
    assert "…" not in result.stdout
