"""Template tags for the site-wide layout: language switcher and navigation."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def _home_for(request, locale):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def _is_site_view(request):
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.url_name != "wagtail_serve")


@register.simple_tag(takes_context=True)
def language_links(context):
    """For each language: this page's translation, or where there is none, that language's
    home page (never a 404). ``translated`` tells which."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    links = []
    for code, name in settings.LANGUAGES:
        locale = locales.get(code)
        if locale is None:
            continue
        target, translated, url = None, False, None
        if isinstance(page, Page):
            target = page.get_translation_or_none(locale)
            translated = bool(target and target.live)
        elif _is_site_view(request):
            # Django views (search) have translated URL patterns: /en/search/ -> /sv/sok/.
            url, translated = translate_url(request.get_full_path(), code), True
        if url is None:
            if not translated:
                target = _home_for(request, locale)
            url = target.get_url(request) if target and target.live else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "translated": translated,
                "absolute_url": request.build_absolute_uri(url),
            }
        )
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": language_links(context)}


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    home = _home_for(request, Locale.get_active())
    items = home.get_children().live().in_menu().specific() if home else []
    return {"home": home, "items": items, "request": request, "page": context.get("page")}
