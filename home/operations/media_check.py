"""Image originals, renditions and documents whose files are missing from the media
storage (local folder or S3), e.g. after a bucket restore, and the repairs that can be made:
renditions regenerated from their originals, originals and documents copied back from a
folder laid out like the bucket. The check_media command runs it."""

from pathlib import Path

from django.core.files import File
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


class MediaCheck:
    """One pass over every file; ``missing`` and ``repaired`` list what it found, one line
    each. The storage's StorageUnavailable passes through: nothing can be said then."""

    def __init__(self, *, repair=False, restore_from=None, progress=False):
        self.repair, self.restore_from, self.progress = repair, restore_from, progress
        self.missing, self.repaired = [], []

    def run(self):
        self.check_originals(get_image_model().objects.order_by("pk"), "image")
        self.check_originals(get_document_model().objects.order_by("pk"), "document")
        self.check_renditions()
        return self

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
