"""Media storage: local folder by default, S3 (django-storages + boto3) when configured.

In S3, originals (images and documents) are private and reached through short-lived
signed URLs: Wagtail's document view checks collection privacy, then redirects to one
(WAGTAILDOCS_SERVE_METHOD = "redirect"), so app servers never stream files. Renditions
are public, cacheable for a year (their names change when the image does) and served
from the CDN domain when one is set; a bucket policy (or CloudFront origin access) makes
`images/*` readable, or AWS_RENDITIONS_ACL=public-read on stores that use ACLs.

S3 being unreachable must not break pages: storage errors become OSError, which Wagtail
turns into a missing-image placeholder, and StorageUnavailable for uploads, which
core.middleware answers with a clear 503.
"""

import contextlib
import mimetypes

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage


class StorageUnavailable(OSError):
    """The media store can't be reached or refused the request."""


@contextlib.contextmanager
def _translated_errors(name):
    """boto3's errors as the OSErrors Wagtail and our middleware understand."""
    try:
        yield
    except (BotoCoreError, ClientError) as error:
        code = (
            error.response.get("Error", {}).get("Code") if isinstance(error, ClientError) else None
        )
        if code in {"404", "NoSuchKey"}:
            raise FileNotFoundError(name) from error
        raise StorageUnavailable(f"Media storage unavailable: {error}") from error


class MediaStorage(S3Storage):
    """Private originals and documents: signed URLs, errors as StorageUnavailable.

    Options stay JSON-serialisable (no botocore Config): Wagtail hands the storage's
    constructor arguments to a background task when it deletes files."""

    def get_default_settings(self):
        # s3_compatible: a store other than AWS (S3Proxy, MinIO, Ceph...): path-style
        # addressing and none of the newer SDKs' checksum headers, which such stores refuse.
        return {**super().get_default_settings(), "s3_compatible": False}

    def __init__(self, **settings):
        super().__init__(**settings)
        timeouts = Config(connect_timeout=3, read_timeout=10, retries={"max_attempts": 2})
        self.client_config = self.client_config.merge(timeouts)
        if self.s3_compatible:
            self.client_config = self.client_config.merge(
                Config(
                    s3={"addressing_style": "path"},
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                )
            )

    def _get_write_parameters(self, name, content=None):
        # The type comes from the (allow-listed) extension, never from the uploader's
        # browser, which could label a file text/html.
        params = super()._get_write_parameters(name, content)
        params["ContentType"] = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return params

    def _open(self, name, mode="rb"):
        with _translated_errors(name):
            return super()._open(name, mode)

    def _save(self, name, content):
        with _translated_errors(name):
            return super()._save(name, content)

    def exists(self, name):
        with _translated_errors(name):
            return super().exists(name)

    def size(self, name):
        with _translated_errors(name):
            return super().size(name)


class RenditionStorage(MediaStorage):
    """Public renditions (configured with querystring_auth=False and cache headers)."""


class LazyRenditionStorage(LazyObject):
    """WAGTAILIMAGES_RENDITION_STORAGE: storages["renditions"], looked up when first used.

    Wagtail binds the rendition field's storage when models load; this proxy lets the
    STORAGES setting decide later (and again when tests change it), as Django's own
    default_storage does."""

    instances = []

    def __init__(self):
        super().__init__()
        self.instances.append(self)

    def _setup(self):
        self._wrapped = storages["renditions"]


def _reset(*, setting, **kwargs):
    if setting == "STORAGES":
        for instance in LazyRenditionStorage.instances:
            instance._wrapped = empty


setting_changed.connect(_reset)
