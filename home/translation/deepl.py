"""DeepL machine translation in wagtail-localize's editor, enabled by DEEPL_API_KEY.

wagtail-localize's DeepL translator reads the answer without checking it, so a refused key,
an exhausted quota or an unreachable API ended in a server error. This one says what
went wrong (home.translation.middleware turns it into a message in the editor), and nothing
already translated is touched."""

import logging

import requests
from django.utils.translation import gettext as _
from wagtail_localize.machine_translators import deepl
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)


class MachineTranslationUnavailable(Exception):
    pass


class DeepLTranslator(deepl.DeepLTranslator):
    def translate(self, source_locale, target_locale, strings):
        try:
            response = requests.post(
                self.get_api_endpoint(),
                self.get_parameters(source_locale, target_locale, strings),
                timeout=int(self.options.get("TIMEOUT", 30)),
                headers=self.get_headers(),
            )
            response.raise_for_status()
            translations = response.json()["translations"]
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            logger.warning("DeepL translation failed: %s", error)
            status = getattr(getattr(error, "response", None), "status_code", None)
            if status in (403, 456):
                reason = _("DeepL refused the request (API key or quota).")
            else:
                reason = _("DeepL could not be reached or gave no usable answer.")
            raise MachineTranslationUnavailable(reason) from error
        if len(translations) != len(strings):
            raise MachineTranslationUnavailable(_("DeepL gave no usable answer."))
        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, translations, strict=True)
        }
