"""Absolute addresses, for the places that need one: canonical and hreflang links, Open
Graph, JSON-LD, the sitemap, feeds, calendar files, e-mails and the catalogue's QR codes.

They all come from one configured base URL (``BASE_URL`` in the environment, which is
WAGTAILADMIN_BASE_URL), never from the Wagtail Site's hostname nor from the host a
request came in on: the Site says "localhost" on a developer's machine, and a request's
Host header is whatever the visitor (or a proxy) sent. Links a visitor follows stay
relative (``pageurl``, ``page.get_url(request)``) so that they work on any host."""

from django.conf import settings


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url):
    """A path (``/en/news/``) on the configured base URL; an address that already names
    its host (a rendition on a storage service, say) as it is."""
    if not url or not url.startswith("/") or url.startswith("//"):
        return url
    return base_url() + url


def page_absolute_url(page, request=None):
    """The page's address on the configured base URL; None if the page isn't routable."""
    parts = page.get_url_parts(request=request)
    if parts is None or parts[2] is None:
        return None
    return base_url() + parts[2]
