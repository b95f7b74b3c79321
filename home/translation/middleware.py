"""The translation editor's answer when the machine translation service fails."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .deepl import MachineTranslationUnavailable


class MachineTranslationUnavailableMiddleware:
    """DeepL failed while translating in wagtail-localize's editor: back to the editor
    with the reason; the strings stay as they were."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationUnavailable):
            return None
        messages.error(
            request,
            _("Machine translation did not work this time: %(reason)s Nothing was changed.")
            % {"reason": exception},
        )
        back = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "wagtailadmin_home"
        return redirect(back)
