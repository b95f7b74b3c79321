"""
Builds the demo site from site/seed/content/*.json (described in its SCHEMA.md):
taxonomies, about 30 companies, news and events in English, translated into Swedish and
Finnish through wagtail-localize. The loading itself is home/seed.py, shared with the
benchmark's generator.

Idempotent: it creates what is missing and leaves existing content as it is (so editors'
changes survive), which also means a second run changes nothing.
"""

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from home import seed


class Command(BaseCommand):
    help = "Load the demo content (idempotent): companies, news and events in en, sv and fi."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the site already has companies (used by `make run`).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and apps.get_model("companies", "CompanyPage").objects.exists():
            self.stdout.write("Demo content already loaded; nothing to do.")
            self.print_admin_login(created_password=None)
            return
        try:
            data = seed.read_content()
        except seed.SeedDataError as error:
            raise CommandError(str(error)) from error
        locales = {code: Locale.objects.get(language_code=code) for code in seed.LANGUAGES}
        seeder = seed.Seeder(data, locales, progress=options.get("verbosity", 1) > 0)
        with transaction.atomic():
            redirects_before = Redirect.objects.order_by("-pk").values_list("pk", flat=True).first()
            try:
                seeder.load_all()
            except seed.SeedDataError as error:
                raise CommandError(str(error)) from error
            transaction.on_commit(lambda: self.drop_redirects_after(redirects_before or 0))
        if seeder.created:
            self.stdout.write("Updating the search and reference indexes…")
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({seeder.created} objects created).")
        )
        password = seeder.ensure_admin()
        self.print_admin_login(created_password=password)

    @staticmethod
    def drop_redirects_after(pk):
        """Wagtail redirects a page's old address when its slug changes, for the page and
        every descendant, once the transaction commits. Each translation starts as an alias
        with the English slug, so by the commit of this one transaction the Swedish and
        Finnish indexes "moved" with all their children: about a hundred redirects from
        addresses that never served anything outside it. Registered last, this runs after
        Wagtail's handlers."""
        Redirect.objects.filter(pk__gt=pk, automatically_created=True).delete()

    def print_admin_login(self, created_password):
        url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if created_password:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin: {url}  user: admin  password: {created_password}  "
                    "(shown once; change it with `manage.py changepassword admin`)"
                )
            )
        else:
            self.stdout.write(
                f"Admin: {url}  user: admin  (password shown when it was "
                "created; reset with `.venv/bin/python manage.py changepassword admin`)"
            )
