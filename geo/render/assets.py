"""Offline map assets: Leaflet, jQuery and Leaflet.markercluster served by Streamlit itself.

folium's generated map loads its JavaScript and CSS from CDNs; without internet the
streamlit-folium component then stays blank. Instead:

1. a set-up step (``python -m geo.assets``) copies the files out of the installed PyPI packages
   ``xstatic-leaflet``, ``xstatic-jquery`` and ``xstatic-leaflet-markercluster`` into the
   git-ignored folder ``static/vendor/`` (third-party code is never committed);
2. Streamlit serves ``static/`` at ``/app/static/`` (``[server] enableStaticServing = true`` in
   ``.streamlit/config.toml``);
3. every folium Map (and MarkerCluster plugin) is given ``default_js``/``default_css`` lists
   that point there (:func:`make_offline`), so the page references no CDN at all.

Only Leaflet and jQuery (plus markercluster where it is used) are loaded: Bootstrap,
awesome-markers and Font Awesome are dropped, so ``folium.Icon`` must not be used.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib
import shutil
from dataclasses import dataclass
from pathlib import Path

#: URL under which Streamlit serves ``<app dir>/static/vendor`` (static serving enabled).
STATIC_URL = "/app/static/vendor"
#: Folder, relative to the app's root, that :func:`install` fills (git-ignored).
VENDOR_DIR = Path("static") / "vendor"


class AssetsError(RuntimeError):
    """A package that provides the offline assets is missing or incomplete."""


@dataclass(frozen=True)
class _Source:
    module: str  # xstatic module holding the files under BASE_DIR
    pip_name: str  # what to install if the module is missing
    files: tuple[tuple[str, str], ...]  # (path in the package, path under static/vendor)
    dirs: tuple[tuple[str, str], ...] = ()  # whole folders, same convention


_SOURCES = (
    _Source(
        "xstatic.pkg.leaflet",
        "xstatic-leaflet==1.9.3.0",
        files=(("leaflet.js", "leaflet/leaflet.js"), ("leaflet.css", "leaflet/leaflet.css")),
        dirs=(("images", "leaflet/images"),),
    ),
    _Source(
        "xstatic.pkg.jquery",
        "xstatic-jquery==3.7.1.1",
        files=(("jquery.min.js", "jquery/jquery.min.js"),),
    ),
    _Source(
        "xstatic.pkg.leaflet_markercluster",
        "xstatic-leaflet-markercluster==1.4.1.1",
        files=(
            ("leaflet.markercluster.js", "leaflet.markercluster/leaflet.markercluster.js"),
            ("MarkerCluster.css", "leaflet.markercluster/MarkerCluster.css"),
            ("MarkerCluster.Default.css", "leaflet.markercluster/MarkerCluster.Default.css"),
        ),
    ),
)


def _url(relative: str) -> str:
    return f"{STATIC_URL}/{relative}"


def map_default_js() -> list[tuple[str, str]]:
    """``default_js`` for a folium Map: local Leaflet and jQuery (names as folium uses them)."""
    return [("leaflet", _url("leaflet/leaflet.js")), ("jquery", _url("jquery/jquery.min.js"))]


def map_default_css() -> list[tuple[str, str]]:
    """``default_css`` for a folium Map: local Leaflet CSS only."""
    return [("leaflet_css", _url("leaflet/leaflet.css"))]


def markercluster_default_js() -> list[tuple[str, str]]:
    """``default_js`` for folium.plugins.MarkerCluster / FastMarkerCluster."""
    return [("markerclusterjs", _url("leaflet.markercluster/leaflet.markercluster.js"))]


def markercluster_default_css() -> list[tuple[str, str]]:
    """``default_css`` for folium.plugins.MarkerCluster / FastMarkerCluster."""
    return [
        ("markerclustercss", _url("leaflet.markercluster/MarkerCluster.css")),
        ("markerclusterdefaultcss", _url("leaflet.markercluster/MarkerCluster.Default.css")),
    ]


def make_offline(element):
    """Point a folium Map or (Fast)MarkerCluster at the local assets; returns the element.

    Sets instance attributes, so folium's class-level CDN lists are left untouched.
    """
    import folium
    from folium.plugins import FastMarkerCluster, MarkerCluster

    if isinstance(element, MarkerCluster | FastMarkerCluster):
        element.default_js = markercluster_default_js()
        element.default_css = markercluster_default_css()
    elif isinstance(element, folium.Map):
        element.default_js = map_default_js()
        element.default_css = map_default_css()
    else:
        raise TypeError(f"no offline assets known for {type(element).__name__}")
    return element


def _base_dir(source: _Source) -> Path:
    try:
        module = importlib.import_module(source.module)
    except ModuleNotFoundError as exc:
        raise AssetsError(
            f"Python package for {source.module!r} is not installed; "
            f"run: pip install {source.pip_name}"
        ) from exc
    return Path(module.BASE_DIR)


def _plan(root: Path) -> list[tuple[Path, Path]]:
    """(source file, target file) pairs; raises AssetsError if anything is missing."""
    vendor = Path(root) / VENDOR_DIR
    pairs: list[tuple[Path, Path]] = []
    for source in _SOURCES:
        base = _base_dir(source)
        for src, dst in source.files:
            pairs.append((base / src, vendor / dst))
        for src, dst in source.dirs:
            folder = base / src
            if not folder.is_dir():
                raise AssetsError(f"{source.pip_name}: folder {folder} is missing")
            for path in sorted(p for p in folder.iterdir() if p.is_file()):
                pairs.append((path, vendor / dst / path.name))
    for src, _ in pairs:
        if not src.is_file():
            raise AssetsError(f"{src} is missing; reinstall the package that should provide it")
    return pairs


def install(root: Path) -> list[Path]:
    """Copy the assets into ``root/static/vendor``; returns every target path.

    Idempotent: files already present with identical content are not rewritten.
    """
    installed = []
    for src, dst in _plan(Path(root)):
        if not (dst.is_file() and filecmp.cmp(src, dst, shallow=False)):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        installed.append(dst)
    return installed


def missing(root: Path) -> list[Path]:
    """Target files not yet installed under ``root/static/vendor`` (empty when ready).

    Cheap check for the app to show a clear message instead of a blank map.
    """
    vendor = Path(root) / VENDOR_DIR
    wanted = [vendor / dst for s in _SOURCES for _, dst in s.files]
    wanted += [vendor / dst / "layers.png" for s in _SOURCES for _, dst in s.dirs]
    return [p for p in wanted if not p.is_file()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geo.render.assets",
        description="Copy Leaflet, jQuery and markercluster from installed PyPI packages "
        "into <root>/static/vendor for offline maps.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parents[2],
        help="app root folder (default: the repository root)",
    )
    args = parser.parse_args(argv)
    try:
        paths = install(args.root)
    except AssetsError as exc:
        parser.exit(1, f"error: {exc}\n")
    root = args.root.resolve()
    for path in paths:
        print(path.resolve().relative_to(root))
    print(f"{len(paths)} files in {root / VENDOR_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
