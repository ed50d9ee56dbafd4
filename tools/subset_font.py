"""Build the chart font shipped in src/pcfdoc/data/fonts/ (maintainers only).

Charts need Chinese glyphs on machines without Chinese fonts, so pcfdoc ships a
subset of Noto Sans CJK SC (SIL Open Font License 1.1): every character of
GB 2312 plus Latin, punctuation and the sub/superscripts used in units. The
subset is renamed, as the OFL asks of modified fonts.

Needs fontTools and Debian's fonts-noto-cjk:
    python3 tools/subset_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

FAMILY = "Pcfdoc Sans SC"
POSTSCRIPT = "PcfdocSansSC-Regular"
OUT = Path(__file__).resolve().parent.parent / "src" / "pcfdoc" / "data" / "fonts" / f"{POSTSCRIPT}.otf"


def gb2312() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # unassigned code points
                chars.add(bytes([high, low]).decode("gb2312"))
    return chars


def wanted() -> str:
    chars = gb2312()
    chars.update(chr(c) for c in range(0x20, 0x7F))        # ASCII
    chars.update(chr(c) for c in range(0xA0, 0x180))       # Latin-1 and Latin Extended-A
    chars.update(chr(c) for c in range(0x2000, 0x2070))    # general punctuation
    chars.update(chr(c) for c in range(0x2070, 0x20A0))    # super- and subscripts
    chars.update(chr(c) for c in range(0x3000, 0x3040))    # CJK punctuation
    chars.update(chr(c) for c in range(0xFF00, 0xFFF0))    # full-width forms
    chars.update("·×÷±≤≥≈∑√°℃‰€¥")
    return "".join(sorted(chars))


def main(source: str) -> None:
    font = TTCollection(source).fonts[2]  # Noto Sans CJK SC in the Debian collection
    assert font["name"].getDebugName(1) == "Noto Sans CJK SC"
    options = subset.Options()
    options.layout_features = ["kern", "vert", "vrt2"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=wanted())
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"{POSTSCRIPT};pcfdoc subset of Noto Sans CJK SC 2.004"
        elif record.nameID == 6:
            record.string = POSTSCRIPT
        elif record.nameID == 7:
            record.string = "Derived from Noto Sans CJK SC; Noto is a trademark of Google Inc."
    font["CFF "].cff.fontNames = [POSTSCRIPT]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
