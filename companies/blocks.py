"""Blocks only company pages use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

OFFERING_KINDS = [
    ("product", _("Product")),
    ("service", _("Service")),
    ("test_facility", _("Test facility")),
]
SOCIAL_PLATFORMS = [
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("x", "X"),
]


class OfferingValue(blocks.StructValue):
    def kind_label(self):
        return dict(OFFERING_KINDS).get(self.get("kind"), "")


class OfferingBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=OFFERING_KINDS, default="product", label=_("Type"))
    title = blocks.CharBlock(max_length=120, label=_("Name"))
    text = blocks.TextBlock(max_length=500, label=_("Short description"))

    class Meta:
        icon = "tag"
        label = _("Offering")
        template = "companies/blocks/offering.html"
        description = _("A product, service or test facility, in a sentence or two")
        value_class = OfferingValue


class SocialLinkValue(blocks.StructValue):
    def platform_label(self):
        return dict(SOCIAL_PLATFORMS).get(self.get("platform"), "")


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS, label=_("Platform"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social media link")
        value_class = SocialLinkValue
