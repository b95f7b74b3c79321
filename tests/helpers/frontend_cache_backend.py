"""A frontend-cache backend that records the batches it was asked to purge.

CloudFront can't run here; the tests check which URLs, in how many requests, our code
sends to Wagtail's frontend cache, and tests/core/test_settings.py that production settings
select Wagtail's CloudfrontBackend."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

# One list of URLs per invalidation request a real CDN would receive.
BATCHES = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        BATCHES.append([url])

    def purge_batch(self, urls):
        BATCHES.append(list(urls))
