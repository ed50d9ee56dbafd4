"""docxtpl's DocxTemplate with long tables kept out of its slow path.

docxtpl renders the whole body through Jinja, parses the result with lxml and moves
the tree into python-docx's document. Each of those costs grows with the number of
XML elements, and the move grows faster than linearly: at 10,000 inventory lines
(about 40,000 table rows, 3 million elements) it took over 40 s of a 60 s build.

Here a *simple row loop*, the usual ``{%tr for item in stage.lines %}`` whose one row
holds nothing but ``{{ item.name }}`` / ``{{ item.amounts[0] }}`` tags, is rendered
apart: Jinja evaluates the loop's list in its own scope and gets back one placeholder
row; the rows themselves are written straight into XML text, by the same attribute
rules and escaping Jinja uses, and spliced into word/document.xml after python-docx
has saved it. lxml never sees them. The bytes are the same as docxtpl's own path
(tests/render/test_template.py compares both). Any loop that is not simple (a
filter, a nested tag, a second variable) stays with Jinja.

The compiled Jinja code of a template is cached on disk (Jinja's bytecode cache,
keyed by the template text), so a rebuild does not compile the template again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, FileSystemBytecodeCache, FunctionLoader, TemplateError, Undefined
from lxml import etree
from markupsafe import Markup, escape

from .sandbox import REVISION

#: ``{% for item in EXPR %}<w:tr …>…</w:tr>{% endfor %}`` as docxtpl's patch_xml leaves a
#: ``{%tr for %}`` loop of one row; the row may hold no other tag.
_ROW_LOOP = re.compile(
    r"\{%\s*for\s+(?P<name>[A-Za-z_]\w*)\s+in\s+(?P<items>[^%{}]+?)\s*%\}"
    r"(?P<row><w:tr[ >](?:(?!<w:tr[ >]|\{%|</w:tr>).)*</w:tr>)"
    r"\{%\s*endfor\s*%\}",
    re.S,
)
_TAG = re.compile(r"\{\{\s*(?P<path>[^{}]*?)\s*\}\}")
_PATH = re.compile(r"(?P<name>[A-Za-z_]\w*)(?P<steps>(?:\.[A-Za-z_]\w*|\[\d+\])*)")
_STEP = re.compile(r"\.(?P<attribute>[A-Za-z_]\w*)|\[(?P<index>\d+)\]")
#: Characters docxtpl turns into tabs, breaks and new paragraphs (resolve_listing).
_LISTING = re.compile("[\t\n\a\f]")
#: docxtpl's escapes for literal Jinja delimiters in a template's text.
_BRACE_ESCAPES = {"{_{": "{{", "}_}": "}}", "{_%": "{%", "%_}": "%}"}
_BRACE_ESCAPE = re.compile("|".join(re.escape(escaped) for escaped in _BRACE_ESCAPES))
#: A table opened inside a run's text: a block tag such as {{ boundary.diagram }} used inline.
_TABLE_IN_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*<w:tbl>")
_PLACEHOLDER = "<w:tr><w:tc><w:p><w:r><w:t>pcfdoc-rows-{}</w:t></w:r></w:p></w:tc></w:tr>"
_ROWS_GLOBAL = "_pcfdoc_rows"


def literal_braces(template_text: str) -> str:
    """The template's ``{_{`` ``}_}`` ``{_%`` ``%_}`` as raw blocks, so Jinja writes the braces literally.

    docxtpl replaces them in the rendered output instead, which also turns a ``{_{`` in a product
    name into ``{{``: here only the template's own text is read that way.
    """
    if "{_" not in template_text and "_}" not in template_text:
        return template_text
    return _BRACE_ESCAPE.sub(lambda m: f"{{% raw %}}{_BRACE_ESCAPES[m.group()]}{{% endraw %}}", template_text)


def _unescape_braces(template_text: str) -> str:
    return _BRACE_ESCAPE.sub(lambda m: _BRACE_ESCAPES[m.group()], template_text)


class RowPrototype:
    """One row of a simple row loop: literal XML between attribute paths of the loop variable."""

    def __init__(self, row: str, variable: str) -> None:
        self.literals: list[str] = []
        self.paths: list[tuple[tuple[str, str | int], ...]] = []
        position = 0
        for tag in _TAG.finditer(row):
            self.literals.append(_unescape_braces(row[position:tag.start()]))
            self.paths.append(_steps(tag.group("path"), variable))
            position = tag.end()
        self.literals.append(_unescape_braces(row[position:]))

    def render(self, items, environment: Environment) -> str:
        convert = _escape if environment.autoescape else str
        literals, paths = self.literals, self.paths
        pieces: list[str] = []
        for item in items:
            for literal, path in zip(literals, paths):  # noqa: B905 (one literal more than paths)
                value = item
                for kind, key in path:
                    value = _step(value, kind, key, environment)
                if isinstance(value, Undefined):
                    str(value)  # StrictUndefined raises here, as in {{ … }}
                pieces.append(literal)
                pieces.append(convert(value))
            pieces.append(literals[-1])
        return "".join(pieces)


_SPECIAL = re.compile(r"[&<>'\"]")


def _escape(value) -> str:
    """markupsafe.escape, with a shortcut for plain text (most cells: a number or a name)
    that gives the same characters without building a Markup object per cell."""
    if type(value) is str:
        if _SPECIAL.search(value) is None:
            return value
        return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return escape(value)


def _step(value, kind: str, key, environment: Environment):
    """``value.key`` or ``value[key]`` as Jinja evaluates it, with a shortcut for the common case
    (a context row is a dict, a list of amounts a list) that gives the same result in the sandbox,
    where ``x.key`` of a dict is always its key."""
    if kind == "attribute":
        if type(value) is dict and key in value:
            return value[key]
        return environment.getattr(value, key)
    if type(value) in (list, tuple) and -len(value) <= key < len(value):
        return value[key]
    return environment.getitem(value, key)


def _steps(path: str, variable: str) -> tuple[tuple[str, str | int], ...] | None:
    """('attribute', 'amounts'), ('item', 0) for ``item.amounts[0]``; None if ``path`` is not a plain
    path of ``variable``."""
    match = _PATH.fullmatch(path)
    if not match or match.group("name") != variable:
        return None
    return tuple(("attribute", step.group("attribute")) if step.group("attribute")
                 else ("item", int(step.group("index"))) for step in _STEP.finditer(match.group("steps")))


class ReportTemplate(DocxTemplate):
    """A DocxTemplate whose simple row loops are spliced in after saving (see module doc)."""

    #: False renders every loop through Jinja, as plain docxtpl does (tests compare the two).
    splice_rows = True

    def render_init(self) -> None:
        super().render_init()
        self.prototypes: list[RowPrototype] = []
        self.spliced_rows: list[str] = []
        self.column_loops = False
        self.environment: Environment | None = None

    def build_xml(self, context: dict[str, Any], jinja_env: Environment | None = None) -> str:
        xml = self.get_xml()
        # Column loops ({%tc %}) need docxtpl's fix_tables, which a placeholder row would mislead.
        # Read from the template's own text: patching turns them into plain loops.
        self.column_loops = "{%tc " in re.sub(r"<[^>]+>", "", xml)
        return self.render_xml_part(self.patch_xml(xml), self.docx._part, context, jinja_env)

    def render_xml_part(self, src_xml: str, part, context: dict[str, Any],
                        jinja_env: Environment | None = None):
        """docxtpl's render_xml_part, except that ``{_{`` and its kin are read as literal braces in the
        template's text before Jinja runs, never in what Jinja made of the data (a name may hold
        ``{_{``), and that the rendered text is counted against the sandbox's limits."""
        body = part is self.docx._part
        budget = getattr(jinja_env, "budget", None)
        if budget is not None:  # a part's own text costs too: a template may name one part many times
            budget.step(1 + len(src_xml) // 1024)
            budget.output(len(src_xml))
        # Splicing needs autoescape settled to True or False.
        if body and self.splice_rows and not self.column_loops and isinstance(jinja_env.autoescape, bool):
            self.environment = jinja_env
            src_xml = _ROW_LOOP.sub(self._loop_to_call, src_xml)
            jinja_env.globals[_ROWS_GLOBAL] = self._rows
        src_xml = literal_braces(re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml))
        self.current_rendering_part = part
        environment = _CachingEnvironment(jinja_env) if body else jinja_env
        xml = environment.from_string(src_xml).render(context)
        xml = self.resolve_listing(re.sub(r"\n<w:p([ >])", r"<w:p\1", xml))
        if "<!DOCTYPE" in xml or "<!ENTITY" in xml:
            raise TemplateError("the template writes a document type or entity declaration "
                                "(<!DOCTYPE>, <!ENTITY>) into the document")
        if body and _TABLE_IN_TEXT.search(xml):
            # Word refuses such a file outright; say which tag form puts a table in its own place.
            raise TemplateError("a tag that inserts a table (such as boundary.diagram) stands inside "
                                "a line of text; write it as {{p boundary.diagram }}, alone in its paragraph")
        return xml

    def render_footnotes(self, context: dict[str, Any], jinja_env: Environment | None = None) -> None:
        """docxtpl's, except that each footnotes part is rendered once, not once per section."""
        footnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
        for part in self.docx.part.package.parts:
            if part.content_type == footnotes:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                xml = self.render_xml_part(self.patch_xml(blob), part, context, jinja_env)
                part._blob = xml.encode("utf-8")

    def patch_xml(self, src_xml: str) -> str:
        return cached_patch(src_xml, super().patch_xml)

    def fix_tables(self, xml: str):
        if self.column_loops:
            return super().fix_tables(xml)
        # Without column loops every row already matches its grid: parse only, as docxtpl does.
        return etree.fromstring(xml, etree.XMLParser(recover=True))

    def _loop_to_call(self, loop: re.Match) -> str:
        prototype = RowPrototype(loop.group("row"), loop.group("name"))
        if None in prototype.paths:
            return loop.group(0)
        self.prototypes.append(prototype)
        return f"{{{{ {_ROWS_GLOBAL}({len(self.prototypes) - 1}, {loop.group('items')}) }}}}"

    def _rows(self, index: int, items) -> Markup:
        items = items if isinstance(items, (list, tuple)) else list(items)
        budget = getattr(self.environment, "budget", None)
        if budget is not None:
            budget.step(len(items))
        rows = self.prototypes[index].render(items, self.environment)
        if budget is not None:
            budget.output(len(rows))
        # What docxtpl does to Jinja's output after rendering (rarely needed).
        if _LISTING.search(rows):  # a value with a tab or a line break
            rows = self.resolve_listing(rows)
        self.spliced_rows.append(rows)
        return Markup(_PLACEHOLDER.format(len(self.spliced_rows) - 1))

    def splice(self, document_xml: bytes) -> bytes:
        """word/document.xml as saved, with every placeholder row replaced by its rows."""
        if not self.spliced_rows:
            return document_xml
        text = document_xml.decode("utf-8")
        pieces, position = [], 0
        for index, rows in enumerate(self.spliced_rows):
            placeholder = _PLACEHOLDER.format(index)
            found = text.find(placeholder, position)
            if found < 0:
                raise RuntimeError(f"rendered rows {index} lost their place in word/document.xml")
            pieces += [text[position:found], rows]
            position = found + len(placeholder)
        pieces.append(text[position:])
        return "".join(pieces).encode("utf-8")


class _CachingEnvironment:
    """Stands in for the Jinja environment in docxtpl's ``from_string`` call: same environment,
    but the compiled template comes from the bytecode cache when the text is unchanged."""

    def __init__(self, environment: Environment) -> None:
        self.environment = environment

    def from_string(self, source: str):
        environment = self.environment
        cache = bytecode_cache()
        if cache is None:
            return environment.from_string(source)
        # Compiled code depends on the environment's class and autoescape as well as the text.
        digest = hashlib.sha1(source.encode("utf-8")).hexdigest()
        name = f"{type(environment).__name__}-{REVISION}-{environment.autoescape}-{digest}"
        cached = environment.overlay(loader=FunctionLoader(lambda _: (source, None, lambda: True)),
                                     bytecode_cache=cache, cache_size=0)
        return cached.get_template(name)


class _BestEffortCache(FileSystemBytecodeCache):
    """A cache that cannot be read (a damaged file) or written (read-only home, full disk) only
    costs the compile time."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 (pickle and marshal raise many kinds on damaged data)
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_folder() -> Path | None:
    """$PCFDOC_CACHE_DIR, else ~/.cache/pcfdoc; None if it cannot be made or PCFDOC_CACHE_DIR is
    empty (no cache)."""
    folder = os.environ.get("PCFDOC_CACHE_DIR")
    if folder == "":
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base) / "pcfdoc"
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Path(folder)


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's bytecode cache in the cache folder, if there is one."""
    folder = cache_folder()
    return None if folder is None else _BestEffortCache(str(folder), "jinja-%s.cache")


def cached_patch(xml: str, patch: Callable[[str], str]) -> str:
    """``patch(xml)``, from the cache folder when this XML was patched before.

    docxtpl's patch_xml runs some forty regular expressions over the template: 0.1 s of every
    build for a result that only changes with the template.
    """
    folder = cache_folder()
    if folder is None:
        return patch(xml)
    path = folder / f"patched-{_digest(xml)}.xml"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        # The first line is the digest of the rest: a damaged file is patched again, not used.
        digest, _, patched = path.read_text("utf-8").partition("\n")
        if digest == _digest(patched):
            return patched
    patched = patch(xml)
    handle, temporary = None, None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(f"{_digest(patched)}\n{patched}")
        os.replace(temporary, path)
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
    return patched


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
