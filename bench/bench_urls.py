"""The site's URLs plus /bench/bytes/<size>/: a view that does nothing but return that
many bytes through the same middleware, on the same server. Never cached, so it measures
what Django itself costs per request: the practical ceiling for a rendered page."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from kvarken.urls import urlpatterns as site_urlpatterns


@never_cache
def bare(request, size):
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bytes/<int:size>/", bare), *site_urlpatterns]
