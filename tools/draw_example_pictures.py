"""Draw the pictures the example specs and the test fixtures attach (maintainers only).

    python3 -m pip install -e '.[tools]' && python3 tools/draw_example_pictures.py

Every picture is drawn here from simple shapes, so the repository holds no image of unknown
origin: a sketch of an electric valve actuator and a plan of its plant, in Chinese and in English
(specs/examples/images/),
a prismatic battery cell saved as a JPEG photo would be, and a signature and a seal for the tests
(tests/fixtures/images/). Labels use Noto Sans CJK SC (Debian: fonts-noto-cjk). Pillow is the one
tool this needs; pcfdoc itself never decodes a picture.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "specs" / "examples" / "images"
FIXTURES = ROOT / "tests" / "fixtures" / "images"
FONT_FILES = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc")

STEEL, DARK, LIGHT, LINE = (92, 118, 140), (52, 68, 84), (176, 196, 212), (40, 40, 40)
ORANGE, PAPER = (242, 142, 43), (255, 255, 255)


def font(size: int) -> ImageFont.FreeTypeFont:
    """Noto Sans CJK with its Simplified Chinese glyphs (the face named SC in the collection)."""
    for path in FONT_FILES:
        if Path(path).exists():
            for index in range(10):
                face = ImageFont.truetype(path, size, index=index)
                if face.getname()[0].endswith(" SC"):
                    return face
    raise SystemExit("Noto Sans CJK SC is not installed (Debian: apt-get install fonts-noto-cjk)")


def save_png(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, optimize=True)  # Pillow writes no time stamp: the same drawing, the same bytes
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def valve_actuator() -> Image.Image:
    """An electric multi-turn valve actuator: gearbox body, motor, handwheel, terminal box, flange."""
    image = Image.new("RGB", (1200, 800), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((420, 250, 780, 560), 28, fill=STEEL, outline=LINE, width=4)  # gearbox
    draw.rounded_rectangle((470, 150, 730, 250), 14, fill=LIGHT, outline=LINE, width=4)  # terminal box
    for x in range(500, 720, 40):  # cable glands
        draw.rectangle((x, 118, x + 22, 150), fill=DARK, outline=LINE, width=3)
    draw.rounded_rectangle((780, 300, 1040, 500), 20, fill=DARK, outline=LINE, width=4)  # motor
    for x in range(810, 1030, 26):  # cooling fins
        draw.line((x, 310, x, 490), fill=STEEL, width=6)
    draw.ellipse((1020, 330, 1080, 470), fill=DARK, outline=LINE, width=4)
    draw.rectangle((370, 385, 420, 415), fill=LIGHT, outline=LINE, width=3)  # handwheel shaft
    centre, radius = (215, 400), 150
    draw.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
                 outline=ORANGE, width=22)
    for angle in range(0, 360, 72):
        turn = math.radians(angle)
        end = (centre[0] + radius * math.cos(turn), centre[1] + radius * math.sin(turn))
        draw.line((centre, end), fill=ORANGE, width=14)
    draw.ellipse((centre[0] - 34, centre[1] - 34, centre[0] + 34, centre[1] + 34), fill=DARK, outline=LINE,
                 width=3)
    draw.ellipse((520, 300, 680, 460), fill=LIGHT, outline=LINE, width=4)  # position indicator window
    draw.line((600, 320, 600, 380), fill=ORANGE, width=8)
    draw.rectangle((450, 560, 750, 610), fill=DARK, outline=LINE, width=4)  # mounting flange
    for x in (470, 540, 660, 730):
        draw.ellipse((x - 9, 576, x + 9, 594), fill=PAPER, outline=LINE, width=2)
    draw.rectangle((570, 610, 630, 720), fill=LIGHT, outline=LINE, width=4)  # output shaft to the valve
    return image


#: The plant plan's labels: halls in drawing order, then north and the legend of the arrows.
PLANT_LABELS = {
    "zh-CN": ("原料库", "机加工车间", "清洗间", "热处理外协暂存", "装配车间", "检验试车区", "成品库",
              "办公楼", "北", "→ 物料流向"),
    "en": ("Raw material\nstore", "Machining hall", "Washing", "Outsourced heat\ntreatment staging",
           "Assembly hall", "Inspection and\ntest area", "Finished\ngoods store", "Offices", "N",
           "→ Material flow"),
}


def plant_layout(language: str = "zh-CN") -> Image.Image:
    """A plan of a machining and assembly plant: halls, stores and the way the material goes,
    labelled in ``language`` (an English report prints the English plan)."""
    image = Image.new("RGB", (1600, 1000), PAPER)
    draw = ImageDraw.Draw(image)
    label, small = font(40), font(28)
    *names, north, legend = PLANT_LABELS[language]
    draw.rectangle((40, 40, 1560, 960), outline=LINE, width=6)  # site boundary
    boxes = [
        ((90, 110, 430, 470), (226, 236, 244)),
        ((480, 110, 1060, 470), (253, 226, 200)),
        ((1110, 110, 1510, 300), (226, 236, 244)),
        ((1110, 330, 1510, 470), (238, 238, 238)),
        ((480, 540, 1060, 880), (253, 226, 200)),
        ((1110, 540, 1510, 700), (226, 244, 226)),
        ((1110, 730, 1510, 880), (226, 236, 244)),
        ((90, 540, 430, 880), (245, 245, 245)),
    ]
    for (box, fill), name in zip(boxes, names, strict=True):
        draw.rectangle(box, fill=fill, outline=LINE, width=4)
        x0, y0, x1, y1 = box
        draw.multiline_text(((x0 + x1) / 2, (y0 + y1) / 2), name, font=label, fill=LINE, anchor="mm",
                            align="center", spacing=8)
    route = [(430, 290), (480, 290), (1060, 200), (1110, 200), (1310, 300), (1310, 330),
             (1110, 400), (1060, 400), (770, 470), (770, 540), (1060, 620), (1110, 620), (1310, 700),
             (1310, 730)]
    for start, end in zip(route[::2], route[1::2], strict=True):
        arrow(draw, start, end)
    draw.polygon([(1480, 948), (1500, 898), (1520, 948)], fill=LINE)  # north arrow
    draw.text((1466, 925), north, font=small, fill=LINE, anchor="rm")
    draw.text((90, 930), legend, font=small, fill=ORANGE, anchor="lm")
    return image


def arrow(draw: ImageDraw.ImageDraw, start: tuple[int, int], end: tuple[int, int]) -> None:
    draw.line((start, end), fill=ORANGE, width=8)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    head = [end, (end[0] - 26 * math.cos(angle - 0.45), end[1] - 26 * math.sin(angle - 0.45)),
            (end[0] - 26 * math.cos(angle + 0.45), end[1] - 26 * math.sin(angle + 0.45))]
    draw.polygon(head, fill=ORANGE)


def battery_cell() -> Image.Image:
    """A prismatic lithium iron phosphate cell in three-quarter view, with its two terminals."""
    image = Image.new("RGB", (1000, 750), (236, 238, 240))
    draw = ImageDraw.Draw(image)
    front = [(170, 250), (730, 300), (730, 670), (170, 620)]
    side = [(730, 300), (830, 240), (830, 610), (730, 670)]
    top = [(170, 250), (270, 190), (830, 240), (730, 300)]
    draw.polygon(front, fill=(70, 110, 170), outline=LINE)
    draw.polygon(side, fill=(48, 80, 128), outline=LINE)
    draw.polygon(top, fill=(150, 175, 205), outline=LINE)
    for (x, y), colour in (((330, 232), (200, 60, 50)), ((640, 260), (60, 60, 60))):  # terminals
        draw.ellipse((x - 40, y - 14, x + 40, y + 14), fill=colour, outline=LINE, width=3)
        draw.rectangle((x - 40, y - 40, x + 40, y), fill=colour)
        draw.ellipse((x - 40, y - 54, x + 40, y - 26), fill=tuple(min(255, c + 50) for c in colour),
                     outline=LINE, width=3)
    draw.ellipse((468, 236, 508, 254), fill=(220, 220, 220), outline=LINE, width=2)  # safety vent
    draw.polygon([(230, 380), (670, 420), (670, 510), (230, 470)], fill=(235, 240, 248))  # label
    draw.text((450, 445), "LiFePO4  3.2 V  100 Ah", font=font(34), fill=LINE, anchor="mm")
    return image


def signature() -> Image.Image:
    """A handwritten-looking stroke on a transparent background."""
    image = Image.new("RGBA", (600, 220), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(40 + t * 5.2, 120 + 55 * math.sin(t / 9) * math.cos(t / 23) - t * 0.25) for t in range(100)]
    draw.line(points, fill=(20, 30, 90, 255), width=7, joint="curve")
    draw.line([(70, 170), (520, 150)], fill=(20, 30, 90, 255), width=5)
    return image


def seal() -> Image.Image:
    """A round red seal: ring, star and an arc of text, on a transparent background."""
    size = 420
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    red = (210, 30, 30, 235)
    draw.ellipse((10, 10, size - 10, size - 10), outline=red, width=14)
    centre = size / 2
    star = [(centre + (70 if i % 2 == 0 else 28) * math.sin(math.pi * i / 5),
             centre - (70 if i % 2 == 0 else 28) * math.cos(math.pi * i / 5)) for i in range(10)]
    draw.polygon(star, fill=red)
    face = font(40)
    text = "测试评价机构检测专用章"
    for index, char in enumerate(text):
        angle = math.radians(-150 + 300 * index / (len(text) - 1))
        x, y = centre + 150 * math.sin(angle), centre - 150 * math.cos(angle)
        glyph = Image.new("RGBA", (60, 60), (255, 255, 255, 0))
        ImageDraw.Draw(glyph).text((30, 30), char, font=face, fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.BICUBIC)
        image.alpha_composite(glyph, (round(x - 30), round(y - 30)))
    return image


def main() -> None:
    save_png(valve_actuator(), EXAMPLES / "valve-actuator.png")
    save_png(plant_layout(), EXAMPLES / "valve-actuator-plant.png")
    save_png(plant_layout("en"), EXAMPLES / "valve-actuator-plant-en.png")
    photo = EXAMPLES / "battery-cell.jpg"
    battery_cell().save(photo, quality=85, optimize=True)
    print(f"wrote {photo} ({photo.stat().st_size:,} bytes)")
    save_png(signature(), FIXTURES / "signature.png")
    save_png(seal(), FIXTURES / "seal.png")
    save_png(valve_actuator().resize((300, 200)), FIXTURES / "product.png")
    small = FIXTURES / "photo.jpg"
    battery_cell().resize((400, 300)).save(small, quality=80)
    print(f"wrote {small} ({small.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
