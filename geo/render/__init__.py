"""The render layer: HTML from autoescaping templates, maps, timeline, charts, tables, palette."""
