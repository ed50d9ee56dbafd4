"""Render a docxtpl template into .docx bytes, deliberately around docxtpl's pitfalls.

* Jinja runs in render.sandbox: the template reads data and two caption helpers,
  nothing else, within bounded work and text; autoescape is on (so '&' and '<' in a
  company name reach Word literally) and undefined names are errors.
* The template file is checked before python-docx opens it: a regular file, a zip
  package of bounded size, no entity declarations.
* Word updates the TOC and caption fields on open: settings get updateFields,
  whatever the template says.
* Core properties come from the spec and zip entries get a fixed timestamp, so
  the same spec and template give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from ..calc.results import Results
from ..errors import PcfdocError, shorten
from ..spec.revisions import Revision
from ..spec.valid import ValidSpec
from ..write import reproducible_zip
from .context import report_context, report_title
from .figures import Figures

CORE_PROPERTY_LIMIT = 255


class TemplateError(PcfdocError):
    """A report template is missing, is not a .docx, or has an error in its tags."""


def default_template(language: str) -> Path:
    """The template shipped for ``language`` (templates/<language>/report.docx)."""
    resource = resources.files("pcfdoc.templates").joinpath(f"{language}/report.docx")
    return Path(str(resource))


#: Largest template file, and what its zip package may expand to (the shipped ones: 1 MB).
MAX_TEMPLATE_BYTES = 64 * 2**20
MAX_EXPANDED_BYTES = 256 * 2**20
MAX_XML_PART_BYTES = 32 * 2**20
MAX_PARTS = 5_000
#: Markup that declares entities: Word never writes it, and expanding entities can take any memory.
_DECLARATIONS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype")
                      for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


def render_report(valid: ValidSpec, results: Results, template: Path,
                  history: Sequence[Revision] = (), *, draft: bool = False) -> bytes:
    """The report for ``valid`` as .docx bytes; nothing is written.

    ``history`` is the spec's git commits, newest first, when the spec asks for them as its
    revision history. A ``draft`` says so on every page and highlights the placeholders it holds.
    The template runs in the sandbox of render.sandbox; any error in it, whatever its kind, is a
    TemplateError naming it (an error with the shipped templates is a bug and keeps its traceback).
    """
    from .sandbox import DataSandbox
    from .template import ReportTemplate

    raw = read_template(template)
    trusted = _is_shipped(template)
    try:
        document = ReportTemplate(io.BytesIO(raw))
        document.init_docx()
        # A draft's placeholders are highlighted in the document tree, which spliced rows bypass.
        document.splice_rows = not draft
    except Exception as exc:  # noqa: BLE001 (python-docx raises many kinds on a damaged package)
        if trusted:
            raise
        raise TemplateError(f"{template}: is not a Word document that pcfdoc can read "
                            f"({_reason(exc)}); open it in Word and save it again as .docx") from None

    context = report_context(valid, results, Figures(document), history, draft)
    try:
        document.render(context, DataSandbox(), autoescape=True)
        if draft:
            from .draft import highlight_placeholders

            highlight_placeholders(document.docx)
        update_fields_on_open(document.docx)
        _core_properties(document.docx, valid)
        buffer = io.BytesIO()
        document.save(buffer)
        return reproducible_zip(buffer.getvalue(), valid.spec.report.issue_date,
                                {"word/document.xml": document.splice})
    except PcfdocError:
        raise
    except Exception as exc:  # noqa: BLE001 (any error of a template's making is the template's)
        from jinja2 import TemplateError as JinjaError

        if isinstance(exc, JinjaError):
            raise TemplateError(_template_error(template, raw, exc)) from None
        if trusted and not isinstance(exc, (RecursionError, MemoryError)):
            raise
        raise TemplateError(f"{template}: template error: {_reason(exc)}; fix the template") from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "it nests too deep (a macro, block or recursive loop that calls itself without end)"
    if isinstance(exc, MemoryError):
        return "it needs more memory than there is"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {shorten(text, 160)}" if text else type(exc).__name__


def _is_shipped(template: Path) -> bool:
    from ..vocab.catalogue import LANGUAGES

    try:
        return template.resolve() in {default_template(language).resolve() for language in LANGUAGES}
    except OSError:
        return False


def read_template(template: Path) -> bytes:
    """The template's bytes, once it is known to be a zip package of sane size without entity
    declarations; a TemplateError naming the template otherwise."""
    from ..spec.load import Unreadable, read_input

    try:
        raw = read_input(template, MAX_TEMPLATE_BYTES)
    except Unreadable as exc:
        if exc.missing:
            raise TemplateError(f"{template}: template not found; check --template or report.template") \
                from None
        raise TemplateError(f"{template}: the template {exc}; give a .docx file as --template or "
                            "report.template") from None
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise TemplateError(f"{template}: is not a Word document (.docx): it is not a zip package; "
                            "save the template from Word as a .docx file") from None
    infos = package.infolist()
    expanded = sum(info.file_size for info in infos)
    if len(infos) > MAX_PARTS or expanded > MAX_EXPANDED_BYTES:
        raise TemplateError(f"{template}: the template expands to {len(infos):,} parts and "
                            f"{expanded // 2**20:,} MB, more than the {MAX_PARTS:,} parts and "
                            f"{MAX_EXPANDED_BYTES // 2**20} MB a report template may hold")
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        if info.file_size > MAX_XML_PART_BYTES:
            raise TemplateError(f"{template}: {shorten(info.filename)} expands to "
                                f"{info.file_size // 2**20:,} MB, more than the "
                                f"{MAX_XML_PART_BYTES // 2**20} MB a part of a report template may hold")
        try:
            content = package.read(info)
        except Exception as exc:  # noqa: BLE001 (bad CRC, encryption, unknown compression, zlib)
            raise TemplateError(f"{template}: {shorten(info.filename)} cannot be read ({_reason(exc)}); "
                                "the file is damaged: save the template again from Word") from None
        if any(marker in content for marker in _DECLARATIONS):
            raise TemplateError(f"{template}: {shorten(info.filename)} declares a document type or "
                                "entities (<!DOCTYPE>, <!ENTITY>), which Word documents never hold; "
                                "save the template again from Word")
    return raw


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_NAME = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined|has no '([^']+)' a template")


def _template_text(raw: bytes) -> str:
    """The text of every story of a .docx template, runs joined, so split tags read whole."""
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        parts = [name for name in package.namelist()
                 if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name)]
        return "\n".join(re.sub(r"<[^>]+>", "", package.read(name).decode("utf-8", "replace"))
                         for name in parts)


def _template_error(template: Path, raw: bytes, exc) -> str:
    """'TEMPLATE: template error in {{ company.nmae }}: … has no attribute 'nmae''."""
    message = shorten(str(exc.message or exc).strip() or type(exc).__name__, 300)
    tags = _TAG.findall(_template_text(raw))
    culprit = None
    found = _NAME.search(message)
    if found:
        name = found.group(1) or found.group(2) or found.group(3)
        culprit = next((tag for tag in tags if re.search(rf"\b{re.escape(name)}\b", tag)), None)
    elif getattr(exc, "source", None) and getattr(exc, "lineno", None):
        lines = exc.source.splitlines()
        if 0 < exc.lineno <= len(lines):
            culprit = re.sub(r"<[^>]+>", "", lines[exc.lineno - 1]).strip()[:120] or None
    where = f" in {shorten(html.unescape(culprit), 120)}" if culprit else ""
    return f"{template}: template error{where}: {message.rstrip('.')}; fix the tag in the template"


def update_fields_on_open(docx) -> None:
    """Ask Word to update the TOC and every field when the document opens."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = docx.settings.element
    element = settings.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        settings.append(element)
    element.set(qn("w:val"), "true")


def _core_properties(docx, valid: ValidSpec) -> None:
    spec = valid.spec
    issued = dt.datetime.combine(spec.report.issue_date, dt.time(), tzinfo=dt.UTC)
    properties = docx.core_properties
    # Word's document properties hold at most 255 characters; the report itself has the full text.
    properties.title = shorten(report_title(spec), CORE_PROPERTY_LIMIT)
    properties.subject = shorten(spec.company.name, CORE_PROPERTY_LIMIT)
    properties.author = shorten(spec.report.assessor, CORE_PROPERTY_LIMIT)
    properties.last_modified_by = properties.author
    properties.keywords = shorten(spec.report.number, CORE_PROPERTY_LIMIT)
    properties.identifier = properties.keywords
    properties.comments = ""
    properties.category = ""
    properties.revision = 1
    properties.created = issued
    properties.modified = issued
    properties.last_printed = issued
