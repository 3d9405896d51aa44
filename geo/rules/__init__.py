"""The rules layer: filters, the sanctions status engine, the as-of state, and loading."""
