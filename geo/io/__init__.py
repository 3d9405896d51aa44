"""The io layer: exports, their manifest, formula neutralisation, atomic locked writes."""
