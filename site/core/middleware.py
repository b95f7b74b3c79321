"""Answers for failures of services outside the app that a visitor or editor can't fix."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .storage import StorageUnavailable

logger = logging.getLogger(__name__)


class StorageUnavailableMiddleware:
    """An upload while the media store is unreachable: a 503 that says what happened.

    The request's database changes are rolled back (ATOMIC_REQUESTS), so no image or
    document row points at a file that was never stored; the page being edited is in
    another request and keeps its data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageUnavailable):
            return None
        logger.error(
            "Media storage unavailable during %s %s: %s", request.method, request.path, exception
        )
        message = _(
            "The file store can't be reached right now, so the file was not saved. "
            "Nothing else was lost: please try the upload again in a few minutes."
        )
        wants_json = "application/json" in request.headers.get("Accept", "") or (
            request.headers.get("X-Requested-With") == "XMLHttpRequest"
        )
        if wants_json:
            return JsonResponse({"success": False, "error_message": message}, status=503)
        # Rendered here: an exception while a template renders (a rendition, say) comes
        # back with no later render step.
        return TemplateResponse(
            request, "storage_unavailable.html", {"message": message}, status=503
        ).render()


class DatabaseUnavailableMiddleware:
    """PostgreSQL unreachable (restarting, failing over): a 503 with Retry-After and a
    page that needs no database, instead of a server error. Django reconnects on the
    next request (production checks a kept connection before using it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if not _connection_lost(exception):
            return None
        logger.error(
            "Database unavailable during %s %s: %s", request.method, request.path, exception
        )
        # Rendered here: an exception while the view's template renders comes back with
        # no later render step.
        response = TemplateResponse(request, "database_unavailable.html", status=503).render()
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response


def _connection_lost(exception):
    # OperationalError also covers a statement cancelled for a lock timeout and the like,
    # which are bugs to see as errors, not outages. A refused or dropped connection has no
    # SQLSTATE; a server shutting down or starting up answers class 57P; class 08 is
    # "connection exception".
    state = getattr(exception.__cause__, "sqlstate", None)
    return (
        isinstance(exception, InterfaceError)
        or not state
        or state[:2] == "08"
        or (state[:3] == "57P")
    )
