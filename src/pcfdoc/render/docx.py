"""Render a docxtpl template into .docx bytes, deliberately around docxtpl's pitfalls.

* Jinja runs sandboxed, with autoescape on (so '&' and '<' in a company name
  reach Word literally) and undefined names as errors.
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


def render_report(valid: ValidSpec, results: Results, template: Path,
                  history: Sequence[Revision] = (), *, draft: bool = False) -> bytes:
    """The report for ``valid`` as .docx bytes; nothing is written.

    ``history`` is the spec's git commits, newest first, when the spec asks for them as its
    revision history. A ``draft`` says so on every page and highlights the placeholders it holds.
    """
    from docx.opc.exceptions import PackageNotFoundError
    from jinja2 import StrictUndefined
    from jinja2 import TemplateError as JinjaError
    from jinja2.sandbox import SandboxedEnvironment

    from .template import ReportTemplate

    if not template.is_file():
        raise TemplateError(f"{template}: template not found; check --template or report.template")
    try:
        document = ReportTemplate(str(template))
        document.init_docx()
        # A draft's placeholders are highlighted in the document tree, which spliced rows bypass.
        document.splice_rows = not draft
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise TemplateError(f"{template}: not a Word .docx file ({exc})") from None

    context = report_context(valid, results, Figures(document), history, draft)
    environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    try:
        document.render(context, environment, autoescape=True)
    except JinjaError as exc:
        raise TemplateError(_template_error(template, exc)) from None
    if draft:
        from .draft import highlight_placeholders

        highlight_placeholders(document.docx)
    update_fields_on_open(document.docx)
    _core_properties(document.docx, valid)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), valid.spec.report.issue_date,
                            {"word/document.xml": document.splice})


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_NAME = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


def _template_text(template: Path) -> str:
    """The text of every story of a .docx template, runs joined, so split tags read whole."""
    with zipfile.ZipFile(template) as package:
        parts = [name for name in package.namelist()
                 if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name)]
        return "\n".join(re.sub(r"<[^>]+>", "", package.read(name).decode("utf-8")) for name in parts)


def _template_error(template: Path, exc) -> str:
    """'TEMPLATE: template error in {{ company.nmae }}: … has no attribute 'nmae''."""
    message = exc.message or str(exc)
    tags = _TAG.findall(_template_text(template))
    culprit = None
    found = _NAME.search(message)
    if found:
        name = found.group(1) or found.group(2)
        culprit = next((tag for tag in tags if re.search(rf"\b{re.escape(name)}\b", tag)), None)
    elif getattr(exc, "source", None) and getattr(exc, "lineno", None):
        line = re.sub(r"<[^>]+>", "", exc.source.splitlines()[exc.lineno - 1])
        culprit = line.strip()[:120] or None
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
