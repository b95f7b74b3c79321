"""Where a company page's inquiry form posts.

The form is the only form on public pages, and pages are cached whole for anonymous
visitors (kvarken/page_cache.py), so it carries no per-visitor CSRF token: a cached page
would hand one visitor's token to everyone. An inquiry needs no CSRF protection (it acts
for nobody's session: a forged one is no different from one the forger sends
themselves), and spam is held off by the form's honeypot, signed time stamp and rate
limits. It also means a visitor who blocks cookies can still write to a company."""

from django.apps import apps
from django.http import Http404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Locale


@csrf_exempt
@require_POST
def send(request, page_id):
    # By name: the page models sit above the features whose code they use.
    company_page = apps.get_model("companies", "CompanyPage")
    company = (
        company_page.objects.live().public().filter(pk=page_id, locale=Locale.get_active()).first()
    )
    if company is None:
        raise Http404("No such company page in this language.")
    return company.serve_inquiry(request)
