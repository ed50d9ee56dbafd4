"""Writing outputs: whole files or nothing, never a half-written one."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Without ``overwrite`` an existing file is an OutputError and stays untouched.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it first")
    if path.exists() and not overwrite:
        raise OutputError(f"{path}: already exists; choose another name or pass --force")
    # mkstemp creates the file readable by its owner only; keep the usual permissions.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def reproducible_zip(package: bytes, date: dt.date,
                     transforms: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """Rewrite a zip with every entry stamped ``date`` and fixed attributes, order kept.

    ``transforms`` maps an entry's name to a function that rewrites its content on the way.
    """
    transforms = transforms or {}
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(package))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            content = source.read(info.filename)
            if info.filename in transforms:
                content = transforms[info.filename](content)
            target.writestr(entry, content)
    return output.getvalue()
