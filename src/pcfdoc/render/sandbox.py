"""The Jinja environment a report template runs in: it reads data, and its work is bounded.

A custom template (``report.template`` in a spec someone sent, or ``--template``) is untrusted
code. What it may reach:

* data: keys of dicts, items of lists and strings, fields of frozen dataclass records;
* the render helpers the context hands over, and only the methods each names in
  ``template_api`` (``cap.table``, ``cap.figure``; a placed chart has none);
* Jinja's own loop, cycler, joiner and namespace objects, the globals ``range`` and ``dict``,
  and the built-in filters and tests.

Everything else (methods of strings and dicts, attributes of any other object, ``lipsum``,
``{% include %}``, ``{% extends %}``, ``{% import %}``) is refused, so nothing a template
writes can reach a file. Its work is counted against :class:`Limits`: loop iterations, calls,
filters and spliced rows are steps; the text it makes (every ``{{ }}`` value, the literal text
a loop repeats, spliced rows) counts toward the rendered size; no single value (a string, a
list, an integer) may grow past its own limit, checked before it is made; and rendering stops
at a deadline. Exceeding any limit is a :class:`LimitExceeded` template error.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError
from jinja2.runtime import LoopContext, markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace
from jinja2.visitor import NodeTransformer

from ..errors import shorten

#: Names of the hooks the parse step wires into every template (see DataSandbox._parse).
LOOP_HOOK = "_pcfdoc_loop"
CONCAT_HOOK = "_pcfdoc_concat"
#: Steps a call costs: a macro call takes some ten times the time of a loop iteration.
CALL_STEPS = 10
#: Bumped whenever the code compiled from a template changes (the bytecode cache keys on it).
REVISION = "1"

#: What a template may read of Jinja's own objects.
_JINJA_API: dict[type, frozenset[str]] = {
    LoopContext: frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length",
                            "depth", "depth0", "previtem", "nextitem", "cycle", "changed"}),
    Cycler: frozenset({"current", "next", "reset"}),
    Joiner: frozenset(),
}

#: Filters whose work grows with the length of what they are given, even for a string.
_ITERATING_FILTERS = frozenset({
    "batch", "count", "dictsort", "first", "groupby", "items", "join", "last", "length", "list", "map",
    "max", "min", "random", "reject", "rejectattr", "reverse", "select", "selectattr", "slice", "sort",
    "sum", "unique",
})
#: Filters that print what they are given: a list holding one large text many times prints large.
_PRINTING_FILTERS = frozenset({
    "capitalize", "center", "e", "escape", "forceescape", "format", "indent", "join", "lower", "pprint",
    "replace", "safe", "string", "striptags", "title", "tojson", "trim", "truncate", "upper", "urlencode",
    "urlize", "wordcount", "wordwrap", "xmlattr",
})
#: A %-format's width or precision: '%-20.3f'.
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one report's rendering may use. A 10,000-line report takes 42,000 steps and 58 MB of text."""

    steps: int = 1_000_000          # loop iterations, filters and spliced rows; a call counts CALL_STEPS
    rendered: int = 256 * 2**20     # characters of text made, all parts and rows together
    string: int = 16 * 2**20        # characters (or items) of any one value a template makes
    integer_bits: int = 4096        # size of an integer a template computes
    seconds: float = 120.0          # wall-clock time of rendering
    tags: int = 50_000              # {{ }} and {% %} tags in one part of the template
    format_width: int = 1_000       # width or precision in a %-format


class LimitExceeded(TemplateError):
    """A template asked for more work or text than a report needs (see Limits)."""


