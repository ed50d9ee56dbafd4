"""Pictures a spec names: read once, checked as hostile input, each problem at its spec line."""

from __future__ import annotations

import os
import struct
import zlib

import pytest

from pcfdoc.spec import images
from pcfdoc.spec.images import PictureError, parse_picture, read_picture

from conftest import fixture_data
from helpers import jpeg_structure, png, problems


def error_of(data: bytes) -> str:
    with pytest.raises(PictureError) as info:
        parse_picture(data)
    return str(info.value)


def test_a_png_is_read_with_its_size_in_pixels():
    picture = parse_picture(png(640, 480))
    assert (picture.kind, picture.width_px, picture.height_px) == ("png", 640, 480)
    assert picture.content_type == "image/png" and picture.extension == "png"
    assert picture.data == png(640, 480)


@pytest.mark.parametrize("frame", [0xC0, 0xC1, 0xC2])
def test_a_baseline_extended_or_progressive_jpeg_is_read(frame):
    picture = parse_picture(jpeg_structure(1200, 900, frame=frame))
    assert (picture.kind, picture.width_px, picture.height_px) == ("jpeg", 1200, 900)
    assert picture.content_type == "image/jpeg" and picture.extension == "jpeg"


def test_an_upright_exif_orientation_is_accepted_and_a_turned_one_is_refused():
    assert parse_picture(jpeg_structure(orientation=1)).width_px == 40
    assert error_of(jpeg_structure(orientation=6)) == (
        "is stored turned 90° (its EXIF orientation tag), which Word ignores, so it would print sideways "
        "or mirrored; rotate the picture itself in an image editor and save it upright")
    assert "is stored mirrored" in error_of(jpeg_structure(orientation=2))


def test_jpeg_codings_word_cannot_show_are_refused():
    assert error_of(jpeg_structure(frame=0xC3)) == (
        "is a lossless, hierarchical or arithmetic-coded JPEG, which Word cannot show; save it as a "
        "standard JPEG or as PNG")


def test_a_damaged_jpeg_says_how():
    whole = jpeg_structure()
    assert error_of(whole[:-2]) == "is a damaged JPEG file (cut short inside its image data); save it again"
    assert error_of(whole[:30]) == "is a damaged JPEG file (cut short inside a segment); save it again"
    assert error_of(whole[:2] + b"\xff") == ("is a damaged JPEG file (cut short before its image data); "
                                             "save it again")
    assert error_of(b"\xff\xd8\xff\xd9") == ("is a damaged JPEG file (it ends before its image data); "
                                          "save it again")
    no_frame = whole.replace(whole[whole.index(b"\xff\xc0"):whole.index(b"\xff\xda")], b"")
    assert error_of(no_frame) == ("is a damaged JPEG file (image data before its frame header); save it "
                                  "again")
    assert error_of(whole[:20] + b"junk" + whole[20:]).startswith(
        "is a damaged JPEG file (no marker at byte 20")


def png_with_header(width: int, height: int, depth: int = 8, colour: int = 2) -> bytes:
    body = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    header = struct.pack(">I", 13) + b"IHDR" + body + struct.pack(">I", zlib.crc32(b"IHDR" + body))
    whole = png(1, 1)
    return whole[:8] + header + whole[8 + 25:]


def test_a_damaged_png_says_how():
    whole = png(10, 10)
    assert error_of(whole[:-12]) == "is a damaged PNG file (it ends before its IEND chunk); save it again"
    assert error_of(whole[:45]) == "is a damaged PNG file (cut short inside a chunk); save it again"
    flipped = bytearray(whole)
    flipped[45] ^= 0xFF  # a byte of the compressed image data
    assert error_of(bytes(flipped)) == ("is a damaged PNG file (checksum error in its IDAT chunk at byte "
                                        "33); save it again")
    invalid = "is a damaged PNG file (its IHDR header is invalid); save it again"
    assert error_of(png_with_header(10, 10, depth=3)) == invalid
    assert error_of(png_with_header(0, 10)) == invalid
    no_data = whole[:33] + whole[-12:]
    assert error_of(no_data) == "is a damaged PNG file (it holds no image data); save it again"
    assert error_of(png_with_header(2, 2, depth=8, colour=3)) == ("is a damaged PNG file (its palette is "
                                                                  "missing); save it again")


def test_a_picture_that_would_take_too_much_memory_to_show_is_refused():
    """A few hundred bytes can declare a picture that a viewer must decode into gigabytes."""
    assert error_of(png_with_header(60_000, 10)) == (
        "is 60,000 × 10 pixels, more than the 20,000 pixels a side and 50 million pixels a picture may "
        "have; scale it down")
    assert error_of(png_with_header(8_000, 8_000)).startswith("is 8,000 × 8,000 pixels, more than")
    assert error_of(jpeg_structure(10_000, 6_000)).startswith("is 10,000 × 6,000 pixels")
    assert parse_picture(png_with_header(7_000, 7_000)).width_px == 7_000  # 49 million pixels


@pytest.mark.parametrize(("data", "kind"), [
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     "an SVG drawing (which pcfdoc cannot place faithfully), "),
    (b"  <svg width='10'/>", "an SVG drawing (which pcfdoc cannot place faithfully), "),
    (b"GIF89a\x01\x00\x01\x00", "a GIF picture, "),
    (b"%PDF-1.7\n", "a PDF document, "),
    (b"\x01\x00\x00\x00\x6c\x00\x00\x00", "an EMF drawing, "),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP picture, "),
    (b"\x00\x00\x00\x18ftypheic", "a HEIC or AVIF picture, "),
    (b"PK\x03\x04", "a zip archive (a Word or Office file?), "),
    (b"steel,10,kg\n", ""),
])
def test_a_file_that_is_not_a_png_or_jpeg_is_named_for_what_it_is(data, kind):
    assert error_of(data) == (f"is {kind}not a PNG or JPEG picture; save it as PNG (drawings, plans) or "
                              "JPEG (photos)")


