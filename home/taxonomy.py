"""
Translatable taxonomies shared by companies, news and events. Editors manage them as snippets.

Pages link to taxonomy terms with many-to-many fields, which wagtail-localize synchronises
by copying the *source* locale's terms onto translations (it cannot map many-to-many links
to translated terms). Templates therefore show ``term.localized``, and filters match terms
by ``translation_key``, so a link works whichever locale's term it points at.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Country(models.TextChoices):
    SWEDEN = "SE", _("Sweden")
    FINLAND = "FI", _("Finland")


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A named term with a URL-safe key that stays the same in every language."""

    name = models.CharField(_("name"), max_length=120)
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_("Stays the same in every language; used in filter URLs"),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("key")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The form leaves out `locale`, so Django skips the (key, locale) constraint.
        if (
            self.locale_id
            and type(self)
            .objects.filter(key=self.key, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"key": _("Another term in this language already uses this key.")}
            )


class Sector(Term):
    description = models.TextField(_("description"), blank=True)

    translatable_fields = Term.translatable_fields + [TranslatableField("description")]

    class Meta(Term.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_sector_key_locale")
        ]


class Municipality(Term):
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    translatable_fields = Term.translatable_fields + [
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    class Meta(Term.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_municipality_key_locale")
        ]


class Certification(Term):
    class Meta(Term.Meta):
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "locale"], name="unique_certification_key_locale"
            )
        ]


class Topic(Term):
    """A news tag. A translatable term rather than a free-text tag, so each language
    shows its own word and a filter works across languages."""

    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_topic_key_locale")
        ]


def localized_terms(terms):
    """The given terms in the active language (falling back to the term itself)."""
    return sorted((term.localized for term in terms), key=lambda term: term.name)


def translated_names(terms, locale):
    """{translation key: name in ``locale``} for the given terms (of one model), in one
    query however many pages they come from."""
    terms = list(terms)
    if not terms:
        return {}
    return dict(
        type(terms[0])
        .objects.filter(translation_key__in={t.translation_key for t in terms}, locale=locale)
        .values_list("translation_key", "name")
    )


def term_names(terms, locale, names=None):
    """The names of the given terms in ``locale`` (falling back to the term's own name),
    from ``names`` (translated_names()) when the caller fetched them for many pages.

    Pages keep the source terms of their translation source (synchronised many-to-many
    fields), so a Finnish page's sectors are looked up in Finnish by translation key."""
    terms = list(terms)
    if names is None:
        names = translated_names(terms, locale)
    return [names.get(term.translation_key, term.name) for term in terms]
