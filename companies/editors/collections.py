"""Each company's own image and document collection, shared by its translations.

This is the seam for company self-service: company editors will be granted
"add/choose" on their company's collection only, so their uploads land there and they
can't see other companies' files. Collections are created on first publication, under a
"Companies" collection, and named after the company (renaming follows the title)."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection

PARENT_NAME = "Companies"


def companies_root():
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=PARENT_NAME).first()
    return parent or root.add_child(name=PARENT_NAME)


@transaction.atomic
def collection_for(company):
    """The company's collection, created if needed (one for all its translations)."""
    source = company.get_translations(inclusive=True).filter(alias_of__isnull=True)
    existing = (
        type(company)
        .objects.filter(pk__in=source.values("pk"), collection__isnull=False)
        .values_list("collection", flat=True)
        .first()
    )
    if existing:
        collection = Collection.objects.get(pk=existing)
    else:
        collection = companies_root().add_child(name=company.title)
    type(company).objects.filter(translation_key=company.translation_key).update(
        collection=collection
    )
    company.collection = collection
    return collection


def ensure_collection(sender, instance, **kwargs):
    """page_published handler: a published company has its collection, named after the
    company's name in the default language."""
    collection = collection_for(instance)
    if (
        instance.locale.language_code == settings.LANGUAGE_CODE
        and collection.name != instance.title
    ):
        collection.name = instance.title
        collection.save(update_fields=["name"])
