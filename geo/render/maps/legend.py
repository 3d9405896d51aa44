"""The map legend: a Leaflet control with the escaped legend HTML and the map's CSS."""

from __future__ import annotations

from collections.abc import Mapping

from branca.element import MacroElement
from folium.template import Template

from geo.render.html import esc as escape_html
from geo.render.maps.style import _SEA_COLOUR, EXPORT_OUTLINES
from geo.render.palette import MINERAL_COLOURS, MINERAL_LABELS, OTHER_COLOUR

_LEGEND_WIDTH_PX = 215


class _Legend(MacroElement):
    """A Leaflet control holding pre-escaped legend HTML, plus the map's CSS."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "mines-legend");
                div.innerHTML = {{ this.legend_html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, legend_html: str, css: str):
        super().__init__()
        self._name = "Legend"
        self.legend_html = legend_html
        self.css = css


_CSS = f"""
.leaflet-container {{ background: {_SEA_COLOUR}; }}
.leaflet-overlay-pane > svg {{ pointer-events: none; }}  /* let clicks reach lower panes */
.mines-legend {{ background: rgba(255,255,255,.93); padding: 4px 8px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 11px/1.3 system-ui, sans-serif; color: #222;
  width: {_LEGEND_WIDTH_PX - 30}px; }}
.mines-legend summary {{ cursor: pointer; font-weight: 600; }}
.mines-legend .grid {{ display: grid; grid-template-columns: 1fr 1fr; column-gap: 6px; }}
.mines-legend .row {{ display: flex; align-items: center; gap: 4px; margin: 0; }}
.mines-legend svg {{ flex: none; }}
.mines-legend hr {{ border: 0; border-top: 1px solid #ddd; margin: 4px 0; }}
path.mine-marker {{ filter: drop-shadow(0 0 .6px rgba(0,0,0,.85)); }}
path.mine-marker.many {{ filter: none; }}  /* a filter on thousands of paths slows every frame */
.crossing-marker .crossing-icon {{ width: 8px; height: 8px; margin: 1px; background: #fff;
  border: 2px solid #222; transform: rotate(45deg); box-sizing: border-box; }}
.tt-approx {{ color: #555; }}
"""


def _legend_html(mineral_labels: Mapping[str, str] | None) -> str:
    labels = {**MINERAL_LABELS, **(mineral_labels or {})}

    def dot(fill: str, stroke: str, opacity: float = 1.0, ring: bool = False) -> str:
        ring_svg = (
            '<circle cx="10" cy="8" r="7" fill="none" stroke="#555" stroke-width="1" '
            'stroke-dasharray="3 2"/>'
            if ring
            else ""
        )
        return (
            f'<svg width="20" height="16" aria-hidden="true">{ring_svg}'
            f'<circle cx="10" cy="8" r="4.5" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{2 if ring else 1}" opacity="{opacity}"/></svg>'
        )

    rows = ['<details open><summary>Legend: primary mineral</summary><div class="grid">']
    for mineral_id, colour in [*MINERAL_COLOURS.items(), ("", OTHER_COLOUR)]:
        label = labels.get(mineral_id, mineral_id.replace("_", " ")) if mineral_id else "Other"
        rows.append(f'<div class="row">{dot(colour, "#222")}{escape_html(label)}</div>')
    rows += [
        "</div><hr>",
        f'<div class="row">{dot("#777", "#222")}exact site or town</div>',
        f'<div class="row">{dot("#fff", "#555", ring=True)}approximate location '
        "(ring = uncertainty radius)</div>",
        f'<div class="row">{dot("#777", "#222", opacity=0.3)}outside the filter</div>',
        '<div class="row"><svg width="20" height="16" aria-hidden="true">'
        '<rect x="6" y="4" width="8" height="8" fill="#fff" stroke="#222" stroke-width="2" '
        'transform="rotate(45 10 8)"/></svg>border crossing (export route)</div>',
        "<hr><div class=\"row\"><b>On the as-of date</b></div>",
        '<div class="row"><svg width="20" height="16" aria-hidden="true"><circle cx="10" cy="8" r="5" '
        f'fill="#777" stroke="{EXPORT_OUTLINES["halted"]}" stroke-width="2.5" stroke-dasharray="2 2"/></svg>'
        "exports reported halted</div>",
        '<div class="row"><svg width="20" height="16" aria-hidden="true"><circle cx="10" cy="8" r="5" '
        f'fill="#777" stroke="{EXPORT_OUTLINES["continued"]}" stroke-width="2.5"/></svg>'
        "exports reported continuing</div>",
        '<div class="row"><svg width="20" height="16" aria-hidden="true"><circle cx="10" cy="8" r="5" '
        f'fill="#777" stroke="{EXPORT_OUTLINES["mixed"]}" stroke-width="2.5" stroke-dasharray="5 2"/></svg>'
        "minerals differ (one halted, one continuing: see the panel)</div>",
        '<div class="row"><svg width="20" height="16" aria-hidden="true"><circle cx="10" cy="8" r="7" '
        'fill="none" stroke="#111" stroke-width="1.5" stroke-dasharray="1 2"/></svg>'
        "a mineral banned (even with exemption), capped or suspended</div>",
        "</details>",
    ]
    return "".join(rows)
