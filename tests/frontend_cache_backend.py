"""A frontend-cache backend that records what it was asked to purge.

CloudFront can't run here; the tests check which URLs our code sends to Wagtail's
frontend cache, and tests/test_settings.py that production settings select Wagtail's
CloudfrontBackend."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)

    def purge_batch(self, urls):
        PURGED.extend(urls)