class Budget:
    """Counts the work and text of one report's rendering against its Limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.steps = 0
        self.rendered = 0
        self.deadline = time.monotonic() + limits.seconds

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > self.limits.steps:
            raise LimitExceeded(
                f"the template does more than {self.limits.steps:,} steps (loop iterations, calls, "
                "filters); a report needs far fewer: look for loops over range() or loops inside loops")
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"rendering took longer than {self.limits.seconds:g} s")

    def output(self, size: int) -> None:
        self.rendered += size
        if self.rendered > self.limits.rendered:
            raise LimitExceeded(
                f"the template makes more than {self.limits.rendered // 2**20:,} MiB of text; "
                "a report needs far less: look for text repeated in loops")

    def value(self, size: int, what: str = "a value") -> None:
        if size > self.limits.string:
            raise LimitExceeded(
                f"{what} of {size:,} characters or items is more than the {self.limits.string:,} a "
                "template may make")


def _is_record(obj: Any) -> bool:
    return (dataclasses.is_dataclass(obj) and not isinstance(obj, type)
            and obj.__dataclass_params__.frozen)


def _size(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 0


class DataSandbox(SandboxedEnvironment):
    """A sandbox that hands a template data and counted work only (see the module doc)."""

    intercepted_binops = frozenset({"+", "*", "**", "%", "/", "//"})

    def __init__(self, limits: Limits | None = None) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True, finalize=self._finalize)
        self.budget = Budget(limits or Limits())
        self.globals = {
            "range": self._range, "dict": dict, "namespace": Namespace, "cycler": Cycler,
            "joiner": Joiner, LOOP_HOOK: self._loop, CONCAT_HOOK: self._concat,
        }
        self.filters = {name: self._counted(name, function) for name, function in self.filters.items()}
        for name, check in (("center", self._check_center), ("indent", self._check_indent),
                            ("format", self._check_format), ("join", self._check_join),
                            ("replace", self._check_replace), ("slice", self._check_slice),
                            ("wordwrap", self._check_wordwrap)):
            self.filters[name] = self._checked(check, self.filters[name])

    # -- what a template may read ---------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        if isinstance(obj, Namespace):
            return True
        api = _JINJA_API.get(type(obj))
        if api is None:
            api = getattr(type(obj), "template_api", None)
        if api is not None:
            return attr in api
        if _is_record(obj):
            return attr in {field.name for field in dataclasses.fields(obj)}
        return False  # methods of str, list, dict and every other object

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Mapping):  # x.name on a dict is its key, never a dict method
            return self._key(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Mapping):
            return self._key(obj, argument)
        if isinstance(obj, (str, Sequence)) and isinstance(argument, (int, slice)):
            try:
                return obj[argument]
            except (IndexError, ValueError):
                return self.undefined(obj=obj, name=argument)
        return super().getitem(obj, argument)

    def _key(self, mapping: Mapping, key: Any) -> Any:
        try:
            return mapping[key]
        except (KeyError, TypeError):
            return self.undefined(obj=mapping, name=key)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        return self.undefined(
            f"{type(obj).__name__} has no {attribute!r} a template may read: a template reads data "
            "(keys, items, record fields) and the helpers cap.table and cap.figure",
            name=attribute, obj=obj, exc=SecurityError)

    # -- counted work ---------------------------------------------------------------------

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        __self.budget.step(CALL_STEPS)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        self.budget.step()
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, type(left)):
            # A list may hold one large value many times: what counts is what its text would be.
            size = self._weight(left) + self._weight(right)
            self.budget.value(size, "a sum")
            self.budget.step(len(left) + len(right))
        elif operator == "*":
            self._check_product(left, right)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            if right > 0 and abs(left).bit_length() * right > self.budget.limits.integer_bits:
                raise LimitExceeded(f"{left} ** {right} is larger than a template may compute")
        elif operator == "%" and isinstance(left, str):
            self._check_format(left, *(right if isinstance(right, tuple) else (right,)))
        try:
            return self.binop_table[operator](left, right)
        except ArithmeticError as exc:  # 1 / 0, a float overflow
            expression = f"{shorten(repr(left), 40)} {operator} {shorten(repr(right), 40)}"
            raise TemplateError(f"{expression}: {exc}") from None

    def _check_product(self, left: Any, right: Any) -> None:
        if isinstance(left, int) and isinstance(right, int) and not isinstance(left, bool):
            if left.bit_length() + right.bit_length() > self.budget.limits.integer_bits:
                raise LimitExceeded("a product larger than a template may compute")
            return
        for sized, count in ((left, right), (right, left)):
            if isinstance(sized, (str, list, tuple)) and isinstance(count, int):
                self.budget.value(self._weight(sized) * max(count, 0), "a repeated value")
                self.budget.step(len(sized) * max(count, 0) if not isinstance(sized, str) else 1)

    def _weight(self, value: Any) -> int:
        """About how many characters ``value`` would print as; counting stops past the value limit."""
        if isinstance(value, str):
            return len(value)
        limit = self.budget.limits.string
        total, pending = 0, [value]
        while pending and total <= limit:
            item = pending.pop()
            if isinstance(item, str):
                total += len(item) + 2
            elif isinstance(item, (list, tuple, set, frozenset)):
                total += 2 + len(item)
                pending.extend(item)
            elif isinstance(item, Mapping):
                total += 2 + 2 * len(item)
                pending.extend(item.keys())
                pending.extend(item.values())
            else:
                total += 8
        return total

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        self.budget.step(len(numbers))
        return numbers

    def _loop(self, iterable: Any, literal_size: int = 0):
        """Every for loop iterates through here: a step and its body's literal text per item."""
        budget = self.budget
        if isinstance(iterable, (str, bytes)):
            budget.step(len(iterable))
        for item in iterable:
            budget.step()
            if literal_size:
                budget.output(literal_size)
            yield item

    def _concat(self, *parts: Any) -> str:
        """``a ~ b``: its length is checked before it is made."""
        self.budget.step()
        texts = [part if isinstance(part, str) else str(part) for part in parts]
        self.budget.value(sum(map(len, texts)), "a joined text")
        return (markup_join if self.autoescape else str_join)(parts)

    def _finalize(self, value: Any) -> Any:
        if isinstance(value, str):
            self.budget.value(len(value), "a text")
            self.budget.output(len(value))
        elif isinstance(value, (list, tuple, Mapping)):  # printed as its repr
            size = self._weight(value)
            self.budget.value(size, "a printed list or table")
            self.budget.output(size)
        return value

    def _counted(self, name: str, function: Callable) -> Callable:
        iterating = name in _ITERATING_FILTERS
        printing = name in _PRINTING_FILTERS

        def counted(*args: Any, **kwargs: Any) -> Any:
            given = _given(function, args)
            size = _size(given[0]) if given else 0
            string = bool(given) and isinstance(given[0], str)
            self.budget.step(1 + (size // 1024 if string and not iterating else size))
            if printing and given and not string:
                self.budget.value(self._weight(given[0]), f"what |{name} prints")
            result = function(*args, **kwargs)
            if isinstance(result, (str, list, tuple)):
                self.budget.value(len(result), f"the result of |{name}")
            return result

        return _passing_like(function, counted)

    def _checked(self, check: Callable, function: Callable) -> Callable:
        def checked(*args: Any, **kwargs: Any) -> Any:
            check(*_given(function, args), **kwargs)
            return function(*args, **kwargs)

        return _passing_like(function, checked)

    # -- checks of the filters that can make large values from small ones -----------------

    def _check_center(self, value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
        if isinstance(width, int):
            self.budget.value(max(width, _size(value)), "a centred text")

    def _check_indent(self, value: Any, width: Any = 4, *_: Any, **__: Any) -> None:
        text = str(value)
        indent = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        self.budget.value(len(text) + (text.count("\n") + 1) * max(indent, 0), "an indented text")

    def _check_format(self, value: Any, *args: Any, **kwargs: Any) -> None:
        text = str(value)
        for width, precision in _PERCENT_SPEC.findall(text):
            for number in (width, precision):
                if number == "*" or (number and int(number) > self.budget.limits.format_width):
                    raise LimitExceeded(
                        f"a %-format width or precision above {self.budget.limits.format_width} "
                        "(or given by *) is more than a report needs")
        values = list(args) + list(kwargs.values())
        if len(values) == 1 and isinstance(values[0], Mapping):
            values = list(values[0].values())
        longest = max((len(str(v)) for v in values), default=0)
        self.budget.value(len(text) + text.count("%") * longest, "a formatted text")

    def _check_join(self, value: Any, separator: Any = "", *_: Any, **__: Any) -> None:
        self.budget.value(_size(value) * len(str(separator)), "a joined text")

    def _check_replace(self, value: Any, old: Any = "", new: Any = "", *_: Any, **__: Any) -> None:
        text, old, new = str(value), str(old), str(new)
        occurrences = len(text) + 1 if not old else len(text) // len(old)
        self.budget.value(len(text) + occurrences * len(new), "a replaced text")

    def _check_slice(self, value: Any, slices: Any = 1, *_: Any, **__: Any) -> None:
        if isinstance(slices, int):
            self.budget.step(max(slices, 0))

    def _check_wordwrap(self, value: Any, width: Any = 79, break_long_words: Any = True,
                        wrapstring: Any = None, *_: Any, **kwargs: Any) -> None:
        text = str(value)
        wrap = str(kwargs.get("wrapstring", wrapstring) or "\n")
        lines = len(text) // max(width if isinstance(width, int) else 1, 1) + text.count("\n") + 1
        self.budget.value(len(text) + lines * len(wrap), "a wrapped text")

    # -- what a template may say ------------------------------------------------------------

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse, refuse what reaches other files, and route loops and ``~`` through the counters."""
        tags = source.count("{{") + source.count("{%")
        if tags > self.budget.limits.tags:
            raise LimitExceeded(f"{tags:,} tags in one part of the template, more than the "
                                f"{self.budget.limits.tags:,} a report template may hold")
        tree = super()._parse(source, name, filename)
        for kind, tag in ((nodes.Extends, "extends"), (nodes.Include, "include"),
                          (nodes.Import, "import"), (nodes.FromImport, "from ... import")):
            found = tree.find(kind)
            if found is not None:
                raise TemplateSyntaxError(
                    f"{{% {tag} %}} is not allowed: a report template is one self-contained document",
                    found.lineno, name, filename)
        recursive_calls = [call for call in tree.find_all(nodes.Call)  # loop(children)
                           if isinstance(call.node, nodes.Name) and call.node.name == "loop" and call.args]
        for loop in list(tree.find_all(nodes.For)):
            literal = sum(len(data.data) for part in loop.body for data in _with_descendants(part)
                          if isinstance(data, nodes.TemplateData))
            loop.iter = _hooked(loop.iter, literal)
        for call in recursive_calls:
            call.args[0] = _hooked(call.args[0], 0)
        tree = _ConcatHook().visit(tree)
        tree.set_environment(self)
        return tree


def _with_descendants(node: nodes.Node):
    yield node
    yield from node.find_all(nodes.Node)


def _hooked(iterable: nodes.Expr, literal: int) -> nodes.Call:
    return nodes.Call(nodes.Name(LOOP_HOOK, "load", lineno=iterable.lineno),
                      [iterable, nodes.Const(literal, lineno=iterable.lineno)], [], None, None,
                      lineno=iterable.lineno)


class _ConcatHook(NodeTransformer):
    """``a ~ b`` becomes a call of the counting join, which checks the length first."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        parts = [self.visit(part) for part in node.nodes]
        return nodes.Call(nodes.Name(CONCAT_HOOK, "load", lineno=node.lineno), parts, [], None, None,
                          lineno=node.lineno)


def _given(function: Callable, args: tuple) -> tuple:
    """The arguments a filter was given in the template: after the context or environment Jinja
    passes first to some filters."""
    return args[1:] if getattr(function, "jinja_pass_arg", None) is not None else args


def _passing_like(function: Callable, wrapper: Callable) -> Callable:
    """``wrapper`` receives what Jinja passes ``function`` (its context or environment, if any)."""
    if hasattr(function, "jinja_pass_arg"):
        wrapper.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return wrapper
