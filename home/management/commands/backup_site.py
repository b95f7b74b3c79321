from django.core.management.base import BaseCommand, CommandError

from home.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database and the media files into a new folder "
        "(see home/operations/backup.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="a folder that doesn't exist or is empty")

    def handle(self, destination, **options):
        try:
            manifest = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database and {len(manifest['media'])} media files.")