def test_an_empty_file_is_refused():
    assert error_of(b"") == "is empty; save the picture again"


def test_files_are_read_only_when_regular_and_within_the_size_limit(tmp_path):
    (tmp_path / "photo.png").write_bytes(png())
    assert read_picture(tmp_path / "photo.png", "photo.png").width_px == 4
    with pytest.raises(PictureError, match=r"^no picture file gone.png at .+/gone.png; the path is relative "
                                           r"to the spec's folder$"):
        read_picture(tmp_path / "gone.png", "gone.png")
    (tmp_path / "folder.png").mkdir()
    with pytest.raises(PictureError, match=r"^folder.png is a folder; name a .png or .jpg file$"):
        read_picture(tmp_path / "folder.png", "folder.png")
    os.mkfifo(tmp_path / "pipe.png")  # reading it would wait for a writer forever
    with pytest.raises(PictureError, match=r"^pipe.png is not a regular file; name a .png or .jpg file$"):
        read_picture(tmp_path / "pipe.png", "pipe.png")
    with open(tmp_path / "huge.png", "wb") as file:  # sparse: 25 MB on paper, nothing on disk
        file.truncate(25 * 1024 * 1024)
    with pytest.raises(PictureError) as info:
        read_picture(tmp_path / "huge.png", "huge.png")
    assert str(info.value) == ("huge.png is 25.0 MB, more than the 20 MB a picture may have; save it smaller "
                               "(a printed page needs no more than about 2,500 pixels across)")
    (tmp_path / "notes.png").write_text("not a picture")
    with pytest.raises(PictureError, match=r"^notes.png is not a PNG or JPEG picture; save it as PNG"):
        read_picture(tmp_path / "notes.png", "notes.png")


def spec_with_pictures(tmp_path, write_spec, **files: bytes):
    """The minimal fixture naming pictures in every place a spec can; ``files`` are written beside it."""
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    data = fixture_data("minimal.toml")
    data["report"]["people"][0]["signature"] = "sign.png"
    data["report"]["seal"] = "seal.png"
    data["company"]["site_images"] = [{"file": "site.png", "caption": "厂区平面布置"}]
    data["company"]["process_steps"] = [{"name": "焊接", "images": [{"file": "step.jpg", "caption": "焊接"}]}]
    data["products"][0]["images"] = [{"file": "product.png", "caption": "产品外观", "source": "企业提供"}]
    data["boundary"]["images"] = [{"file": "site.png", "caption": "同一文件"}]
    data["images"] = [{"chapter": "closing", "file": "extra.png", "caption": "附图"}]
    return write_spec(data)


def test_validation_reads_every_picture_once_and_hands_on_the_bytes(tmp_path, write_spec):
    from pcfdoc.pipeline import check

    files = {"sign.png": png(30, 10), "seal.png": png(40, 40), "site.png": png(300, 200),
             "step.jpg": jpeg_structure(64, 48), "product.png": png(50, 80), "extra.png": png(5, 5)}
    valid = check(spec_with_pictures(tmp_path, write_spec, **files))
    assert sorted(valid.pictures) == sorted(files)
    assert valid.pictures["step.jpg"].kind == "jpeg"
    assert valid.pictures["site.png"].data == files["site.png"]


def test_every_bad_picture_is_reported_at_the_key_that_names_it(tmp_path, write_spec):
    path = spec_with_pictures(tmp_path, write_spec, **{"seal.png": b"<svg/>", "step.jpg": png(2, 2)[:20],
                                                       "product.png": png(), "extra.png": png()})
    found = problems(path)
    text = path.read_text("utf-8").splitlines()

    def line_of(fragment: str) -> int:
        return next(number for number, line in enumerate(text, 1) if fragment in line)

    folder = tmp_path
    assert found == [
        f"{path}:{line_of('signature =')}: report.people[0].signature: no picture file sign.png at "
        f"{folder / 'sign.png'}; the path is relative to the spec's folder",
        f"{path}:{line_of('seal =')}: report.seal: seal.png is an SVG drawing (which pcfdoc cannot place "
        "faithfully), not a PNG or JPEG picture; save it as PNG (drawings, plans) or JPEG (photos)",
        f"{path}:{line_of('site.png')}: company.site_images[0].file: no picture file site.png at "
        f"{folder / 'site.png'}; the path is relative to the spec's folder",
        f"{path}:{line_of('step.jpg')}: company.process_steps[0].images[0].file: step.jpg is a damaged PNG "
        "file (cut short inside a chunk); save it again",
    ]


def test_the_pictures_of_a_report_are_limited_together(tmp_path, write_spec, monkeypatch):
    monkeypatch.setattr(images, "MAX_TOTAL_MB", 1)
    files = {"sign.png": png(), "seal.png": png(), "site.png": png(), "step.jpg": jpeg_structure(),
             "product.png": png(), "extra.png": png(comment=b"x" * 1_200_000)}
    found = problems(spec_with_pictures(tmp_path, write_spec, **files))
    assert len(found) == 1
    assert found[0].split(": ", 2)[1:] == [
        "images[0].file", "the pictures up to extra.png come to 1.1 MB, more than the 1 MB a report may "
        "hold; use fewer or smaller pictures"]
