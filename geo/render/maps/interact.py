"""How the map behaves in the browser: clicks, the mouse wheel, markers that overlap, labels, small screens.

One static script (the same on every rerun, so st_folium never remounts the map):

- **First click.** Leaflet focuses the map on mousedown; when the map reaches below the window,
  the browser scrolls the page to show the focused map between mousedown and mouseup, so the
  first click lands elsewhere and is lost. The map is focused without scrolling.
- **Mouse wheel.** The wheel scrolls the page, not the map, until the map is clicked (or
  focused); leaving the map gives the wheel back to the page. A hint says so.
- **Overlapping markers.** Mine markers closer than :data:`SPREAD_PX` on screen (mines known
  only to the same county or province share one stored point) are drawn on a small ring around
  their centre, in pixels, at every zoom, with a thin line to the stored point. The markers keep
  their stored coordinates (a click still reports them; the tooltip tells mines on one point
  apart, see :func:`geo.render.maps.click.resolve_click`); the halo of the selected mine follows
  its marker.
- **Labels.** Mine names are written beside the markers where there is room: selected and
  active mines first, a label that would overlap another is left out (hover shows every name).
- **No rerun on load.** The component's first value equals st_folium's default, so drawing the map
  does not rerun the page.
- **Small screens.** The legend and the layer control start collapsed on a map narrower than
  :data:`NARROW_PX` (a phone).
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

#: Markers whose centres are closer than this (screen pixels) are spread on a ring.
SPREAD_PX = 14
#: A map narrower than this (px) starts with the legend collapsed.
NARROW_PX = 480
#: Most markers the browser declutters and labels (above, as drawn: the compact layer's scale).
MAX_DECLUTTER = 2000

_CSS = """
.nk-label { position: absolute; white-space: nowrap; font: 600 11px/1.2 system-ui, sans-serif; color: #1d1d1d;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; pointer-events: none; }
.nk-label.nk-selected { font-size: 12px; color: #000; }
.nk-wheel-hint { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); z-index: 1000;
  background: rgba(0,0,0,.7); color: #fff; padding: 6px 10px; border-radius: 4px; pointer-events: none;
  font: 13px/1.3 system-ui, sans-serif; opacity: 0; transition: opacity .2s; }
.nk-wheel-hint.on { opacity: 1; }
"""

_SCRIPT = r"""
(function () {
    var map = {{ this._parent.get_name() }};
    var SPREAD = {{ this.spread_px }}, MAX = {{ this.max_markers }}, RING_MAX = 8;

    // First click: focus the map without scrolling the page under the pointer.
    var kb = map.keyboard;
    if (kb) {
        kb.disable();
        kb._onMouseDown = function () {
            if (this._focused) { return; }
            try { this._map._container.focus({preventScroll: true}); } catch (e) { /* old browsers */ }
        };
        kb.enable();
    }

    // Mouse wheel: the page's until the map is clicked.
    map.scrollWheelZoom.disable();
    var container = map.getContainer();
    var hint = L.DomUtil.create('div', 'nk-wheel-hint', container);
    hint.textContent = 'Click the map to zoom with the mouse wheel';
    var hintTimer = null;
    container.addEventListener('wheel', function () {
        if (map.scrollWheelZoom.enabled()) { return; }
        L.DomUtil.addClass(hint, 'on');
        clearTimeout(hintTimer);
        hintTimer = setTimeout(function () { L.DomUtil.removeClass(hint, 'on'); }, 1400);
    }, {passive: true});
    map.on('focus click mousedown', function () { map.scrollWheelZoom.enable(); L.DomUtil.removeClass(hint, 'on'); });
    map.on('blur mouseout', function () { map.scrollWheelZoom.disable(); });

    // No rerun when the map appears: streamlit-folium sends its first value as soon as the map is drawn
    // unless it equals the default st_folium was given, and they differ only in the click count (0 here,
    // None in Python). Sent, it reran the whole page just after the first paint (at 10,000 mines the
    // run, both 10,000-name lists sent again and the page redrawn: 0.6-1.1 s of a busy page).
    var g0 = window.__GLOBAL_DATA__;
    if (g0 && g0.last_object_clicked_count === 0 && g0.previous_data
        && g0.previous_data.last_object_clicked_count === null) {
        g0.last_object_clicked_count = null;  // a click adds 1: null + 1 is 1
    }

    // A click on a mine goes to the app at once: streamlit-folium sends it after a 250 ms debounce.
    // Same value, same key order as streamlit-folium's own update, which then finds nothing new to send.
    var CLICK_KEYS = ['last_object_clicked', 'last_object_clicked_count', 'last_object_clicked_tooltip'];
    map.on('click', function () {
        var g = window.__GLOBAL_DATA__, S = window.Streamlit;
        if (!g || !S || !g.returned_objects || g.last_object_clicked_count === g._nkSentCount) { return; }
        if (g.returned_objects.some(function (k) { return CLICK_KEYS.indexOf(k) === -1; })) { return; }
        var u = {};
        CLICK_KEYS.forEach(function (k) { if (g.returned_objects.indexOf(k) !== -1) { u[k] = g[k]; } });
        u = JSON.parse(JSON.stringify(u));
        g._nkSentCount = g.last_object_clicked_count;
        if (JSON.stringify(g.previous_data) !== JSON.stringify(u)) { g.previous_data = u; S.setComponentValue(u); }
    });

    // Overlapping markers: a pixel offset applied when the marker is projected.
    if (!L.CircleMarker.prototype._nkPatched) {
        var project = L.CircleMarker.prototype._project;
        L.CircleMarker.prototype._project = function () {
            project.call(this);
            if (this._nkOffset) {
                this._point = this._point.add(this._nkOffset);
                this._updateBounds();
            }
        };
        L.CircleMarker.prototype._nkPatched = true;
    }

    var pane = map.createPane('nk-labels');
    pane.style.zIndex = 450;
    pane.style.pointerEvents = 'none';
    var leaders = L.layerGroup().addTo(map);
    var measure = document.createElement('canvas').getContext('2d');
    var parser = new DOMParser();

    function markerName(layer) {
        if (layer._nkName !== undefined) { return layer._nkName; }
        var tip = layer.getTooltip && layer.getTooltip();
        var content = tip ? tip.getContent() : '';
        if (layer.feature && layer.feature.properties && typeof layer.feature.properties.tooltip === 'string') {
            content = layer.feature.properties.tooltip;  // GeoJson layers: the tooltip is the layer's
        }
        var name = '';
        if (typeof content === 'string') {
            var doc = parser.parseFromString(content, 'text/html');  // inert: no script, no image load
            var b = doc.querySelector('b');
            name = (b || doc.body).textContent.trim();
        }
        layer._nkName = name;
        return name;
    }

    function isMine(l) { return l instanceof L.CircleMarker && !(l instanceof L.Circle) && l.options.className
                         && l.options.className.indexOf('mine-marker') !== -1; }
    function nkid(l) { return l.options.nkid || (l.feature && l.feature.properties && l.feature.properties.nkid); }
    function isCompanion(l) { return l instanceof L.CircleMarker && !(l instanceof L.Circle) && nkid(l) && !isMine(l); }
    function keyOf(l) { return nkid(l) || ('s' + L.stamp(l)); }

    function setOffset(l, off) {
        var same = (!off && !l._nkOffset) || (off && l._nkOffset && off.equals(l._nkOffset));
        if (same) { return; }
        l._nkOffset = off;
        if (l._map) { l._project(); l.redraw(); }
    }

    function declutter() {
        var mines = [], companions = [];
        map.eachLayer(function (l) {
            if (isMine(l)) { mines.push(l); } else if (isCompanion(l)) { companions.push(l); }
        });
        leaders.clearLayers();
        if (!mines.length || mines.length > MAX) { return mines; }
        var pts = mines.map(function (l) { return map.latLngToLayerPoint(l.getLatLng()); });
        // union-find: markers closer than SPREAD on screen form a group
        var parent = pts.map(function (_, i) { return i; });
        function find(i) { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
        near(pts, SPREAD, function (i, j) { parent[find(i)] = find(j); });
        function near(points, dist, each) {  // calls each(i, j) for the pairs closer than dist
            var grid = {};
            points.forEach(function (p, i) {
                var cx = Math.floor(p.x / dist), cy = Math.floor(p.y / dist);
                for (var dx = -1; dx <= 1; dx++) { for (var dy = -1; dy <= 1; dy++) {
                    (grid[(cx + dx) + ':' + (cy + dy)] || []).forEach(function (j) {
                        if (points[j].distanceTo(p) < dist) { each(i, j); }
                    });
                } }
                var key = cx + ':' + cy;
                (grid[key] = grid[key] || []).push(i);
            });
        }
        var shown = pts.slice(), rings = [];
        // Place each group on a ring round its centre; a ring that comes too close to another
        // marker merges with it, and the groups are placed again (a few rounds at most).
        for (var round = 0; round < 6; round++) {
            var groups = {};
            pts.forEach(function (_, i) { var r = find(i); (groups[r] = groups[r] || []).push(i); });
            shown = pts.slice();
            rings = [];
            Object.keys(groups).forEach(function (g) {
                var idx = groups[g];
                if (idx.length < 2) { return; }
                var cx = 0, cy = 0;
                idx.forEach(function (i) { cx += pts[i].x; cy += pts[i].y; });
                var c = L.point(cx / idx.length, cy / idx.length);
                idx.sort(function (a, b) {
                    var aa = Math.atan2(pts[a].y - c.y, pts[a].x - c.x), bb = Math.atan2(pts[b].y - c.y, pts[b].x - c.x);
                    return (aa - bb) || (a - b);
                });
                if (idx.length <= RING_MAX) {  // one ring, in the order the markers lie round the centre
                    var radius = Math.max(SPREAD, 18 * idx.length / (2 * Math.PI));
                    idx.forEach(function (i, k) {
                        var t = -Math.PI / 2 + 2 * Math.PI * k / idx.length;
                        shown[i] = c.add(L.point(radius * Math.cos(t), radius * Math.sin(t)));
                    });
                } else {  // many: a sunflower spiral packs them closely round the centre
                    idx.sort(function (a, b) { return pts[a].distanceTo(c) - pts[b].distanceTo(c) || (a - b); });
                    idx.forEach(function (i, k) {
                        var r = 9.5 * Math.sqrt(k + 0.5), t = k * 2.39996;
                        shown[i] = c.add(L.point(r * Math.cos(t), r * Math.sin(t)));
                    });
                }
                rings.push({c: c, idx: idx});
            });
            var merged = false;
            near(shown, SPREAD, function (i, j) { if (find(i) !== find(j)) { parent[find(i)] = find(j); merged = true; } });
            if (!merged) { break; }
        }
        var offsets = {};
        pts.forEach(function (p, i) {
            offsets[keyOf(mines[i])] = shown[i].equals(p) ? null : shown[i].subtract(p);
        });
        rings.forEach(function (ring) {
            ring.idx.forEach(function (i) {
                L.polyline([mines[i].getLatLng(), map.layerPointToLatLng(shown[i])],
                           {color: '#333', weight: 1, opacity: 0.6, interactive: false}).addTo(leaders);
            });
            new L.CircleMarker(map.layerPointToLatLng(ring.c), {radius: 2, color: '#333', weight: 1, fillOpacity: 1,
                                                                interactive: false}).addTo(leaders);
        });
        mines.forEach(function (l) { setOffset(l, offsets[keyOf(l)] || null); });
        companions.forEach(function (l) { setOffset(l, offsets[nkid(l)] || null); });
        return mines;
    }

    var labels = [];
    function relabel(mines) {
        labels.forEach(function (el) { el.remove(); });
        labels = [];
        if (!mines.length || mines.length > MAX) { return; }
        var size = map.getSize(), bounds = L.bounds(L.point(-50, -20), size.add(L.point(50, 20)));
        var order = mines.filter(function (l) { return l.options.opacity === undefined || l.options.opacity > 0.5; });
        order.sort(function (a, b) { return (b.options.radius || 0) - (a.options.radius || 0); });  // selected first
        var placed = [];
        mines.forEach(function (l) {  // the markers themselves are obstacles for labels
            var p = map.layerPointToContainerPoint(l._point || map.latLngToLayerPoint(l.getLatLng()));
            var r = l.options.radius || 7;
            placed.push(L.bounds(p.subtract(L.point(r, r)), p.add(L.point(r, r))));
        });
        var mineBoxes = placed.length;
        var origin = container.getBoundingClientRect();
        container.querySelectorAll('.leaflet-control').forEach(function (el) {  // legend, zoom, layers: labels keep off
            var r = el.getBoundingClientRect();
            placed.push(L.bounds(L.point(r.left - origin.left, r.top - origin.top),
                                 L.point(r.right - origin.left, r.bottom - origin.top)));
        });
        order.forEach(function (l) {
            var name = markerName(l);
            if (!name) { return; }
            var p = map.layerPointToContainerPoint(l._point || map.latLngToLayerPoint(l.getLatLng()));
            if (!bounds.contains(p)) { return; }
            var selected = (l.options.radius || 0) >= 9;
            measure.font = (selected ? '600 12px' : '600 11px') + ' system-ui, sans-serif';
            var w = measure.measureText(name).width + 4, h = 14, r = (l.options.radius || 7) + 3;
            var spots = [L.point(p.x + r, p.y - h / 2), L.point(p.x - r - w, p.y - h / 2),
                         L.point(p.x - w / 2, p.y - r - h), L.point(p.x - w / 2, p.y + r)];
            for (var s = 0; s < spots.length; s++) {
                var box = L.bounds(spots[s], spots[s].add(L.point(w, h)));
                var own = L.bounds(p.subtract(L.point(r, r)), p.add(L.point(r, r)));
                var free = box.min.x >= 0 && box.min.y >= 0 && box.max.x <= size.x && box.max.y <= size.y;
                for (var k = 0; free && k < placed.length; k++) {
                    if (k < mineBoxes && placed[k].min.equals(own.min)) { continue; }
                    if (box.intersects(placed[k])) { free = false; }
                }
                if (!free) { continue; }
                var el = L.DomUtil.create('div', 'nk-label' + (selected ? ' nk-selected' : ''), pane);
                el.textContent = name;
                L.DomUtil.setPosition(el, map.containerPointToLayerPoint(spots[s]));
                labels.push(el);
                placed.push(box);
                break;
            }
        });
    }

    // For tests and the benchmark: each mine marker's name and where it is drawn (container pixels).
    window.nkMarkers = function () {
        var out = [];
        map.eachLayer(function (l) {
            if (!isMine(l)) { return; }
            var p = map.layerPointToContainerPoint(l._point || map.latLngToLayerPoint(l.getLatLng()));
            out.push({name: markerName(l), id: keyOf(l), x: p.x, y: p.y, radius: l.options.radius});
        });
        return out;
    };
    window.nkLabels = function () { return labels.map(function (el) { return el.textContent; }); };

    var pending = null, busy = false;
    function refresh() {
        pending = null;
        busy = true;
        try { relabel(declutter()); } finally { busy = false; }
        window.__nkReady = true;
    }
    function schedule() { if (!pending && !busy) { pending = setTimeout(refresh, 0); } }
    map.on('zoomend viewreset resize', schedule);
    container.addEventListener('toggle', schedule, true);  // the legend opened or closed: labels move
    map.on('moveend', function () { if (labels.length || !window.__nkReady) { schedule(); } });
    map.on('layeradd layerremove', schedule);
    map.whenReady(schedule);

    // Small screens: the legend starts collapsed so it does not cover the map, and the country is
    // fitted without the strip the map keeps for the legend on a wider screen.
    var narrow = function () { return container.clientWidth > 0 && container.clientWidth < {{ this.narrow_px }}; };
    var fit = map.fitBounds;
    map.fitBounds = function (bounds, options) {
        if (narrow() && options && options.paddingTopLeft) {
            options = L.extend({}, options, {paddingTopLeft: [8, 8]});
        }
        return fit.call(this, bounds, options);
    };
    map.whenReady(function () {
        if (!narrow()) { return; }
        var details = container.querySelector('.mines-legend details');
        if (details) { details.removeAttribute('open'); }
        var layers = container.querySelector('.leaflet-control-layers');
        if (layers) { L.DomUtil.removeClass(layers, 'leaflet-control-layers-expanded'); }
    });
})();
"""


class MapBehaviour(MacroElement):
    """The script described in the module docstring; add it once to a map."""

    _template = Template(
        "{% macro header(this, kwargs) %}<style>" + _CSS + "</style>{% endmacro %}"
        "{% macro script(this, kwargs) %}" + _SCRIPT + "{% endmacro %}"
    )

    def __init__(self, spread_px: int = SPREAD_PX, max_markers: int = MAX_DECLUTTER, narrow_px: int = NARROW_PX):
        super().__init__()
        self.narrow_px = int(narrow_px)
        self._name = "MapBehaviour"
        self.spread_px = int(spread_px)
        self.max_markers = int(max_markers)
