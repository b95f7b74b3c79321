from django.core.management.base import BaseCommand, CommandError

from home.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup_site folder into an empty database and the media storage."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a folder written by backup_site")

    def handle(self, source, **options):
        try:
            manifest = restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the database and {len(manifest['media'])} media files.")
