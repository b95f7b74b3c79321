"""The cleantech glossary that expands search queries across English, Swedish and Finnish."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .lemmas import words

LANGUAGE_FIELDS = {"en": "english", "sv": "swedish", "fi": "finnish"}


def split_terms(value):
    """'heat pump, heat pumps' -> ['heat pump', 'heat pumps'] (blank parts dropped)."""
    return [term.strip() for term in (value or "").split(",") if term.strip()]


class GlossaryEntry(index.Indexed, models.Model):
    """One concept in the three languages. A query that contains any of its terms, in any
    language, also finds pages that use any other of its terms."""

    english = models.CharField(
        _("English"),
        max_length=255,
        help_text=_("One or more terms, separated by commas, e.g. “heat pump, heat pumps”"),
    )
    swedish = models.CharField(_("Swedish"), max_length=255, blank=True)
    finnish = models.CharField(_("Finnish"), max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("english"),
        index.SearchField("swedish"),
        index.SearchField("finnish"),
        index.AutocompleteField("english"),
    ]

    class Meta:
        verbose_name = _("glossary entry")
        verbose_name_plural = _("glossary")
        ordering = ["english"]

    def __str__(self):
        return " / ".join(value for value in (self.english, self.swedish, self.finnish) if value)

    def terms(self):
        """{language code: [term, ...]} for the languages this entry has terms in."""
        return {
            language: split_terms(getattr(self, field))
            for language, field in LANGUAGE_FIELDS.items()
            if split_terms(getattr(self, field))
        }

    def clean(self):
        super().clean()
        if not any(words(term) for term in split_terms(self.english)):
            raise ValidationError({"english": _("Enter at least one English term.")})
        if not split_terms(self.swedish) and not split_terms(self.finnish):
            raise ValidationError(
                _(
                    "Enter the term in Swedish or Finnish too: an entry in one language "
                    "expands nothing."
                )
            )
