"""Settings: base (shared, secure by default), dev, test and production."""
