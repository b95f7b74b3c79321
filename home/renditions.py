"""Rendition URLs for markup that isn't an {% image %} tag (Open Graph, JSON-LD)."""

import logging

from kvarken.storage import StorageUnavailable
from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)


def absolute_rendition_url(image, spec, request):
    """The rendition's absolute URL, or None while the media store can't make it: the
    page still renders, as it does with Wagtail's {% image %} tag."""
    try:
        return request.build_absolute_uri(image.get_rendition(spec).url)
    except (SourceImageIOError, StorageUnavailable, OSError) as error:
        logger.warning("No %s rendition of image %s: %s", spec, image.pk, error)
        return None
