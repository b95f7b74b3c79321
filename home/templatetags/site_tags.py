"""Template tags for the site-wide layout: language switcher and navigation."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core.absolute_urls import absolute_url, page_absolute_url
from home.renditions import absolute_rendition_url
from home.seo.structured_data import json_ld
from home.site_content import Footer, Navigation, SiteSettings, resolve_links

register = template.Library()


def _home_for(request, locale):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def _is_site_view(request):
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.url_name != "wagtail_serve")


def _nearest_translated(page, locales):
    """For each locale, the closest ancestor of ``page`` published in it (one query)."""
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    found = {}
    candidates = Page.objects.filter(
        translation_key__in=[a.translation_key for a in ancestors],
        locale__in=locales,
        live=True,
    ).only("pk", "title", "translation_key", "locale_id", "url_path", "depth", "path")
    by_key = {(p.translation_key, p.locale_id): p for p in candidates}
    for locale in locales:
        for ancestor in reversed(ancestors):
            if (ancestor.translation_key, locale.pk) in by_key:
                found[locale.pk] = by_key[(ancestor.translation_key, locale.pk)]
                break
    return found


@register.simple_tag(takes_context=True)
def language_links(context):
    """For each language: this page's translation, or where there is none, the closest
    page above it that exists in that language (never a 404). ``translated`` is False
    where the visitor would not get this page's content in that language (no
    translation, or an alias still showing the original); ``fallback`` is then the
    title of where the link goes, if that is another page."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nearest = None
    links = []
    for code, name in settings.LANGUAGES:
        locale = locales.get(code)
        if locale is None:
            continue
        target, translated, url, fallback = None, False, None, None
        if isinstance(page, Page):
            target = page.get_translation_or_none(locale)
            if target and target.live:
                url = target.get_url(request)
                translated = code == current or target.alias_of_id is None
            else:
                if nearest is None:
                    nearest = _nearest_translated(page, list(locales.values()))
                best = nearest.get(locale.pk)
                if best is not None:
                    url, fallback = f"{best.get_url(request)}?untranslated=1", best.title
        elif _is_site_view(request):
            # Django views (search) have translated URL patterns: /en/search/ -> /sv/sok/.
            url, translated = translate_url(request.get_full_path(), code), True
        else:
            translated = True  # not a page (e.g. a 404): the link is just that language's home
        if url is None:
            home = _home_for(request, locale)
            if home and home.live:
                url = home.get_url(request)
                if not translated:
                    url, fallback = f"{url}?untranslated=1", home.title
            else:
                url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "translated": translated,
                "fallback": fallback,
                "absolute_url": absolute_url(url),
            }
        )
    return links


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def alternates(context):
    """hreflang alternates for search engines: each language this page exists in, and
    x-default, the default language's version, for visitors in any other language."""
    links = [link for link in language_links(context) if link["translated"]]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append({**default, "code": "x-default"})
    return {"links": links}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": language_links(context)}


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation staff edit (Site > Main navigation) in the visitor's language;
    without one, the home page's children shown in menus."""
    request = context["request"]
    page = context.get("page")
    current_url = page.url if isinstance(page, Page) else None
    navigation = Navigation.shown(request)
    if navigation is not None:
        links = resolve_links(navigation.links)
    else:
        home = _home_for(request, Locale.get_active())
        children = home.get_children().live().in_menu().specific() if home else []
        links = [{"url": child.url, "text": child.title} for child in children]
    for link in links:
        link["current"] = link["url"] == current_url
    return {"links": links, "request": request}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    footer = Footer.shown(context["request"])
    links = resolve_links(footer.links) if footer else []
    return {"footer": footer, "links": links, "request": context["request"]}


def _site_settings(request):
    """This language's site settings, fetched once per request."""
    if not hasattr(request, "_site_settings"):
        request._site_settings = SiteSettings.shown(request)
    return request._site_settings


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's search description, else its intro, else the site's tagline."""
    page = context.get("page")
    settings_for_language = _site_settings(context["request"])
    return (
        getattr(page, "search_description", "")
        or getattr(page, "intro", "")
        or (settings_for_language.tagline if settings_for_language else "")
    )


OG_LOCALES = {"en": "en_GB", "sv": "sv_SE", "fi": "fi_FI"}
SHARE_RENDITION = "fill-1200x630|format-jpeg"


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context):
    """Canonical URL, Open Graph and Twitter card for a page. An alias's canonical is its
    original; the image is the page's own (hero, logo) or the site settings' one."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return {}
    original = page.alias_of.specific if page.alias_of_id else page
    settings_for_language = _site_settings(request)
    image = (
        getattr(page, "hero_image", None)
        or getattr(page, "logo", None)
        or (settings_for_language.share_image if settings_for_language else None)
    )
    image_url = absolute_rendition_url(image, SHARE_RENDITION) if image else None
    return {
        "canonical": page_absolute_url(original, request),
        "title": page.seo_title or page.title,
        "description": meta_description(context)[:300],
        "type": getattr(page, "og_type", "website"),
        "locale": OG_LOCALES.get(page.locale.language_code, page.locale.language_code),
        "image_url": image_url,
        "image_alt": (image.description or image.title) if image else "",
    }


@register.simple_tag(takes_context=True)
def structured_data(context):
    """JSON-LD for pages schema.org has a type for (they define ``structured_data()``)."""
    page = context.get("page")
    data = page.structured_data(context["request"]) if hasattr(page, "structured_data") else None
    return json_ld(data) if data else ""
