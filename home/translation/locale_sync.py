"""wagtail-localize copies the whole page tree into a language whenever its
LocaleSynchronization row is saved, even when the row is being restored from a dump
(loaddata, a test database's serialized rollback): the locale it points at may not be
restored yet, and the copy fails. The same receiver, minus raw saves."""

from django.db.models.signals import post_save
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save


def sync_trees_unless_raw(instance, raw=False, **kwargs):
    if not raw:
        instance.sync_trees()


def connect():
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(
        sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="home.locale_sync"
    )
