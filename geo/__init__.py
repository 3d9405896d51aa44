"""North Korea mines and trade events: the core (pure Python, no Streamlit except geo.state)."""
