"""Communication staff build and download Company Catalogues in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one is needed now.
    companies = apps.get_app_config("companies")
    companies.models_module = True
    create_permissions(companies, apps=apps, verbosity=0)
    companies.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Communication staff").permissions.add(
        Permission.objects.get(content_type__app_label="companies", codename="add_catalogue")
    )


class Migration(migrations.Migration):
    dependencies = [("companies", "0011_catalogue")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
