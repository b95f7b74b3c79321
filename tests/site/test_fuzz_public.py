"""Property-based fuzzing (hypothesis) of every public query parameter and form: whatever
a visitor or a bot puts in the address or the inquiry form, the answer is a page or a
4xx with a message, never a server error."""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# The fixtures are read-only here, so sharing them between examples is sound. No
# deadline: what is checked is the answer, and a slow machine must not fail it.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Anything a URL can carry: odd Unicode, NUL bytes, huge numbers, long strings, markup.
text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=8),
    st.sampled_from(["\x00", "0", "-1", "99999999999999999999", "1e9", "'", '"><script>', "%"]),
    st.text(min_size=300, max_size=600),
    st.integers().map(str),
)
DIRECTORY_KEYS = ["q", "sort", "page", "sector", "country", "municipality", "certification"]
DIRECTORY_KEYS += ["market", "size", "offering", "event", "tag", "past", "type", "untranslated"]
params = st.lists(st.tuples(st.sampled_from(DIRECTORY_KEYS) | st.text(max_size=10), text))


def assert_answered(response, url):
    assert response.status_code < 500, (url, response.status_code)


@pytest.fixture
def urls(translated_tree):
    tree = translated_tree
    with translation.override("sv"):
        search = reverse("search")
        catalogue = reverse("catalogue")
    return [
        tree["directory"].url,
        tree["news_index"].url,
        tree["news_index"].url + "rss/",
        tree["event_index"].url,
        tree["event_index"].url + "ics/",
        search,
        reverse("search_suggest"),
        catalogue,
        tree["home"].url,
    ]


@FUZZ
@given(query=params, which=st.integers(min_value=0, max_value=8))
def test_query_parameters_never_cause_a_server_error(client, urls, query, which):
    url = urls[which]
    response = client.get(url, query)
    assert_answered(response, (url, query))


@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            name: text
            for name in ("name", "organisation", "country", "email", "message", "consent")
            + ("website", "rendered_at", "csrfmiddlewaretoken")
        },
    )
)
def test_inquiry_form_never_causes_a_server_error(client, translated_tree, fields):
    from companies.inquiries.models import Inquiry

    company = translated_tree["company"]
    response = client.post(company.url, fields)

    assert_answered(response, fields)
    # Without a valid signed time stamp nothing is stored.
    assert not Inquiry.objects.exists()
