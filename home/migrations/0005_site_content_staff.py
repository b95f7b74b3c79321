"""Communication staff manage the site content snippets (home/site_content.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    home = apps.get_app_config("home")
    home.models_module = True
    create_permissions(home, apps=apps, verbosity=0)
    home.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff = Group.objects.filter(name="Communication staff").first()
    if staff is not None:
        staff.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="home",
                content_type__model__in=["navigation", "footer", "sitesettings"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_site_content"),
        ("companies", "0006_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
