"""Pictures a spec attaches (product photos, plant layouts, signatures), read once and checked as
hostile input.

A spec names picture files relative to its own folder. Each is read here, during validation,
so a missing, damaged or oversized file is an error at its spec line before anything is
written; later stages receive the bytes and never open a file. Only PNG and JPEG are
accepted: they are what Word and LibreOffice show alike. The bytes are checked, not the
file name: the signature and the chunk or marker structure, PNG chunk checksums, the size in
pixels, which bounds the memory a viewer needs to decode the picture (a small file can
declare a huge image), and a JPEG's EXIF orientation, which Word ignores, so a turned photo
would print sideways. Pixel data are not decoded: a PNG's compressed data are covered by
its checksums, a JPEG's are not checked beyond its markers.
"""

from __future__ import annotations

import os
import stat
import struct
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import Problem, SpecPath
from .load import SpecSource

#: Limits, stated in the spec reference and in every message that applies one.
MAX_FILE_MB = 20
MAX_TOTAL_MB = 100
MAX_SIDE_PX = 20_000
MAX_MEGAPIXELS = 50  # 50 million pixels decode to about 200 MB in a viewer
_MB = 1024 * 1024

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: PNG colour type → the bit depths it allows (PNG specification, table 11.1).
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}
#: JPEG start-of-frame markers Word and LibreOffice decode: baseline, extended, progressive.
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2}
#: The other start-of-frame markers: lossless, hierarchical and arithmetic-coded JPEG.
_JPEG_OTHER_FRAMES = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
#: Markers that stand alone, without a length: TEM, RST0-7, SOI.
_JPEG_BARE = {0x01, *range(0xD0, 0xD8), 0xD8}
_EXIF_TURNS = {2: "mirrored", 3: "turned 180°", 4: "flipped", 5: "turned 90° and mirrored",
               6: "turned 90°", 7: "turned 270° and mirrored", 8: "turned 270°"}

#: What other kinds of files start with, to say what a file is rather than only what it is not.
_OTHER_KINDS = (
    (b"GIF8", "a GIF picture"), (b"BM", "a BMP picture"), (b"II*\x00", "a TIFF picture"),
    (b"MM\x00*", "a TIFF picture"), (b"%PDF", "a PDF document"), (b"\x01\x00\x00\x00", "an EMF drawing"),
    (b"\xd7\xcd\xc6\x9a", "a WMF drawing"), (b"PK\x03\x04", "a zip archive (a Word or Office file?)"),
)


class PictureError(ValueError):
    """What is wrong with a picture's bytes (the message names no file; the caller adds it)."""


@dataclass(frozen=True)
class Picture:
    """A checked picture: its bytes and its size in pixels."""

    kind: str  # "png" or "jpeg"
    width_px: int
    height_px: int
    data: bytes = field(repr=False)

    @property
    def content_type(self) -> str:
        return f"image/{self.kind}"

    @property
    def extension(self) -> str:
        return "png" if self.kind == "png" else "jpeg"


def picture_references(spec: Any) -> Iterator[tuple[SpecPath, str]]:
    """(path into the spec, file as written) of every picture a spec names, in file order. Tables
    that failed the schema are None and name nothing."""
    def figures(items, path: SpecPath) -> Iterator[tuple[SpecPath, str]]:
        for index, item in enumerate(items or []):
            if item is not None:
                yield (*path, index, "file"), item.file
                if item.file_en is not None:  # the English version, read and checked the same way
                    yield (*path, index, "file_en"), item.file_en

    report, company, boundary = spec.report, spec.company, spec.boundary
    if report is not None:
        for index, person in enumerate(report.people or []):
            if person is not None and person.signature is not None:
                yield ("report", "people", index, "signature"), person.signature
        if report.seal is not None:
            yield ("report", "seal"), report.seal
    if company is not None:
        yield from figures(company.site_images, ("company", "site_images"))
        for index, step in enumerate(company.process_steps or []):
            if step is not None:
                yield from figures(step.images, ("company", "process_steps", index, "images"))
    for index, product in enumerate(spec.products or []):
        if product is not None:
            yield from figures(product.images, ("products", index, "images"))
    if boundary is not None:
        yield from figures(boundary.images, ("boundary", "images"))
    yield from figures(spec.images, ("images",))


