"""Machine translation: DeepL in wagtail-localize's editor when DEEPL_API_KEY is
set, absent otherwise, and a DeepL failure is a message, not a server error.

DeepL is a paid service outside our control and unreachable here, so its HTTP answer is
mocked at `requests.post`, the one call our translator makes; everything else
(wagtail-localize's editor and its machine-translate view, the database) is real."""

from unittest import mock

import pytest
import requests
from wagtail_localize.models import StringTranslation, Translation

from tests.helpers import run_python

DEEPL = {
    "CLASS": "home.translation.deepl.DeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "test-key:fx", "TIMEOUT": 5},
}


def deepl_answer(status=200, texts=None):
    response = mock.Mock(status_code=status)
    response.json.return_value = {"translations": [{"text": text} for text in texts or []]}
    if status >= 400:
        response.raise_for_status.side_effect = requests.HTTPError(response=response)
    else:
        response.raise_for_status.return_value = None
    return response


@pytest.fixture
def started(admin_client, site_tree, locales):
    """The news page submitted for Swedish translation, nothing translated yet."""
    from wagtail_localize.operations import TranslationCreator

    news = site_tree["news"]
    TranslationCreator(None, [locales["sv"]]).create_translations(news)
    translation = Translation.objects.get(source__object_id=news.translation_key)
    return translation, news.get_translation(locales["sv"])


def test_the_key_enables_deepl_and_nothing_else_does():
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.dev';"
        "from django.conf import settings;"
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    assert run_python(code, DEEPL_API_KEY="abc:fx").stdout.split() == [
        "home.translation.deepl.DeepLTranslator"
    ]
    assert run_python(code).stdout.split() == ["None"]


@pytest.mark.django_db
def test_without_a_key_there_is_no_machine_translation(admin_client, started):
    translation, swedish = started

    editor = admin_client.get(f"/admin/pages/{swedish.pk}/edit/").content.decode()

    assert "DeepL" not in editor
    url = f"/admin/localize/translate/{translation.pk}/machine_translate/"
    assert admin_client.post(url, follow=True).status_code == 404


@pytest.mark.django_db
def test_deepl_translates_the_untranslated_strings(admin_client, started, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEEPL
    translation, swedish = started
    assert "DeepL" in admin_client.get(f"/admin/pages/{swedish.pk}/edit/").content.decode()
    total, _done = translation.get_progress()

    with mock.patch("home.translation.deepl.requests.post") as post:
        post.side_effect = lambda url, data, **kwargs: deepl_answer(
            texts=[f"SV: {text}" for text in data["text"]]
        )
        response = admin_client.post(
            f"/admin/localize/translate/{translation.pk}/machine_translate/?next=/admin/pages/{swedish.pk}/edit/"
        )

    assert response.status_code == 302
    assert post.call_args.kwargs["headers"]["Authorization"] == "DeepL-Auth-Key test-key:fx"
    assert post.call_args.args[0] == "https://api-free.deepl.com/v2/translate"
    assert translation.get_progress() == (total, total)
    assert StringTranslation.objects.filter(data="SV: Hydrogen valley opens").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "failure, reason",
    [
        (lambda *a, **k: deepl_answer(status=456), "API key or quota"),
        (requests.ConnectionError("no route"), "could not be reached"),
        (lambda *a, **k: deepl_answer(texts=[]), "no usable answer"),
    ],
)
def test_a_deepl_failure_is_a_message_and_changes_nothing(
    admin_client, started, settings, failure, reason
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEEPL
    translation, swedish = started
    before = translation.get_progress()
    edit_url = f"/admin/pages/{swedish.pk}/edit/"

    with mock.patch("home.translation.deepl.requests.post", side_effect=failure):
        response = admin_client.post(
            f"/admin/localize/translate/{translation.pk}/machine_translate/?next={edit_url}",
            follow=True,
        )

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == edit_url
    assert reason in response.content.decode()
    assert translation.get_progress() == before
