"""Which admin users may edit which company.

Wagtail grants permissions to groups, so each company has its own group, "Company:
<name>", holding exactly: edit (not publish) on the company's page in every language,
and add/choose/edit of images and documents in the company's collection. A company
editor is a member of the base "Company editors" group (admin access only) and of the
group of each company they edit, so one person can edit several companies and several
people one company. Publishing goes through staff (the review workflow)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.permissions import policy_registry

from .collections import collection_for

EDITORS_GROUP = "Company editors"
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "change_document"),
]


def company_group_name(company):
    return f"Company: {company.translation_key}"


@transaction.atomic
def company_group(company):
    """The company's own group, with its permissions brought up to date (a translation
    created since gets them too)."""
    group, _created = Group.objects.get_or_create(name=company_group_name(company))
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    for page in company.get_translations(inclusive=True):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change)
    collection = collection_for(company)
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    return group


def has_editors(company):
    return Group.objects.filter(name=company_group_name(company)).exists()


def share_translation(sender, instance, **kwargs):
    """page_published handler, after collections.ensure_collection: a translation
    published after editors were granted the company is given to them too."""
    if has_editors(instance):
        company_group(instance)


def grant(user, company):
    """Let ``user`` edit ``company`` (in every language) and upload into its collection."""
    user.groups.add(Group.objects.get(name=EDITORS_GROUP), company_group(company))
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])


def revoke(user, company):
    """Take ``company`` away from ``user``; without companies left, no admin access."""
    user.groups.remove(*Group.objects.filter(name=company_group_name(company)))
    if not user.groups.filter(name__startswith="Company: ").exists():
        user.groups.remove(*Group.objects.filter(name=EDITORS_GROUP))


def company_keys(user):
    """The translation keys of the companies ``user`` was granted."""
    prefix = "Company: "
    names = user.groups.filter(name__startswith=prefix).values_list("name", flat=True)
    return [name.removeprefix(prefix) for name in names]


def is_company_editor(user):
    """A company editor and nothing more: not staff, not a superuser."""
    # Called on every admin page (the reports menu): the permission check is cached on
    # the user, so it goes before the group query.
    return (
        not user.is_superuser
        and not user.has_perm("companies.manage_editors")
        and user.groups.filter(name=EDITORS_GROUP).exists()
    )


def explorable_pages(user):
    """The pages ``user`` may open in the explorer: Wagtail's own rule for its page
    listings (pages with a permission, and their ancestors to reach them)."""
    return policy_registry.get_by_type(Page).explorable_instances(user)


def choosable_pages(user):
    """The pages a page chooser offers ``user``: what they may explore, and every
    published page without a pending draft (anyone can link to what the site shows;
    a draft, and its title, belongs to whoever may edit the page)."""
    if user.is_superuser:
        return Page.objects.all()
    return Page.objects.filter(
        Q(pk__in=explorable_pages(user).values("pk")) | Q(live=True, has_unpublished_changes=False)
    )
