"""What a spec says in its report's language, and what it has not said yet.

* English twins: every printed text key ``X`` may have ``X_en``. An English report
  reads the twin where it is given; :func:`localised` swaps them in before anything is
  calculated, so line names in results, tables and charts all follow.
* Stage names: ``[boundary.stage_names]`` renames stages for display; ids stay.
* Placeholders: text in 【lenticular brackets】 is something the author has still to
  fill in. :func:`placeholders` finds each one in the raw spec, with its path.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from ..errors import SpecPath
from ..vocab.catalogue import STAGE_BY_ID, STAGE_IDS
from .schema import Node
from .valid import ValidSpec

#: The one placeholder form: 【法定代表人姓名】. The starter uses it; a final report refuses it.
PLACEHOLDER = re.compile(r"【[^【】\n]*】")
#: Chinese characters, CJK punctuation and full-width forms: what an English report never holds.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")

_TWIN = "_en"


def placeholders(data: Any, path: SpecPath = ()) -> Iterator[tuple[SpecPath, str]]:
    """(path, placeholder) for every placeholder in the raw spec data, in file order."""
    if isinstance(data, str):
        for match in PLACEHOLDER.finditer(data):
            yield path, match.group()
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders(value, path + (index,))


def localised(valid: ValidSpec, language: str) -> ValidSpec:
    """``valid`` as a report in ``language`` prints it: report.language set, for English every text
    with an English twin replaced by the twin (the spec's own tables and every factor), and the
    assessor of a self-declared study that names none filled in: the company itself."""
    spec = valid.spec
    factors = valid.factors
    if language == "en":
        spec = _english(spec)
        factors = {factor_id: dataclasses.replace(entry, factor=_english(entry.factor))
                   for factor_id, entry in factors.items()}
    report = Node(**{**vars(spec.report), "language": language,
                     "assessor": spec.report.assessor or spec.company.name})
    return dataclasses.replace(valid, spec=Node(**{**vars(spec), "report": report}), factors=factors)


def _english(value: Any) -> Any:
    if isinstance(value, Node):
        attributes = vars(value)
        swapped = {}
        for key, item in attributes.items():
            twin = attributes.get(f"{key}{_TWIN}")
            swapped[key] = twin if twin is not None else _english(item)
        return Node(**swapped)
    if isinstance(value, list):
        return [_english(item) for item in value]
    return value


def untranslated(value: Any, path: SpecPath = ()) -> Iterator[tuple[SpecPath, str]]:
    """(path, text) of every printed text that holds Chinese and has no English twin."""
    if isinstance(value, Node):
        attributes = vars(value)
        for key, item in attributes.items():
            twin_key = f"{key}{_TWIN}"
            if twin_key in attributes:
                if attributes[twin_key] is None and _has_cjk(item):
                    yield path + (key,), _first_cjk_text(item)
            elif not key.endswith(_TWIN):
                yield from untranslated(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from untranslated(item, path + (index,))


def twin_mismatches(value: Any, path: SpecPath = ()) -> Iterator[tuple[SpecPath, int, int]]:
    """(path of the twin, its length, the original's length) where an English list does not pair
    one to one with the list it translates (audience_en against audience)."""
    if isinstance(value, Node):
        attributes = vars(value)
        for key, item in attributes.items():
            twin = attributes.get(f"{key}{_TWIN}")
            if isinstance(item, list) and isinstance(twin, list) and len(twin) != len(item):
                yield path + (f"{key}{_TWIN}",), len(twin), len(item)
            if not key.endswith(_TWIN):
                yield from twin_mismatches(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from twin_mismatches(item, path + (index,))


def _has_cjk(item: Any) -> bool:
    if isinstance(item, str):
        return CJK.search(item) is not None
    if isinstance(item, list):
        return any(isinstance(text, str) and CJK.search(text) for text in item)
    return False


def _first_cjk_text(item: Any) -> str:
    if isinstance(item, list):
        return next(text for text in item if isinstance(text, str) and CJK.search(text))
    return item


def stage_names(spec: Node) -> dict[str, str]:
    """The name each stage is printed under: the spec's display name, else the catalogue's in the
    report's language (an English report never falls back to a Chinese display name)."""
    language = spec.report.language
    chosen = spec.boundary.stage_names if spec.boundary is not None else None
    names = {}
    for stage_id in STAGE_IDS:
        given = getattr(chosen, stage_id, None) if chosen is not None else None
        if language == "en" and given is not None and getattr(chosen, f"{stage_id}{_TWIN}") is None \
                and CJK.search(given):
            given = None  # a Chinese display name without its English twin: the standard English name
        names[stage_id] = given or STAGE_BY_ID[stage_id].name(language)
    return names
