"""The admin's image and document forms (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE): Wagtail's own, with a refused upload always a form error.

They serve every upload path alike: the add and edit views, the multiple uploader and the
chooser's upload tab (where company editors add gallery pictures)."""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, where a file Pillow can't decode is an invalid image.

    Wagtail recognises the format from the first bytes alone, then has Pillow decode the
    image to count its pixels, and lets Pillow's own errors through: a PNG cut after its
    header (or a truncated JPEG, a WebP without data) would be a server error instead of
    a message."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:
            # Pillow reports damaged files with many exception types (OSError,
            # SyntaxError, ValueError, EOFError, struct.error...), as Django's own
            # ImageField assumes when it validates with Pillow.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field itself (get_image_form's formfield callback), and
        # the multiple uploader's edit form has none, so it is replaced here rather than
        # declared on the class (a declared field would appear on that form too).
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = DecodedImageField(
                label=field.label, required=field.required, widget=field.widget
            )


class DocumentForm(BaseDocumentForm):
    def _post_clean(self):
        # Document.clean() checks the extension of the instance's file, which a refused
        # upload (empty, too big) never reached: it would add "The file extension “” is
        # not valid" to the real reason. The field's own errors are the whole story.
        refused = self.errors.get("file")
        refused = refused.copy() if refused else None
        super()._post_clean()
        if refused:
            self.errors["file"] = refused
