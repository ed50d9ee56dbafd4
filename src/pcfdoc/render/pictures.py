"""The spec's pictures as the template places them: numbered figures, signatures and the seal.

A picture reaches the render context as plain data (a :class:`Shown`: the checked bytes read at
validation, the share of the text width it may take, or the box it must fit) and becomes an
inline Word picture where the template places it (figures.py adds the image part). The size
follows the picture's own proportions: as wide as asked, unless that makes it taller than the
page allows, then as tall as allowed. The same picture and page always give the same size.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from ..spec.images import Picture

EMU_PER_MM = 36000
#: Room a figure leaves on its page for the caption, a source line and a line of text.
CAPTION_ROOM_MM = 40
#: Boxes of the sign-off block: a signature beside a name, the assessor's round seal (42 mm in China).
SIGNATURE_BOX_MM = (40.0, 15.0)
SEAL_BOX_MM = (42.0, 42.0)


@dataclass(frozen=True)
class Shown:
    """A picture to place: at ``width_share`` of the text width (a figure), or within a box of
    ``box_mm`` (width, height: a signature or seal); ``description`` is its alternative text."""

    picture: Picture
    description: str
    width_share: float = 1.0
    box_mm: tuple[float, float] | None = None

    def size(self, text_width_emu: int, text_height_emu: int) -> tuple[int, int]:
        """Width and height in EMU: proportional, within the width asked and the height allowed."""
        if self.box_mm is not None:
            width, height = (round(side * EMU_PER_MM) for side in self.box_mm)
        else:
            width = round(text_width_emu * self.width_share)
            height = max(text_height_emu - CAPTION_ROOM_MM * EMU_PER_MM, text_height_emu // 2)
        picture = self.picture
        scale = min(width / picture.width_px, height / picture.height_px)
        return max(1, round(picture.width_px * scale)), max(1, round(picture.height_px * scale))


def drawing(relation: str, shape_id: int, name: str, size: tuple[int, int], description: str) -> str:
    """An inline picture (wp:inline with pic:pic) showing the image part related as ``relation``."""
    width, height = size
    return (
        '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Picture {shape_id}" descr={quoteattr(description)}/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
        '</wp:cNvGraphicFramePr>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{shape_id}" name={quoteattr(name)}/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:embed="{relation}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing>'
    )


Image = Callable[[Any], Any]  # what the render context is given to place figures (figures.Figures)


def figures(items: Sequence[Any], pictures: Mapping[str, Picture], image: Image) -> list[dict[str, Any]]:
    """The template's view of a spec's list of images: each placed picture, its caption and source."""
    return [
        {"image": image(Shown(pictures[item.file], item.caption, item.width_pct / 100)),
         "caption": item.caption, "source": item.source}
        for item in items
    ]


def signature(file: str | None, pictures: Mapping[str, Picture], image: Image, description: str) -> Any:
    """A signature placed in its box, or nothing (the template then leaves the space blank)."""
    return _boxed(file, pictures, image, description, SIGNATURE_BOX_MM)


def seal(file: str | None, pictures: Mapping[str, Picture], image: Image, description: str) -> Any:
    return _boxed(file, pictures, image, description, SEAL_BOX_MM)


def _boxed(file: str | None, pictures: Mapping[str, Picture], image: Image, description: str,
           box: tuple[float, float]) -> Any:
    return image(Shown(pictures[file], description, box_mm=box) if file is not None else None)
