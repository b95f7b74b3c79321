"""The demo content's generated images (company logos, hero pictures) for load_demo and bench/."""
