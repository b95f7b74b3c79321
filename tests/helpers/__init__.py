"""Plain functions that test modules in different folders share (a test module never
imports another): a Python subprocess without the production secrets, the catalogue's
address and its PDF read back, what a visitor posts from an inquiry form, and the site's
inventory, which the restored site's
subprocess imports too. The stand-ins that settings name by dotted path are the modules
beside this one."""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

from django.core import signing
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from companies.inquiries.models import TIME_TRAP_SALT

REPO = Path(__file__).resolve().parents[2]


def run_python(code, **env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "ELASTICSEARCH_URL",
            "OPENSEARCH_URL",
            "AWS_STORAGE_BUCKET_NAME",
            "AWS_S3_ENDPOINT_URL",
            "AWS_S3_CUSTOM_DOMAIN",
            "CLOUDFRONT_DISTRIBUTION_ID",
            "DEEPL_API_KEY",
        }
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def catalogue_url(language, query=""):
    with translation.override(language):
        return reverse("catalogue") + query


def pdf_pages(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    return body, [page.extract_text() for page in PdfReader(io.BytesIO(body)).pages]


def inventory():
    """What a visitor and an editor would find: pages, images and documents with their
    contents."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    pages = sorted(
        [p.title, p.locale.language_code, str(p.translation_key), p.live]
        for p in Page.objects.filter(depth__gt=1)
    )
    images = sorted(
        [i.title, i.file.name, i.file.open("rb").read().hex()]
        for i in get_image_model().objects.all()
    )
    documents = sorted(
        [d.title, d.file.open("rb").read().decode()] for d in get_document_model().objects.all()
    )
    return {"pages": pages, "images": images, "documents": documents}


def inquiry_form_data(seconds_ago=30, **overrides):
    """What a visitor's browser posts from a company's inquiry form, filled in
    ``seconds_ago`` (by default half a minute, longer than the time trap asks), with any
    field changed."""
    return {
        "name": "Anna Berg",
        "organisation": "Stadtwerke Nord",
        "country": "DE",
        "email": "anna@stadtwerke-nord.example",
        "message": "We need grid automation for 40 substations. Can you quote?",
        "consent": "on",
        "website": "",
        "rendered_at": signing.dumps(time.time() - seconds_ago, salt=TIME_TRAP_SALT),
        **overrides,
    }
