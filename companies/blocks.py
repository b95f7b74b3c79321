"""Blocks only company pages use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class OfferingKind(blocks.ChoiceBlock):
    choices = [
        ("product", _("Product")),
        ("service", _("Service")),
        ("test_facility", _("Test facility")),
    ]


class OfferingBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=OfferingKind.choices, default="product", label=_("Type"))
    title = blocks.CharBlock(max_length=120, label=_("Name"))
    text = blocks.TextBlock(max_length=500, label=_("Short description"))

    class Meta:
        icon = "tag"
        label = _("Offering")
        template = "companies/blocks/offering.html"
        description = _("A product, service or test facility, in a sentence or two")


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        choices=[
            ("linkedin", "LinkedIn"),
            ("youtube", "YouTube"),
            ("instagram", "Instagram"),
            ("facebook", "Facebook"),
            ("x", "X"),
        ],
        label=_("Platform"),
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social media link")
