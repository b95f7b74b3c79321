"""Where each page and snippet stands in each language, for the translation overview.

States, per source object and target locale:
- missing: no translation (the locale shows the source through an alias, or nothing);
- in progress: a wagtail-localize translation exists but not every string is translated
  (percent done), or the translated object has not been created yet;
- outdated: translated, but the source was published (pages) or changed (snippets)
  since its strings were last synced into wagtail-localize, or, for a translation made
  outside wagtail-localize, since the translation was last published;
- up to date: otherwise.

The whole table is computed from a fixed number of queries (pages in one, snippets one per
model, translations with their progress in one), so it stays quick with thousands of pages.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

DECIMAL = re.compile(r"-?\d+\.\d+")
MISSING, IN_PROGRESS, OUTDATED, UP_TO_DATE = "missing", "in_progress", "outdated", "up_to_date"
STATES = [
    (MISSING, _("Missing")),
    (IN_PROGRESS, _("In progress")),
    (OUTDATED, _("Outdated")),
    (UP_TO_DATE, _("Up to date")),
]


@dataclass
class Row:
    source: object
    kind: str  # "app_label.model_name"
    kind_label: str
    locale: Locale
    state: str
    percent: int | None = None
    target: object = None
    translation: Translation | None = None
    actions: list = field(default_factory=list)

    @property
    def is_page(self):
        return isinstance(self.source, Page)

    @property
    def state_label(self):
        return dict(STATES)[self.state]

    @property
    def key(self):
        """What the bulk form posts for this row."""
        return f"{self.source.pk}:{self.locale.language_code}"


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _with_progress(translations):
    """Annotate ``total`` and ``done`` string counts, as Translation.get_progress() does
    for one translation, for all of them in one query."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )

    def count(queryset):
        return Coalesce(
            Subquery(
                queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            0,
        )

    return translations.annotate(total=count(segments), done=count(translated))


def _normalised(value):
    """Decimals are serialised as typed before saving ("63.1083") and as stored after
    ("63.10830"): compare them as numbers."""
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    if isinstance(value, str) and DECIMAL.fullmatch(value):
        return Decimal(value).normalize()
    return value


def _content(instance):
    if isinstance(instance, ClusterableModel):
        data = json.loads(instance.to_json())
    else:
        data = json.loads(
            json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
        )
    return _normalised(data)


class Overview:
    """All rows, built once per request; filter with ``rows(...)`` and ``counts(...)``."""

    def __init__(self, user):
        self.user = user
        self.locales = list(Locale.objects.all())
        self.default_locale = Locale.get_default()
        self._finder = AdminURLFinder(user)
        self.all_rows = self._page_rows() + self._snippet_rows()

    # Building

    def _sources_and_translations(self, keys):
        sources = {}
        for source in TranslationSource.objects.filter(object_id__in=keys).order_by(
            "last_updated_at"
        ):
            sources[source.object_id] = source  # the newest source of each object wins
        translations = {
            (t.source_id, t.target_locale_id): t
            for t in _with_progress(
                Translation.objects.filter(source__in=[s.pk for s in sources.values()])
            )
        }
        return sources, translations

    def _page_rows(self):
        pages = (
            Page.objects.filter(depth__gt=1)
            .select_related("locale")
            .only(
                "pk",
                "title",
                "translation_key",
                "locale",
                "alias_of_id",
                "content_type_id",
                "last_published_at",
                "live",
                "depth",
                "path",
                "url_path",
            )
        )
        groups = defaultdict(dict)
        for page in pages:
            groups[page.translation_key][page.locale_id] = page
        sources, translations = self._sources_and_translations(list(groups))
        content_types = ContentType.objects.in_bulk(
            {p.content_type_id for g in groups.values() for p in g.values()}
        )

        rows = []
        for key, by_locale in groups.items():
            source_record = sources.get(key)
            source = by_locale.get(source_record.locale_id) if source_record else None
            if source is None:
                originals = [p for p in by_locale.values() if p.alias_of_id is None]
                source = by_locale.get(self.default_locale.pk)
                if source is None or source.alias_of_id is not None:
                    source = originals[0] if originals else None
                source_record = None
            if source is None:
                continue
            model = content_types[source.content_type_id].model_class()
            if model is None:
                continue
            for locale in self.locales:
                if locale.pk == source.locale_id:
                    continue
                target = by_locale.get(locale.pk)
                if target is not None and target.alias_of_id is not None:
                    target = None  # an alias shows the source: nothing is translated
                translation = (
                    translations.get((source_record.pk, locale.pk)) if source_record else None
                )
                changed_since_sync = bool(
                    source_record
                    and source.last_published_at
                    and source.last_published_at > source_record.last_updated_at
                )
                rows.append(
                    self._row(source, model, locale, target, translation, changed_since_sync)
                )
        return rows

    def _snippet_rows(self):
        rows = []
        for model in translatable_snippet_models():
            groups = defaultdict(dict)
            for obj in model.objects.select_related("locale"):
                groups[obj.translation_key][obj.locale_id] = obj
            sources, translations = self._sources_and_translations(list(groups))
            for key, by_locale in groups.items():
                source_record = sources.get(key)
                source = by_locale.get(source_record.locale_id) if source_record else None
                if source is None:
                    source = by_locale.get(self.default_locale.pk) or next(iter(by_locale.values()))
                    source_record = None
                changed_since_sync = bool(
                    source_record
                    and _content(source) != _normalised(json.loads(source_record.content_json))
                )
                for locale in self.locales:
                    if locale.pk == source.locale_id:
                        continue
                    translation = (
                        translations.get((source_record.pk, locale.pk)) if source_record else None
                    )
                    rows.append(
                        self._row(
                            source,
                            model,
                            locale,
                            by_locale.get(locale.pk),
                            translation,
                            changed_since_sync,
                        )
                    )
        return rows

    def _row(self, source, model, locale, target, translation, changed_since_sync):
        row = Row(
            source=source,
            kind=f"{model._meta.app_label}.{model._meta.model_name}",
            kind_label=capfirst(model._meta.verbose_name),
            locale=locale,
            state=MISSING,
            target=target,
            translation=translation,
        )
        if translation is not None and translation.enabled:
            row.percent = (
                100 if not translation.total else translation.done * 100 // translation.total
            )
            if target is None or row.percent < 100:
                row.state = IN_PROGRESS
            elif changed_since_sync:
                row.state = OUTDATED
            else:
                row.state = UP_TO_DATE
        elif target is not None:
            # Translated outside wagtail-localize's synced mode (e.g. edited by hand).
            newer_source = (
                getattr(source, "last_published_at", None)
                and getattr(target, "last_published_at", None)
                and source.last_published_at > target.last_published_at
            )
            row.state = OUTDATED if newer_source else UP_TO_DATE
        return row

    def with_actions(self, rows):
        """The links for the rows on screen (an edit link costs a permission check, so
        not for every row of the table)."""
        for row in rows:
            row.actions = self._actions(row)
        return rows

    def _actions(self, row):
        actions = []
        if row.state == MISSING:
            if row.is_page:
                url = reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])
            else:
                meta = row.source._meta
                url = reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[meta.app_label, meta.model_name, row.source.pk],
                )
            actions.append((_("Translate"), url))
            return actions
        if row.target is not None:
            label = _("Continue translating") if row.state == IN_PROGRESS else _("Edit translation")
            actions.append((label, self._finder.get_edit_url(row.target)))
        if row.state == OUTDATED and row.translation is not None:
            actions.append(
                (
                    _("Sync with source"),
                    reverse(
                        "wagtail_localize:update_translations", args=[row.translation.source_id]
                    ),
                )
            )
        return actions

    # Reading

    def kinds(self):
        return sorted({(row.kind, row.kind_label) for row in self.all_rows}, key=lambda k: k[1])

    def rows(self, locale=None, kind=None, state=None):
        return [
            row
            for row in self.all_rows
            if (locale is None or row.locale.language_code == locale)
            and (kind is None or row.kind == kind)
            and (state is None or row.state == state)
        ]

    def counts(self, locale=None, kind=None):
        counts = dict.fromkeys(dict(STATES), 0)
        for row in self.rows(locale=locale, kind=kind):
            counts[row.state] += 1
        return counts
