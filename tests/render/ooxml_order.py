"""The order of child elements that ECMA-376 (part 1) prescribes, for every element pcfdoc writes
in a chart part, the diagrams (boundary, process flow, process map) and the inline drawings of
charts and pictures.

Word refuses a whole document over one element out of sequence (LibreOffice forgives it), and no
schema validator is at hand here, so the sequences the writers rely on are spelled out from the
schemas (dml-chart.xsd, dml-main.xsd, wml.xsd, dml-wordprocessingDrawing.xsd) and checked.
"""

from __future__ import annotations

from lxml import etree

PREFIXES = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
_FILL = ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")
_TEXT_CHARACTER = ("a:ln", *_FILL, "a:effectLst", "a:highlight", "a:uLnTx", "a:uLn", "a:uFillTx", "a:uFill",
                   "a:latin", "a:ea", "a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl",
                   "a:extLst")
_LABEL_FLAGS = ("c:showLegendKey", "c:showVal", "c:showCatName", "c:showSerName", "c:showPercent",
                "c:showBubbleSize", "c:separator")
_AXIS_HEAD = ("c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title",
              "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr",
              "c:crossAx", "c:crosses", "c:crossesAt")  # crosses and crossesAt are a choice: never both
_TEXT_BODY = ("a:bodyPr", "a:lstStyle", "a:p")
_RUN_CONTENT = ("w:br", "w:tab", "w:t", "w:drawing")  # any order within a run, after w:rPr

