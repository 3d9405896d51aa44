"""Where an export may be written: the one check every file-writing export goes through.

An export target must be a file name (not empty, not a folder) in a folder that exists, and
never inside the data package (the package folder, or any folder holding a
``datapackage.json``). An existing target is refused unless ``force`` is given, and then only
when it is a regular file: a symbolic link, a FIFO, a device or a socket is never followed,
opened or replaced. :func:`write_target` checks and then writes atomically (temporary file and
rename in the same folder). A refused target raises :class:`TargetError` with a one-line
message for the command line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from geo.io.atomic import write_atomic

PACKAGE_MARKER = "datapackage.json"


class TargetError(ValueError):
    """An export target that is refused; the message says why in one line."""


def check_target(out: str | os.PathLike | None, package: str | os.PathLike | None = None,
                 force: bool = False) -> Path:
    """``out`` as a Path if an export may write it, else :class:`TargetError`."""
    raw = os.fspath(out) if out is not None else ""
    if not raw.strip():
        raise TargetError("the output file name is empty: give one, e.g. --out events.csv")
    if "\0" in raw:
        raise TargetError("the output file name holds a NUL character")
    path = Path(raw)
    if raw.endswith(os.sep) or path.name in ("", ".", ".."):
        raise TargetError(f"{raw!r} is not a file name")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise TargetError(f"{raw}: cannot be checked ({exc.strerror or exc})") from None
    parent = path.parent
    if not parent.is_dir():
        raise TargetError(f"{raw}: the folder {str(parent)!r} does not exist")
    real_parent = parent.resolve()
    if package is not None and _inside(real_parent, Path(package).resolve()):
        raise TargetError(f"{raw} is inside the data package {str(package)!r}: exports never write there; "
                          "choose a file outside it")
    if (real_parent / PACKAGE_MARKER).exists():
        raise TargetError(f"{raw} is in a data package folder (it holds {PACKAGE_MARKER}): exports never write "
                          "there; choose a file outside it")
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise TargetError(f"{raw} is a symbolic link: exports never follow or replace one; remove it or "
                              "choose another name")
        if stat.S_ISDIR(info.st_mode):
            raise TargetError(f"{raw} is a folder: give a file name inside it")
        if not stat.S_ISREG(info.st_mode):
            raise TargetError(f"{raw} is not a regular file (a pipe, device or socket): exports never write to one")
        if not force:
            raise TargetError(f"{raw} already exists: pass --force to replace it")
    return path


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def write_target(out: Path, payload: bytes, package: str | os.PathLike | None = None, force: bool = False) -> Path:
    """Check ``out`` (:func:`check_target`) and write ``payload`` to it atomically."""
    path = check_target(out, package, force)
    write_atomic(path, payload)
    return path
