"""Finds image originals, renditions and documents whose files are missing from the media
storage (local folder or S3), e.g. after a bucket restore, and repairs what it can.

    manage.py check_media                      report; exit status 1 if anything is missing
    manage.py check_media --repair             also regenerate missing renditions
    manage.py check_media --repair --restore-from /backups/media
                                               and copy missing originals and documents
                                               back from a folder laid out like the bucket
"""

from pathlib import Path

from core.storage import StorageUnavailable
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


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
        self.progress = options["verbosity"] > 0
        self.repair, self.restore_from = repair, restore_from
        self.missing, self.repaired = [], []
        try:
            self.check_originals(get_image_model().objects.order_by("pk"), "image")
            self.check_originals(get_document_model().objects.order_by("pk"), "document")
            self.check_renditions()
        except StorageUnavailable as error:
            raise CommandError(f"The media storage can't be reached: {error}") from error

        for line in self.repaired:
            self.stdout.write(self.style.SUCCESS(f"repaired  {line}"))
        for line in self.missing:
            self.stdout.write(self.style.ERROR(f"missing   {line}"))
        self.stdout.write(f"{len(self.repaired)} repaired, {len(self.missing)} still missing.")
        if self.missing:
            raise CommandError("Some media files are missing (listed above).")

    def bar(self, queryset, description):
        return tqdm(
            queryset.iterator(chunk_size=500),
            total=queryset.count(),
            desc=description,
            unit="file",
            disable=not self.progress,
        )

    def check_originals(self, queryset, kind):
        for obj in self.bar(queryset, f"{kind} files"):
            name = obj.file.name
            storage = obj.file.storage
            if storage.exists(name):
                continue
            label = f"{kind} {obj.pk} ({obj.title}): {name}"
            backup = self.restore_from / name if self.restore_from else None
            if self.repair and backup and backup.is_file():
                with backup.open("rb") as handle:
                    stored = storage.save(name, File(handle, name=Path(name).name))
                if stored != name:
                    obj.file.name = stored
                    obj.save(update_fields=["file"])
                self.repaired.append(label)
            else:
                self.missing.append(label)

    def check_renditions(self):
        renditions = get_image_model().get_rendition_model().objects.select_related("image")
        for rendition in self.bar(renditions.order_by("pk"), "renditions"):
            if rendition.file.storage.exists(rendition.file.name):
                continue
            label = f"rendition {rendition.filter_spec} of image {rendition.image_id}"
            image = rendition.image
            if self.repair and image.file.storage.exists(image.file.name):
                spec = rendition.filter_spec
                rendition.delete()
                image.get_rendition(spec)
                self.repaired.append(label)
            else:
                self.missing.append(label)
