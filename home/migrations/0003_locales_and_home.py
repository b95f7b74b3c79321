"""
The three site languages, synchronised trees, and an (English) home page as site root.

Swedish and Finnish are kept in sync from English by wagtail-localize: a page created in
English appears in sv and fi as an alias, ready for translation.
"""

from django.db import migrations

LANGUAGES = ["en", "sv", "fi"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    for code in ("sv", "fi"):
        LocaleSynchronization.objects.get_or_create(
            locale=locales[code], defaults={"sync_from": locales["en"]}
        )

    # Replace Wagtail's placeholder "Welcome" page with our home page.
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, depth=2, slug="home").delete()
    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Cleantech Kvarken",
        draft_title="Cleantech Kvarken",
        slug="home",
        content_type=home_type,
        path=root.path + "0002",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locales["en"],
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True,
        site_name="Cleantech Kvarken",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