def read_pictures(spec: Any, source: SpecSource) -> tuple[Mapping[str, Picture], list[Problem]]:
    """Every picture the spec names, by the file name as written, or the problems found reading
    them (each at the key that names the file). A file named twice is read once."""
    base = source.base
    pictures: dict[str, Picture] = {}
    problems: list[Problem] = []
    failed: set[str] = set()
    total = 0
    for path, name in picture_references(spec):
        if name in pictures or name in failed:
            continue
        try:
            picture = read_picture(base / name, name)
            total += len(picture.data)
            if total > MAX_TOTAL_MB * _MB:
                raise PictureError(f"the pictures up to {name} come to {total / _MB:.1f} MB, more than the "
                                   f"{MAX_TOTAL_MB} MB a report may hold; use fewer or smaller pictures")
        except PictureError as exc:
            failed.add(name)
            problems.append(Problem(source.file, path, str(exc), source.line_of(path)))
            continue
        pictures[name] = picture
    return MappingProxyType(pictures), problems


def read_picture(path: Path, name: str) -> Picture:
    """The picture in the regular file ``path`` (written ``name`` in the spec), checked."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise PictureError(f"no picture file {name} at {path}; the path is relative to the spec's folder"
                           ) from None
    except OSError as exc:
        raise PictureError(f"cannot read {name} ({exc.strerror or exc}); check the path") from None
    if stat.S_ISDIR(status.st_mode):
        raise PictureError(f"{name} is a folder; name a .png or .jpg file")
    if not stat.S_ISREG(status.st_mode):
        raise PictureError(f"{name} is not a regular file; name a .png or .jpg file")
    if status.st_size > MAX_FILE_MB * _MB:
        raise PictureError(_too_large(name, status.st_size))
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_MB * _MB + 1)  # the file may have grown since stat
    except OSError as exc:
        raise PictureError(f"cannot read {name} ({exc.strerror or exc}); check the path") from None
    if len(data) > MAX_FILE_MB * _MB:
        raise PictureError(_too_large(name, len(data)))
    try:
        return parse_picture(data)
    except PictureError as exc:
        raise PictureError(f"{name} {exc}") from None


def _too_large(name: str, size: int) -> str:
    return (f"{name} is {size / _MB:.1f} MB, more than the {MAX_FILE_MB} MB a picture may have; save it "
            "smaller (a printed page needs no more than about 2,500 pixels across)")


def parse_picture(data: bytes) -> Picture:
    """A Picture of PNG or JPEG bytes; PictureError (worded to follow the file's name) otherwise."""
    if not data:
        raise PictureError("is empty; save the picture again")
    if data.startswith(_PNG_SIGNATURE):
        width, height = _png_size(data)
        kind = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        width, height = _jpeg_size(data)
        kind = "jpeg"
    else:
        kind = _kind_of(data)
        raise PictureError(f"is {kind + ', ' if kind else ''}not a PNG or JPEG picture; save it as PNG "
                           "(drawings, plans) or JPEG (photos)")
    if width > MAX_SIDE_PX or height > MAX_SIDE_PX or width * height > MAX_MEGAPIXELS * 1_000_000:
        raise PictureError(f"is {width:,} × {height:,} pixels, more than the {MAX_SIDE_PX:,} pixels a side "
                           f"and {MAX_MEGAPIXELS} million pixels a picture may have; scale it down")
    return Picture(kind, width, height, data)


def _kind_of(data: bytes) -> str | None:
    head = data[:512].lstrip()
    lowered = head.lower()
    if lowered.startswith(b"<?xml") or b"<svg" in lowered:
        return "an SVG drawing (which pcfdoc cannot place faithfully)"
    for magic, kind in _OTHER_KINDS:
        if data.startswith(magic):
            return kind
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "a HEIC or AVIF picture"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP picture"
    return None


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from IHDR, after walking every chunk: lengths within the file, checksums
    right, IHDR first, image data present, IEND at the end."""
    position, seen, size, colour = len(_PNG_SIGNATURE), [], None, None
    while True:
        if position + 8 > len(data):
            raise PictureError("is a damaged PNG file (it ends before its IEND chunk); save it again")
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        end = position + 8 + length + 4
        if length > 0x7FFFFFFF or end > len(data):
            raise PictureError("is a damaged PNG file (cut short inside a chunk); save it again")
        body = data[position + 8:position + 8 + length]
        (checksum,) = struct.unpack(">I", data[end - 4:end])
        if zlib.crc32(kind + body) != checksum:
            name = kind.decode("latin-1") if kind.isalpha() else "?"
            raise PictureError(f"is a damaged PNG file (checksum error in its {name} chunk at byte "
                               f"{position:,}); save it again")
        if not seen:
            if kind != b"IHDR" or length != 13:
                raise PictureError("is a damaged PNG file (it does not start with its IHDR header); "
                                   "save it again")
            width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
            if (not width or not height or depth not in _PNG_DEPTHS.get(colour, ())
                    or compression or filtering or interlace > 1):
                raise PictureError("is a damaged PNG file (its IHDR header is invalid); save it again")
            size = (width, height)
        seen.append(kind)
        position = end
        if kind == b"IEND":
            break
    if b"IDAT" not in seen:
        raise PictureError("is a damaged PNG file (it holds no image data); save it again")
    if colour == 3 and (b"PLTE" not in seen or seen.index(b"PLTE") > seen.index(b"IDAT")):
        raise PictureError("is a damaged PNG file (its palette is missing); save it again")
    return size


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from the start-of-frame segment, after walking the segments up to the scan;
    the EXIF orientation must be upright and the file must end its scan with an EOI marker."""
    position, size = 2, None
    while True:
        if position >= len(data):
            raise PictureError("is a damaged JPEG file (cut short before its image data); save it again")
        if data[position] != 0xFF:
            raise PictureError(f"is a damaged JPEG file (no marker at byte {position:,}); save it again")
        while position < len(data) and data[position] == 0xFF:
            position += 1  # a marker's 0xFF, and fill bytes before it
        if position >= len(data):
            raise PictureError("is a damaged JPEG file (cut short before its image data); save it again")
        marker = data[position]
        if marker == 0x00:  # a stuffed 0xFF belongs inside image data, never between segments
            raise PictureError(f"is a damaged JPEG file (no marker at byte {position:,}); save it again")
        position += 1
        if marker in _JPEG_BARE:
            continue
        if marker == 0xD9:
            raise PictureError("is a damaged JPEG file (it ends before its image data); save it again")
        if position + 2 > len(data):
            raise PictureError("is a damaged JPEG file (cut short inside a segment); save it again")
        (length,) = struct.unpack(">H", data[position:position + 2])
        if length < 2 or position + length > len(data):
            raise PictureError("is a damaged JPEG file (cut short inside a segment); save it again")
        body = data[position + 2:position + length]
        position += length
        if marker in _JPEG_OTHER_FRAMES:
            raise PictureError("is a lossless, hierarchical or arithmetic-coded JPEG, which Word cannot "
                               "show; save it as a standard JPEG or as PNG")
        if marker in _JPEG_FRAMES:
            if len(body) < 6:
                raise PictureError("is a damaged JPEG file (its frame header is too short); save it again")
            height, width, components = struct.unpack(">HHB", body[1:6])
            if not width or not height or components not in (1, 3, 4):
                raise PictureError("is a damaged JPEG file (its frame header is invalid); save it again")
            size = (width, height)
        elif marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            turn = _EXIF_TURNS.get(_exif_orientation(body[6:]))
            if turn:
                raise PictureError(f"is stored {turn} (its EXIF orientation tag), which Word ignores, so it "
                                   "would print sideways or mirrored; rotate the picture itself in an image "
                                   "editor and save it upright")
        elif marker == 0xDA:  # start of scan: the compressed data follow
            if size is None:
                raise PictureError("is a damaged JPEG file (image data before its frame header); "
                                   "save it again")
            if data.rfind(b"\xff\xd9") < position:
                raise PictureError("is a damaged JPEG file (cut short inside its image data); save it again")
            return size


def _exif_orientation(tiff: bytes) -> int:
    """The orientation tag (0x0112) of IFD0 in EXIF's TIFF structure; 1 (upright) when absent or
    unreadable: a damaged EXIF block changes nothing a viewer shows."""
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None or len(tiff) < 8:
        return 1
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    if offset + 2 > len(tiff):
        return 1
    (count,) = struct.unpack(order + "H", tiff[offset:offset + 2])
    for entry in range(min(count, 512)):
        start = offset + 2 + 12 * entry
        if start + 12 > len(tiff):
            return 1
        tag, kind, _, value = struct.unpack(order + "HHI4s", tiff[start:start + 12])
        if tag == 0x0112 and kind == 3:  # SHORT, stored in the first two bytes of the value
            return struct.unpack(order + "H", value[:2])[0]
    return 1
