"""The source layout: one folder per stage, few modules beside them, imports that flow one way.

Imports are read from the source (every import statement, those inside functions and
``if TYPE_CHECKING`` blocks included), so a cycle hidden in a lazy import is found too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pcfdoc

PACKAGE = Path(pcfdoc.__file__).resolve().parent
STAGE_PACKAGES = {"vocab", "spec", "check", "calc", "render", "export"}
MAX_TOP_LEVEL_MODULES = 8


def module_files() -> dict[str, Path]:
    """Every module of pcfdoc by dotted name (a package by its own name)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "data" in parts:  # data/office/uno_pdf.py runs inside LibreOffice, it is not imported
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The pcfdoc modules ``name`` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in known:  # from package import module
                    found.add(f"{target}.{alias.name}")
                elif target in known:
                    found.add(target)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: imports_of(name, path, set(modules)) for name, path in modules.items()}


def cycle_in(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of nodes (first == last), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def room_of(module: str) -> str:
    """The package a module lives in, or the module itself when it sits at the top."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 or parts[-1] in STAGE_PACKAGES else module


def test_the_cycle_finder_finds_a_cycle_and_accepts_a_chain():
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_imports_inside_functions_and_type_checking_blocks_are_seen():
    graph = import_graph()
    assert "pcfdoc.calc.results" in graph["pcfdoc.export.xlsx"]  # under if TYPE_CHECKING
    assert "pcfdoc.render.docx" in graph["pcfdoc.pipeline"]  # inside a function


def test_no_module_imports_itself_back():
    assert cycle_in(import_graph()) is None


def test_no_package_imports_itself_back():
    rooms: dict[str, set[str]] = {}
    for module, imported in import_graph().items():
        rooms.setdefault(room_of(module), set()).update(
            room_of(other) for other in imported if room_of(other) != room_of(module))
    assert cycle_in(rooms) is None


def test_packages_import_only_those_below_them():
    """vocab speaks to no one, spec only to vocab, calc never to check, and no stage to the orchestrator."""
    below = {
        "pcfdoc.vocab": set(),
        "pcfdoc.spec": {"pcfdoc.vocab"},
        "pcfdoc.calc": {"pcfdoc.vocab", "pcfdoc.spec"},
        "pcfdoc.check": {"pcfdoc.vocab", "pcfdoc.spec", "pcfdoc.calc"},
        "pcfdoc.render": {"pcfdoc.vocab", "pcfdoc.spec", "pcfdoc.calc"},
        "pcfdoc.export": {"pcfdoc.vocab", "pcfdoc.spec", "pcfdoc.calc"},
    }
    shared = {"pcfdoc.errors", "pcfdoc.formatting", "pcfdoc.write"}
    for module, imported in import_graph().items():
        room = room_of(module)
        if room not in below:
            continue
        outside = {room_of(other) for other in imported} - {room} - below[room] - shared
        assert not outside, f"{module} imports {sorted(outside)}"


def test_the_top_holds_only_entry_points_and_shared_modules():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert folders == STAGE_PACKAGES


def test_every_stage_package_says_what_comes_in_and_goes_out():
    for name in STAGE_PACKAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text("utf-8")))
        assert doc and len(doc.split()) >= 30, name


def test_help_loads_none_of_the_heavy_libraries():
    """`pcfdoc --help` stays fast: the commands import what they need when they run."""
    script = ("import sys\nfrom pcfdoc.cli import main\n"
              "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
              "print(' '.join(sorted(m for m in sys.modules)))")
    printed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(printed.stdout.splitlines()[-1].split())
    heavy = {"numpy", "pint", "marshmallow", "docx", "docxtpl", "jinja2", "openpyxl", "xlsxwriter", "lxml",
             "rich"}
    assert not heavy & loaded
    assert "pcfdoc.pipeline" not in loaded


def test_every_data_file_is_packaged():
    """A wheel (pip install ., not -e) holds every data file: package-data lists a pattern for each."""
    import tomllib

    root = PACKAGE.parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"]["pcfdoc"]
    data = {path for path in (PACKAGE / "data").rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}
    packaged = {path for pattern in patterns for path in PACKAGE.glob(pattern)}
    assert data - packaged == set()
    assert len(data) >= 7  # gwp, starter, units, three factor files, the LibreOffice macro
