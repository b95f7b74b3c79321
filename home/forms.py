"""Admin form behaviour shared by every page type."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class BasePageForm(WagtailAdminPageForm):
    """Offers taxonomy terms (sectors, municipalities, ...) in the page's own language only,
    instead of every language's copy of each term."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if not locale_id:
            return
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField):
                model = field.queryset.model
                if issubclass(model, TranslatableMixin) and not hasattr(model, "depth"):
                    field.queryset = field.queryset.filter(locale_id=locale_id)
