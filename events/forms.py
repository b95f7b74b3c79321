"""The event editor takes start and end as wall-clock times at the venue."""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import BasePageForm


class EventPageForm(BasePageForm):
    """
    Editors type "09:00" meaning nine o'clock where the event happens, whatever their own
    admin time zone. Django's form fields read times in the *editor's* zone, so the values
    are shown and re-read in the event's zone (the ``time_zone`` field).
    """

    TIME_FIELDS = ("start", "end")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tz = self._event_zone(self.instance.time_zone)
        for name in self.TIME_FIELDS:
            value = self.initial.get(name)
            if value and tz and timezone.is_aware(value):
                self.initial[name] = timezone.localtime(value, tz).replace(tzinfo=None)
            if name in self.fields:
                self.fields[name].help_text = _("Local time at the event (see time zone)")

    @staticmethod
    def _event_zone(name):
        try:
            return zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        tz = self._event_zone(cleaned.get("time_zone"))
        if tz:
            editor_zone = timezone.get_current_timezone()
            for name in self.TIME_FIELDS:
                value = cleaned.get(name)
                if value:
                    wall_clock = timezone.make_naive(value, editor_zone)
                    cleaned[name] = timezone.make_aware(wall_clock, tz)
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The event cannot end before it starts."))
        return cleaned
