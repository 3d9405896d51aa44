"""The validated cache: a package that validated once loads again without re-reading its CSVs.

Key: a BLAKE2 hash of the descriptor and every file of the package (content, not dates), and
of :data:`FORMAT`. Value: the tables of the loaded dataset as Arrow IPC (Feather) files plus a
small JSON document, in ``<package>/.cache/``. Only packages without problems are cached, so
bad data always goes through full validation and reports the same problems. A cache that
cannot be written (read-only folder) or read (missing, corrupt) is simply not used.

Arrow IPC holds no code (unlike pickle): a tampered cache can at worst make a load fail over
to full validation, never run anything. List cells come back as Arrow-backed list columns:
iterating them gives Python lists.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather

from geo.package.read import MAX_FILE_BYTES

#: Bump when what is cached changes shape.
FORMAT = "nk-mines-cache-2"  # 2: a span within its one unit is labelled as that unit ("2016", not "2016 – 2016")
CACHE_DIR = ".cache"
_CHUNK = 1 << 20


def package_key(root: Path, files: list[str]) -> str:
    """Hash of the package's content: the descriptor and the named files (missing ones count as absent)."""
    h = hashlib.blake2b(FORMAT.encode(), digest_size=20)
    for name in ["datapackage.json", *sorted(files)]:
        h.update(b"\0" + name.encode() + b"\0")
        path = root / name
        if not path.is_file():
            h.update(b"<absent>")
            continue
        if path.stat().st_size > MAX_FILE_BYTES:  # validation refuses it unread: never hash it either
            raise OSError(f"{name} is larger than {MAX_FILE_BYTES} bytes")
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
    return h.hexdigest()


def _types(t: pa.DataType):
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pd.ArrowDtype(t)
    return None


def read(root: Path, key: str) -> tuple[dict[str, pd.DataFrame], dict] | None:
    """The cached frames and JSON document for ``key``, or None."""
    folder = root / CACHE_DIR / key
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        frames = {name: feather.read_table(folder / f"{name}.arrow", memory_map=True).to_pandas(types_mapper=_types)
                  for name in meta["frames"]}
    except (OSError, ValueError, KeyError, pa.ArrowException):
        return None
    return frames, meta["doc"]


def write(root: Path, key: str, frames: dict[str, pd.DataFrame], doc: dict) -> None:
    """Store ``frames`` and ``doc`` under ``key`` (replacing older entries); silently skipped on failure."""
    base = root / CACHE_DIR
    with contextlib.suppress(OSError, ValueError, TypeError, pa.ArrowException):
        base.mkdir(exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=base))
        for name, frame in frames.items():
            feather.write_feather(pa.Table.from_pandas(frame, preserve_index=False), tmp / f"{name}.arrow",
                                  compression="uncompressed")
        (tmp / "meta.json").write_text(json.dumps({"frames": list(frames), "doc": doc}), encoding="utf-8")
        os.replace(tmp, base / key)
        for old in base.iterdir():
            if old.name != key:
                _remove(old)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        for f in path.iterdir():
            f.unlink()
        path.rmdir()
