"""The catalogue build's former import path, kept for builds already queued: a queued task
is stored with its path ("companies.tasks.build_catalogue"), which a worker imports when
it runs it. The build lives in companies/catalogue/build.py; nothing is queued here."""

from .catalogue.build import build_catalogue  # noqa: F401
