"""
Creating real wagtail-localize translations from text we already have (demo content, tests).

wagtail-localize translates an object segment by segment: a TranslationSource holds the
source's strings, StringTranslations hold each string in a target language, and
``Translation.save_target`` builds the translated page or snippet from them. Given an
unsaved *model of the translation* (the same object with every text in the target
language and the same StreamField block ids), we pair its segments with the source's by
their path and position, so the records are exactly those an editor's work creates.
"""

from collections import defaultdict

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class SegmentMismatch(ValueError):
    pass


def _strings_by_path(segments):
    grouped = defaultdict(list)
    for segment in segments:
        path = segment.context.path if isinstance(segment, StringSegment) else segment.path
        grouped[path].append(segment)
    return grouped


def translate(source_instance, translated_model, locale, *, publish=True, user=None):
    """Translate ``source_instance`` into ``locale`` with the texts of ``translated_model``;
    returns the saved translation (a page or snippet in ``locale``)."""
    targets = _strings_by_path(
        segment
        for segment in extract_segments(translated_model)
        if isinstance(segment, StringSegmentValue)
    )

    def text_for(path, position, source_segments):
        target_segments = targets.get(path, [])
        if len(target_segments) != len(source_segments):
            raise SegmentMismatch(
                f"{source_instance!r}: {path} has {len(source_segments)} text segment(s) in "
                f"{source_instance.locale.language_code} but {len(target_segments)} in "
                f"{locale.language_code}"
            )
        return target_segments[position].string.data

    return translate_strings(source_instance, locale, text_for, publish=publish, user=user)


def translate_strings(source_instance, locale, text_for, *, publish=True, user=None):
    """Translate every string of ``source_instance`` with ``text_for(path, position,
    segments_at_path)``, as a translator would in wagtail-localize's editor, and save the
    translation."""
    source, _ = TranslationSource.get_or_create_from_instance(source_instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    sources = _strings_by_path(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    for source_segments in sources.values():
        path = source_segments[0].context.path
        for position, source_segment in enumerate(source_segments):
            StringTranslation.objects.update_or_create(
                translation_of=source_segment.string,
                locale=locale,
                context=source_segment.context,
                defaults={
                    "data": text_for(path, position, source_segments),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    is_page = isinstance(source_instance, Page)
    # wagtail-localize publishes pages when the transaction commits, from a revision whose
    # page copy is by then stale (a parent published that way loses its children's count
    # and they 404). Publishing here, from a fresh revision, avoids both.
    translation.save_target(user=user, publish=publish and not is_page)
    target = translation.get_target_instance()
    if is_page and publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target
