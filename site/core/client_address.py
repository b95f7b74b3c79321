"""The address a request came from, for login throttling (django-axes) and the inquiry
rate limits: one answer for both.

X-Forwarded-For is whatever the client sent, plus one entry per proxy that passed the
request on. It is read only when TRUSTED_PROXIES says how many proxies of ours append to
it (a load balancer: 1); then the client is the entry the outermost of them appended,
counted from the right, so addresses a client puts in the header itself are ignored.
With TRUSTED_PROXIES = 0 (nothing in front) the header is ignored: REMOTE_ADDR."""

from django.conf import settings
from ipware import get_client_ip


def client_address(request):
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        # python-ipware counts the proxies listed in the header, i.e. all but the last,
        # whose own address is REMOTE_ADDR; not strict, so a longer, spoofed chain still
        # yields the entry at the trusted position. A request without the header did not
        # come through the proxies: its REMOTE_ADDR is the client.
        address, _routable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR") or ""
