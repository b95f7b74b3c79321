"""The company directory (CompanyIndexPage) and a company's showcase (CompanyPage)."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events.models import EventPage
from home.blocks import CaptionedImageBlock, ShowcaseBlock
from home.fields import MultipleChoiceField
from home.models import BasePage
from home.seo import structured_data as schema
from home.taxonomy import localized_terms, term_names
from news.models import NewsPage

from . import identifiers
from .blocks import OfferingBlock, SocialLinkBlock
from .catalogue.models import Catalogue  # noqa: F401  (the model lives with its logic)
from .directory.facets import FACETS, browse
from .inquiries.models import Inquiry, InquiryForm, deliver, rate_limit_refusal  # noqa: F401 (model)


class SizeBand(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250+", _("250 or more employees")


SPOKEN_LANGUAGES = ["sv", "fi", "en", "de", "no", "da", "fr", "es", "et", "ru", "pl", "zh-hans"]


def spoken_language_choices():
    return [(code, get_language_info(code)["name_translated"]) for code in SPOKEN_LANGUAGES]


phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{5,20}$",
    _("Enter a phone number with country code, e.g. +358 40 123 4567."),
)


def validate_founding_year(value):
    if value > datetime.date.today().year:
        raise ValidationError(_("The founding year cannot be in the future."))


def offering_kinds(offerings):
    kinds = sorted({block.value.get("kind") for block in offerings if block.value.get("kind")})
    return f",{','.join(kinds)}," if kinds else ""


class CompanyIndexPage(BasePage):
    """The directory of member companies."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["companies.CompanyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("company directory")

    PER_PAGE = 24

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = browse(self, request, self.PER_PAGE)
        # The catalogue link takes the facets (not the text query or the sort order).
        catalogue_query = QueryDict(mutable=True)
        for name in FACETS:
            catalogue_query.setlist(name, directory.form.cleaned_data.get(name) or [])
        context.update(
            catalogue_query=catalogue_query.urlencode(),
            directory=directory,
            companies=directory.companies,
            page_obj=directory.page_obj,
            search_query=directory.query,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        directory = getattr(response, "context_data", {}).get("directory")
        if directory is not None and not directory.valid:
            response.status_code = 400  # an unknown filter value: said on the page
        return response


class CompanyPage(BasePage):
    """A member company's showcase for international buyers."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pitch = models.CharField(
        _("one-line pitch"), max_length=160, help_text=_("What you offer, in one sentence")
    )
    description = StreamField(ShowcaseBlock(), blank=True, verbose_name=_("description"))
    offerings = StreamField(
        [("offering", OfferingBlock())], blank=True, verbose_name=_("offerings")
    )
    gallery = StreamField([("image", CaptionedImageBlock())], blank=True, verbose_name=_("gallery"))
    # The kinds among the offerings, as ",product,service,": the directory's offering
    # facet filters on it (StreamField contents can't be filtered in SQL).
    offering_kinds = models.CharField(max_length=64, blank=True, editable=False)
    sectors = ParentalManyToManyField("home.Sector", blank=True, verbose_name=_("sectors"))
    certifications = ParentalManyToManyField(
        "home.Certification", blank=True, verbose_name=_("certifications")
    )
    municipality = models.ForeignKey(
        "home.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("public email"), blank=True)
    contact_phone = models.CharField(
        _("public phone"), max_length=32, blank=True, validators=[phone_validator]
    )
    founded = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), validate_founding_year],
    )
    size_band = models.CharField(_("size"), max_length=8, choices=SizeBand.choices, blank=True)
    export_markets = CountryField(_("export markets"), multiple=True, blank=True)
    languages = MultipleChoiceField(_("languages spoken"), choices=spoken_language_choices)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social media")
    )
    business_id_fi = models.CharField(
        _("Finnish business ID (Y-tunnus)"),
        max_length=9,
        blank=True,
        validators=[identifiers.validate_y_tunnus],
    )
    org_number_se = models.CharField(
        _("Swedish organisation number"),
        max_length=11,
        blank=True,
        validators=[identifiers.validate_org_number],
    )
    vat_number = models.CharField(
        _("VAT number"),
        max_length=16,
        blank=True,
        validators=[identifiers.validate_vat_number],
    )
    # The company's own image/document collection (companies/editors/collections.py).
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("media collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("pitch"),
        index.SearchField("description"),
        index.SearchField("offerings"),
        index.AutocompleteField("title"),
        index.FilterField("municipality"),
        index.FilterField("size_band"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("inquiry_form", InquiryForm())
        context["inquiry_sent"] = request.GET.get("sent") == "1"
        context["retention_days"] = settings.INQUIRY_RETENTION_DAYS
        return context

    def serve(self, request, *args, **kwargs):
        # The form posts to inquiry_views.send; a page from before that posted here.
        if request.method == "POST":
            return self.serve_inquiry(request)
        return super().serve(request, *args, **kwargs)

    def serve_inquiry(self, request):
        """A buyer's inquiry: stored, then mailed once the request's transaction commits."""
        form = InquiryForm(request.POST)
        if not form.is_valid():
            status = 400
        elif refusal := rate_limit_refusal(request, self, form.cleaned_data["email"]):
            # The form is shown again with everything typed, to send later.
            form.add_error(None, refusal)
            status = 429
        else:
            inquiry = form.save(commit=False)
            inquiry.company = self
            inquiry.language = get_language()
            inquiry.save()
            transaction.on_commit(lambda: deliver(inquiry))
            return redirect(f"{self.url}?sent=1#contact")
        context = self.get_context(request)
        context["inquiry_form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def search_extra_text(self):
        # Sector, certification and place names, so that "biogas Umeå" finds companies.
        names = term_names(self.sectors.all(), self.locale_id) + term_names(
            self.certifications.all(), self.locale_id
        )
        if self.municipality_id:
            names.append(self.municipality.name)
        names.append(self.city)
        return "\n".join(name for name in names if name)

    content_panels = [
        FieldPanel("title", heading=_("Company name")),
        FieldPanel("pitch"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("hero_image")], heading=_("Images")),
        FieldPanel("intro"),
        FieldPanel("description"),
        FieldPanel("offerings"),
        FieldPanel("gallery"),
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("certifications", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("size_band"), FieldPanel("founded")]),
                FieldPanel("export_markets"),
                FieldPanel("languages"),
            ],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("social_links"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("business_id_fi"),
                FieldPanel("org_number_se"),
                FieldPanel("vat_number"),
            ],
            heading=_("Business identifiers"),
        ),
    ]
    # Proper nouns, URLs, coordinates and identifiers are synchronised; prose is translated.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("pitch"),
        TranslatableField("description"),
        TranslatableField("offerings"),
        TranslatableField("gallery"),
        SynchronizedField("logo"),
        SynchronizedField("hero_image"),
        SynchronizedField("sectors"),
        SynchronizedField("certifications"),
        TranslatableField("municipality"),
        SynchronizedField("street_address"),
        SynchronizedField("postal_code"),
        SynchronizedField("city"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("website"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("founded"),
        SynchronizedField("size_band"),
        SynchronizedField("export_markets"),
        SynchronizedField("languages"),
        SynchronizedField("social_links"),
        SynchronizedField("business_id_fi"),
        SynchronizedField("org_number_se"),
        SynchronizedField("vat_number"),
        SynchronizedField("collection"),
    ]

    parent_page_types = ["companies.CompanyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        permissions = [("manage_editors", "Can invite and revoke company editors")]
        indexes = [
            # Building the directory's facet index (companies/directory/facet_index.py, after each
            # change) reads these columns of every listed company: from this index
            # (PostgreSQL; an index-only scan) rather than the wide rows, whose texts and
            # blocks make the table twenty times its size.
            models.Index(
                fields=["page_ptr"],
                include=["size_band", "municipality", "export_markets", "offering_kinds"],
                name="company_facets",
            )
        ]

    RELATED = 3

    def structured_data(self, request):
        return schema.organization(self, request)

    def related_news(self):
        """The latest news in this language that link to the company."""
        return (
            NewsPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                related_companies__company__translation_key=self.translation_key,
            )
            .distinct()
            .order_by("-date", "-pk")[: self.RELATED]
        )

    def related_events(self):
        """The next events in this language the company takes part in."""
        return (
            EventPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                participants__company__translation_key=self.translation_key,
                end__gte=timezone.now(),
            )
            .distinct()
            .order_by("start")[: self.RELATED]
        )

    def save(self, *args, **kwargs):
        self.offering_kinds = offering_kinds(self.offerings)
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.business_id_fi = identifiers.normalize_y_tunnus(self.business_id_fi)
        self.org_number_se = identifiers.normalize_org_number(self.org_number_se)
        self.vat_number = identifiers.normalize_vat_number(self.vat_number)
        errors = {}
        vat = self.vat_number
        if vat.startswith("FI") and self.business_id_fi:
            if vat != identifiers.vat_for_y_tunnus(self.business_id_fi):
                errors["vat_number"] = _(
                    "The Finnish VAT number must match the business ID (FI + its digits)."
                )
        if vat.startswith("SE") and self.org_number_se:
            if vat != identifiers.vat_for_org_number(self.org_number_se):
                errors["vat_number"] = _(
                    "The Swedish VAT number must match the organisation number "
                    "(SE + its digits + 01)."
                )
        if errors:
            raise ValidationError(errors)

    def localized_sectors(self):
        return localized_terms(self.sectors.all())

    def localized_certifications(self):
        return localized_terms(self.certifications.all())

    def language_names(self):
        labels = dict(spoken_language_choices())
        return [labels.get(code, code) for code in self.languages]
