"""Writes to the data package: atomic (temporary file and rename) and under one lock.

Every writer takes :func:`package_lock` (an exclusive ``flock`` on ``data/.ingest.lock``) and
writes each file with :func:`write_atomic`, so a reader sees the old file or the new one,
never half of one, and two writers never interleave.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

LOCK_NAME = ".ingest.lock"


class LockedError(Exception):
    """The package lock could not be taken in time."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600): keep the mode of the file it replaces.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def package_lock(data_dir: Path, timeout: float = 60.0):
    """An exclusive lock on the package (``data/.ingest.lock``), shared by every writer."""
    import fcntl

    path = Path(data_dir) / LOCK_NAME
    fh = open(path, "a+")  # noqa: SIM115 - held for the duration of the context
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockedError(f"{data_dir} is locked by another writer; try again later") from None
                time.sleep(0.05)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()
