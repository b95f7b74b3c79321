"""WSGI entry point: `gunicorn kvarken.wsgi` (production settings unless told otherwise)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvarken.settings.production")

application = get_wsgi_application()

# Search's dictionaries take seconds to load: at start, not in a visitor's first search.
from search.lemmas import warm_up  # noqa: E402 (needs the settings above)

warm_up()
