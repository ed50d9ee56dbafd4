"""Pictures through the command line: a bad picture is exit 2 with its line, and nothing is written."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from pcfdoc.cli import main

from conftest import EXAMPLES
from helpers import png


def example_with(tmp_path, **files: bytes):
    """The valve-actuator example copied with its pictures, some replaced by ``files``."""
    shutil.copytree(EXAMPLES / "images", tmp_path / "images")
    for name, data in files.items():
        (tmp_path / "images" / name).write_bytes(data)
    spec = tmp_path / "valve-actuator.toml"
    shutil.copy(EXAMPLES / "valve-actuator.toml", spec)
    return spec


PRODUCT_PICTURE = 'file = "images/valve-actuator.png"'


def line_of(spec, fragment: str) -> int:
    lines = spec.read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


def test_a_bad_picture_stops_the_build_at_its_line_and_keeps_the_previous_report(tmp_path):
    spec = example_with(tmp_path)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 0
    before = (out / "valve-actuator.docx").read_bytes()

    (tmp_path / "images" / "valve-actuator.png").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "images" / "valve-actuator-plant.png").unlink()
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(out)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert errors[:2] == [
        f"{spec}:{line_of(spec, 'valve-actuator-plant.png')}: company.site_images[0].file: no picture file "
        f"images/valve-actuator-plant.png at {tmp_path / 'images/valve-actuator-plant.png'}; the path is "
        "relative to the spec's folder",
        f"{spec}:{line_of(spec, PRODUCT_PICTURE)}: products[0].images[0].file: "
        "images/valve-actuator.png is an SVG drawing (which pcfdoc cannot place faithfully), not a PNG or "
        "JPEG picture; save it as PNG (drawings, plans) or JPEG (photos)",
    ]
    assert "Traceback" not in result.output + result.stderr
    assert (out / "valve-actuator.docx").read_bytes() == before
    assert sorted(path.name for path in out.iterdir()) == ["valve-actuator.docx"]


def test_check_reports_an_oversized_picture_without_building(tmp_path):
    spec = example_with(tmp_path, **{"valve-actuator.png": png(30_000, 10)})
    result = CliRunner().invoke(main, ["check", str(spec)])
    assert result.exit_code == 2
    assert (f"{spec}:{line_of(spec, PRODUCT_PICTURE)}: products[0].images[0].file: "
            "images/valve-actuator.png is 30,000 × 10 pixels, more than the 20,000 pixels a side and 50 "
            "million pixels a picture may have; scale it down") in result.stderr.splitlines()


def test_a_missing_english_picture_is_an_error_at_its_own_line(tmp_path):
    spec = example_with(tmp_path)
    (tmp_path / "images" / "valve-actuator-plant-en.png").unlink()
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert errors == [
        f"{spec}:{line_of(spec, 'valve-actuator-plant-en.png')}: company.site_images[0].file_en: no picture "
        f"file images/valve-actuator-plant-en.png at {tmp_path / 'images/valve-actuator-plant-en.png'}; the "
        "path is relative to the spec's folder", "1 of 1 report(s) not built"]
    assert not (tmp_path / "out" / "valve-actuator.docx").exists()
