"""Site-wide content staff edit and translate like pages: the main navigation, the footer
and the site settings (tagline, share image, organisation). Each is a translatable
snippet with one object per language; wagtail-localize's editor translates the texts and
synchronises the rest (links to pages follow to the page in the visitor's language).

Like pages, they have drafts, revisions (history, compare, revert), a preview and a lock:
visitors see the published version (the row, which a draft save leaves alone) until an
editor publishes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import RICH_TEXT_FEATURES


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an address"))
    label = blocks.CharBlock(
        required=False, max_length=60, label=_("Text"), help_text=_("Defaults to the page's title")
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address, not both."))
                }
            )
        if value.get("url") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("A link to an address needs a text."))}
            )
        return value


# The request attribute that carries a previewed draft to the site's template tags.
PREVIEWED = "previewed_site_content"


def resolve_links(links, locale=None):
    """A stream of links as [{"url", "text"}] in the visitor's language: a chosen page
    becomes its live translation (one query for all of them; the page itself where it
    has none), titled by it unless the link has a text; links to unpublished pages are
    left out; addresses stay as they are."""
    locale = locale or Locale.get_active()
    keys = [link.value["page"].translation_key for link in links if link.value.get("page")]
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=locale, live=True)
    }
    resolved = []
    for link in links:
        page, label = link.value.get("page"), link.value.get("label")
        if page is None:
            resolved.append({"url": link.value["url"], "text": label})
            continue
        target = translations.get(page.translation_key) or (page if page.live else None)
        if target is not None:
            resolved.append({"url": target.url, "text": label or target.title})
    return resolved


class OnePerLanguage(
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """At most one object per language; templates ask ``for_locale()``, which gives the
    published one (never a draft that was never published)."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def clean(self):
        super().clean()
        others = type(self).objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(
                _("There is already one for this language: edit or translate that one.")
            )

    @classmethod
    def for_locale(cls, locale=None):
        return cls.objects.filter(locale=locale or Locale.get_active(), live=True).first()

    @classmethod
    def shown(cls, request, locale=None):
        """What a visitor sees for this language; in a preview of one of these, the
        previewed draft instead (serve_preview puts it on the request)."""
        previewed = getattr(request, PREVIEWED, None)
        if isinstance(previewed, cls):
            return previewed
        return cls.for_locale(locale)

    def get_preview_template(self, request, mode_name):
        return "home/site_content_preview.html"

    def serve_preview(self, request, mode_name):
        # The site around a sample page, in the object's language, with this draft
        # where the live version would be.
        setattr(request, PREVIEWED, self)
        with translation.override(self.locale.language_code):
            response = TemplateResponse(
                request,
                self.get_preview_template(request, mode_name),
                self.get_preview_context(request, mode_name),
            )
            return response.render()


class Navigation(OnePerLanguage):
    links = StreamField([("link", LinkBlock())], verbose_name=_("links"))

    translatable_fields = [TranslatableField("links")]

    class Meta(OnePerLanguage.Meta):
        verbose_name = _("main navigation")
        verbose_name_plural = _("main navigation")

    def __str__(self):
        return str(_("Main navigation"))


class Footer(OnePerLanguage):
    about = RichTextField(_("about the cluster"), features=RICH_TEXT_FEATURES, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    translatable_fields = [
        TranslatableField("about"),
        SynchronizedField("contact_email"),
        TranslatableField("links"),
    ]

    class Meta(OnePerLanguage.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footer")

    def __str__(self):
        return str(_("Footer"))


class SiteSettings(OnePerLanguage):
    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        help_text=_("Describes the site in search results where a page has no description"),
    )
    organisation = models.CharField(_("organisation"), max_length=120)
    address = models.TextField(_("postal address"), blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for sharing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without its own image is shared"),
    )

    translatable_fields = [
        TranslatableField("tagline"),
        TranslatableField("organisation"),
        TranslatableField("address"),
        SynchronizedField("share_image"),
    ]

    class Meta(OnePerLanguage.Meta):
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))
