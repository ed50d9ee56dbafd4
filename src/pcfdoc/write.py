"""Writing outputs: whole files or nothing, never a half-written one.

All the outputs of one build (every model's report, every format) are written by
:func:`write_together`: each is staged as a hidden file beside its target, and only when every
one is complete are they moved into place. Any failure removes what was staged and leaves the
files that were there byte-for-byte as they were. A build that is killed while staging leaves
its staged files behind; the next build of the same outputs removes them (their names carry
the process id, so a build still running in parallel keeps its own).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import secrets
import stat
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from .errors import OutputError

#: Suffix of staged files: '.NAME.PID.RANDOM.pcfdoc-staged'.
STAGED = ".pcfdoc-staged"
_STAGED_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]+(?:\.backup)?" + re.escape(STAGED) + "$")
#: A staged file older than this is a leftover whatever its process id says.
_ABANDONED_SECONDS = 24 * 3600


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


def write_together(outputs: Mapping[Path, bytes]) -> None:
    """Write every file of ``outputs`` or none of them (see the module doc); OutputError on failure."""
    created = _make_folders({path.parent for path in outputs})
    staged: dict[Path, Path] = {}
    try:
        for path in outputs:
            _refuse_non_file(path)
            remove_leftovers(path)
        for path, data in outputs.items():
            staged[path] = _stage(path, data)
    except OSError as exc:
        _discard(staged.values())
        _remove_folders(created)
        raise OutputError(f"{_failed_path(exc, outputs)}: cannot write ({exc.strerror or exc}); "
                          "nothing was written, check the output folder") from None
    except BaseException:
        _discard(staged.values())
        _remove_folders(created)
        raise
    _move_into_place(staged)


def remove_leftovers(path: Path) -> None:
    """Remove what killed builds staged for ``path``, keeping what running builds are staging."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for name in names:
        match = _STAGED_NAME.match(name)
        if not match or match.group("name") != path.name:
            continue
        leftover = folder / name
        with contextlib.suppress(OSError):
            old = now - leftover.stat().st_mtime > _ABANDONED_SECONDS
            if old or not _alive(int(match.group("pid"))):
                leftover.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would signal it there; rely on the age instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _staged_name(path: Path, backup: bool = False) -> Path:
    kind = ".backup" if backup else ""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{kind}{STAGED}")


def _refuse_non_file(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "a folder of that name is in the way", str(path))
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise OSError(0, "something other than a file is in the way", str(path))


def _stage(path: Path, data: bytes) -> Path:
    """``data`` in a staged file beside ``path``, flushed to disk, with the permissions ``path`` has."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    staged = _staged_name(path)
    handle = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(handle, "wb") as file:
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                with contextlib.suppress(OSError):  # nor on every file system
                    os.fchmod(file.fileno(), mode)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except BaseException as exc:
        staged.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not exc.filename:
            exc.filename = str(path)
        raise
    return staged


def _move_into_place(staged: Mapping[Path, Path]) -> None:
    """Replace each target by its staged file; if one fails, put back every file replaced so far."""
    backups: dict[Path, Path | None] = {}
    existed: set[Path] = set()
    moved: list[Path] = []
    try:
        for path, new in staged.items():
            if path.exists():
                existed.add(path)
            backups[path] = _backup(path)
            os.replace(new, path)
            moved.append(path)
    except OSError as exc:
        for path in moved:
            backup = backups[path]
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, path)
                elif path not in existed:
                    path.unlink()  # it did not exist before this build
        _discard(staged.values())
        _discard(backup for backup in backups.values() if backup is not None)
        raise OutputError(f"{exc.filename or next(iter(staged))}: cannot write ({exc.strerror or exc}); "
                          "nothing was written, check the output folder") from None
    _discard(backup for backup in backups.values() if backup is not None)


def _backup(path: Path) -> Path | None:
    """A second name (a hard link) for the file at ``path``, to put it back if a later move fails."""
    if not path.exists():
        return None
    backup = _staged_name(path, backup=True)
    try:
        os.link(path, backup)
    except OSError:  # a file system without hard links: no way back, as with a plain os.replace
        return None
    return backup


def _discard(paths) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            Path(path).unlink(missing_ok=True)


def _make_folders(folders) -> list[Path]:
    """Create the missing folders; return those created, deepest first."""
    created: list[Path] = []
    try:
        for folder in sorted(folders, key=lambda f: len(f.parts)):
            missing = [f for f in (folder, *folder.parents) if not f.exists()]
            folder.mkdir(parents=True, exist_ok=True)
            created += [f for f in missing if f not in created]
    except OSError as exc:
        _remove_folders(created)
        raise OutputError(f"{exc.filename or folder}: cannot create the output folder "
                          f"({exc.strerror or exc}); check the path") from None
    return sorted(created, key=lambda f: len(f.parts), reverse=True)


def _remove_folders(created: list[Path]) -> None:
    for folder in created:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _failed_path(exc: OSError, outputs: Mapping[Path, bytes]) -> str:
    if exc.filename:
        name = Path(str(exc.filename))
        for path in outputs:  # name the output, not its staged file
            if name == path or (name.parent == path.parent and name.name.startswith(f".{path.name}.")):
                return str(path)
        return str(name)
    return str(next(iter(outputs)))


def reproducible_zip(package: bytes, date: dt.date,
                     transforms: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """Rewrite a zip with every entry stamped ``date`` and fixed attributes, order kept.

    ``transforms`` maps an entry's name to a function that rewrites its content on the way.
    """
    transforms = transforms or {}
    # A zip entry can be dated 1980 to 2107 only (specs allow 1980 to 2099).
    stamp = (min(max(date.year, 1980), 2107), date.month, date.day, 0, 0, 0)
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
