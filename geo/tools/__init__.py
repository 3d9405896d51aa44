"""Tools that are not part of the app: the benchmark and synthetic packages (no Streamlit)."""
