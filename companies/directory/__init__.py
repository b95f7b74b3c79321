"""The company directory's facets, counts and sorting, and the facet index behind them."""
