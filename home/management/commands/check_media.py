"""Finds image originals, renditions and documents whose files are missing from the media
storage (local folder or S3), e.g. after a bucket restore, and repairs what it can.

    manage.py check_media                      report; exit status 1 if anything is missing
    manage.py check_media --repair             also regenerate missing renditions
    manage.py check_media --repair --restore-from /backups/media
                                               and copy missing originals and documents
                                               back from a folder laid out like the bucket
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.storage import StorageUnavailable
from home.operations.media_check import MediaCheck


class Command(BaseCommand):
    help = "Report (and with --repair, fix) media files missing from storage."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Regenerate missing renditions.")
        parser.add_argument(
            "--restore-from",
            type=Path,
            metavar="DIR",
            help="With --repair: copy missing originals and documents from DIR/<file name>.",
        )

    def handle(self, *args, repair=False, restore_from=None, **options):
        if restore_from and not restore_from.is_dir():
            raise CommandError(f"--restore-from: {restore_from} is not a folder.")
        check = MediaCheck(
            repair=repair, restore_from=restore_from, progress=options["verbosity"] > 0
        )
        try:
            check.run()
        except StorageUnavailable as error:
            raise CommandError(f"The media storage can't be reached: {error}") from error

        for line in check.repaired:
            self.stdout.write(self.style.SUCCESS(f"repaired  {line}"))
        for line in check.missing:
            self.stdout.write(self.style.ERROR(f"missing   {line}"))
        self.stdout.write(f"{len(check.repaired)} repaired, {len(check.missing)} still missing.")
        if check.missing:
            raise CommandError("Some media files are missing (listed above).")
