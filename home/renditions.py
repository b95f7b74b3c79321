"""Renditions for markup that isn't an {% image %} tag (Open Graph, JSON-LD, company cards)."""

import logging

from wagtail.images.models import Filter, SourceImageIOError

from core.absolute_urls import absolute_url
from core.storage import StorageUnavailable

logger = logging.getLogger(__name__)


def rendition_or_none(image, spec):
    """The rendition, or None while the media store can't make it: the page still
    renders, as it does with Wagtail's {% image %} tag."""
    try:
        return image.get_rendition(spec)
    except (SourceImageIOError, StorageUnavailable, OSError) as error:
        logger.warning("No %s rendition of image %s: %s", spec, image.pk, error)
        return None


def absolute_rendition_url(image, spec):
    rendition = rendition_or_none(image, spec)
    return absolute_url(rendition.url) if rendition else None


def prefetched_rendition(image, spec):
    """``image.get_rendition(spec)``, taken from the renditions prefetched with the image
    (``prefetch_renditions``) without writing it back to the cache. The installed Wagtail's
    get_rendition, which the {% image %} tag calls, writes every rendition it returns to
    the cache, prefetched or not: one Redis SET per card, a directory page's 24 cards
    about 5 ms (fixed upstream in wagtail/wagtail#14541, after this release). None while
    the media store can't make a missing one; the {% image %} tag then renders as usual."""
    spec_filter = image.clean_filter_for_svg(Filter(spec=spec))
    try:
        return image.find_existing_rendition(spec_filter)
    except image.get_rendition_model().DoesNotExist:
        return rendition_or_none(image, spec)
