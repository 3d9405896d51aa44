"""Colours: the Okabe–Ito colour-blind-safe palette of the map's primary minerals.

Event types, effects, confidence and sanction statuses take their colours from the
vocabulary (:mod:`geo.model.vocabulary`); minerals without a fixed colour are grey.
"""

from __future__ import annotations

from typing import Any

#: Okabe–Ito colour-blind-safe palette, one fixed colour per primary mineral.
MINERAL_COLOURS: dict[str, str] = {
    "iron_ore": "#D55E00",  # vermillion
    "copper": "#E69F00",  # orange
    "rare_earths": "#CC79A7",  # reddish purple
    "tungsten": "#0072B2",  # blue
    "molybdenum": "#56B4E9",  # sky blue
    "magnesia": "#009E73",  # bluish green
    "cobalt": "#000000",  # black
    "zinc": "#F0E442",  # yellow (markers get a dark edge so it stays visible)
}


#: Colour for any mineral without a fixed colour (and for mines with no mineral).
OTHER_COLOUR = "#999999"


#: Default legend labels; the page may pass its own (they are escaped either way).
MINERAL_LABELS: dict[str, str] = {
    "iron_ore": "Iron ore",
    "copper": "Copper",
    "rare_earths": "Rare earths",
    "tungsten": "Tungsten",
    "molybdenum": "Molybdenum",
    "magnesia": "Magnesia",
    "cobalt": "Cobalt",
    "zinc": "Zinc",
}


def mineral_colour(mineral_id: Any) -> str:
    """The marker colour for a mineral id (grey for anything without a fixed colour)."""
    return MINERAL_COLOURS.get(str(mineral_id), OTHER_COLOUR) if mineral_id else OTHER_COLOUR