SEQUENCES: dict[str, tuple] = {
    "c:chartSpace": ("c:date1904", "c:lang", "c:roundedCorners", "c:style", "c:clrMapOvr", "c:pivotSource",
                     "c:protection", "c:chart", "c:spPr", "c:txPr", "c:externalData", "c:printSettings",
                     "c:userShapes", "c:extLst"),
    "c:chart": ("c:title", "c:autoTitleDeleted", "c:pivotFmts", "c:view3D", "c:floor", "c:sideWall",
                "c:backWall", "c:plotArea", "c:legend", "c:plotVisOnly", "c:dispBlanksAs",
                "c:showDLblsOverMax", "c:extLst"),
    # the chart groups, then the axes (each group in the order the schema's choice lists them)
    "c:plotArea": ("c:layout", ("c:barChart", "c:doughnutChart", "c:lineChart"), ("c:catAx", "c:valAx"),
                   "c:dTable", "c:spPr", "c:extLst"),
    "c:lineChart": ("c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:dropLines", "c:hiLowLines",
                    "c:upDownBars", "c:marker", "c:smooth", "c:axId", "c:extLst"),
    "c:marker": ("c:symbol", "c:size", "c:spPr", "c:extLst"),
    "c:errBars": ("c:errDir", "c:errBarType", "c:errValType", "c:noEndCap", "c:plus", "c:minus", "c:val",
                  "c:spPr", "c:extLst"),
    "c:legendEntry": ("c:idx", ("c:delete", "c:txPr"), "c:extLst"),
    "c:barChart": ("c:barDir", "c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:gapWidth", "c:overlap",
                   "c:serLines", "c:axId", "c:extLst"),
    "c:doughnutChart": ("c:varyColors", "c:ser", "c:dLbls", "c:firstSliceAng", "c:holeSize", "c:extLst"),
    # CT_BarSer, CT_PieSer and CT_LineSer merged: a pie series has explosion where a bar series has
    # invertIfNegative, a line series has marker there and smooth at its end
    "c:ser": ("c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:pictureOptions", "c:explosion",
              "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:shape",
              "c:smooth", "c:extLst"),
    "c:dPt": ("c:idx", "c:invertIfNegative", "c:marker", "c:bubble3D", "c:explosion", "c:spPr",
              "c:pictureOptions", "c:extLst"),
    "c:dLbls": ("c:dLbl", "c:delete", "c:numFmt", "c:spPr", "c:txPr", "c:dLblPos", *_LABEL_FLAGS,
                "c:showLeaderLines", "c:leaderLines", "c:extLst"),
    "c:dLbl": ("c:idx", "c:delete", "c:layout", "c:tx", "c:numFmt", "c:spPr", "c:txPr", "c:dLblPos",
               *_LABEL_FLAGS, "c:extLst"),
    "c:catAx": (*_AXIS_HEAD, "c:auto", "c:lblAlgn", "c:lblOffset", "c:tickLblSkip", "c:tickMarkSkip",
                "c:noMultiLvlLbl", "c:extLst"),
    "c:valAx": (*_AXIS_HEAD, "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"),
    "c:scaling": ("c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"),
    "c:legend": ("c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"),
    "c:title": ("c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"),
    "c:layout": ("c:manualLayout", "c:extLst"),
    "c:externalData": ("c:autoUpdate",),
    "c:manualLayout": ("c:layoutTarget", "c:xMode", "c:yMode", "c:wMode", "c:hMode", "c:x", "c:y", "c:w",
                       "c:h", "c:extLst"),
    "c:majorGridlines": ("c:spPr",),
    "c:tx": (("c:strRef", "c:rich"),),
    "c:cat": (("c:strRef", "c:numRef"),),
    "c:val": ("c:numRef",),
    "c:strRef": ("c:f", "c:strCache", "c:extLst"),
    "c:strCache": ("c:ptCount", "c:pt", "c:extLst"),
    "c:numRef": ("c:f", "c:numCache", "c:extLst"),
    "c:numCache": ("c:formatCode", "c:ptCount", "c:pt", "c:extLst"),
    "c:pt": ("c:v",),
    "c:spPr": ("a:xfrm", ("a:custGeom", "a:prstGeom"), _FILL, "a:ln", "a:effectLst", "a:extLst"),
    "a:ln": (_FILL, ("a:prstDash", "a:custDash"), ("a:round", "a:bevel", "a:miter"), "a:headEnd", "a:tailEnd",
             "a:extLst"),
    "a:solidFill": (("a:srgbClr", "a:schemeClr"),),
    "c:txPr": _TEXT_BODY,
    "c:rich": _TEXT_BODY,
    "a:p": ("a:pPr", ("a:r", "a:br", "a:fld"), "a:endParaRPr"),
    "a:pPr": ("a:lnSpc", "a:spcBef", "a:spcAft", "a:tabLst", "a:defRPr", "a:extLst"),
    "a:r": ("a:rPr", "a:t"),
    "a:defRPr": _TEXT_CHARACTER,
    "a:rPr": _TEXT_CHARACTER,
    "a:endParaRPr": _TEXT_CHARACTER,
    # the diagrams
    "w:tbl": ("w:tblPr", "w:tblGrid", "w:tr"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
    "w:tblBorders": ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"),
    "w:tblCellMar": ("w:top", "w:left", "w:bottom", "w:right"),
    "w:tblGrid": ("w:gridCol",),
    "w:tr": ("w:tblPrEx", "w:trPr", "w:tc"),
    "w:tc": ("w:tcPr", ("w:p", "w:tbl")),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
               "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
    "w:tcBorders": ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV", "w:tl2br", "w:tr2bl"),
    "w:p": ("w:pPr", "w:r"),
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl", "w:tabs",
              "w:spacing", "w:ind", "w:jc", "w:rPr"),
    "w:tabs": ("w:tab",),
    "w:r": ("w:rPr", _RUN_CONTENT),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:sz", "w:szCs"),
    # the inline drawing of a chart or a picture
    "wp:inline": ("wp:extent", "wp:effectExtent", "wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"),
    "wp:cNvGraphicFramePr": ("a:graphicFrameLocks", "a:extLst"),
    "a:graphic": ("a:graphicData",),
    "pic:pic": ("pic:nvPicPr", "pic:blipFill", "pic:spPr", "pic:style", "pic:extLst"),
    "pic:nvPicPr": ("pic:cNvPr", "pic:cNvPicPr", "pic:nvPr"),
    "pic:blipFill": ("a:blip", "a:srcRect", ("a:tile", "a:stretch")),
    "a:stretch": ("a:fillRect",),
    "pic:spPr": ("a:xfrm", ("a:custGeom", "a:prstGeom"), _FILL, "a:ln", "a:effectLst", "a:extLst"),
    "a:xfrm": ("a:off", "a:ext"),
    "a:prstGeom": ("a:avLst",),
}
#: Elements with a choice of children in any order (their children are checked, not their order).
ANY_ORDER = {"w:trPr"}


def _name(element) -> str:
    qname = etree.QName(element)
    prefix = next(p for p, uri in PREFIXES.items() if uri == qname.namespace)
    return f"{prefix}:{qname.localname}"


def order_problems(root) -> list[str]:
    """Every element (below ``root``) whose children are unknown to its sequence or out of order."""
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _name(element)
        sequence = SEQUENCES.get(name)
        if sequence is None:
            continue
        position = {}
        for index, entry in enumerate(sequence):
            for child in entry if isinstance(entry, tuple) else (entry,):
                position[child] = index
        last = -1
        for child in element:
            child_name = _name(child)
            if child_name not in position:
                problems.append(f"{name} has an unexpected child {child_name}")
            elif position[child_name] < last:
                problems.append(f"{name}: {child_name} comes too late")
            else:
                last = position[child_name]
    return problems
