"""RSS and Atom feeds of a news index, in the index's language (one pair per locale)."""

import datetime

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.absolute_urls import absolute_url, page_absolute_url
from home.taxonomy import term_names, translated_names

ITEMS = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed generator writes every element separately, and the server sends each
        # piece in its own write (hundreds per feed): join them.
        response.content = response.content
        return response

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index.locale.language_code  # Django reads it as an attribute
        return self.index

    def title(self, index):
        return f"{index.title} – Cleantech Kvarken"

    def link(self, index):
        return page_absolute_url(index, self.request)

    def feed_url(self, index):
        # Django's default names the host the request came in on.
        return absolute_url(self.request.path)

    def description(self, index):
        return index.intro or _("News from the cleantech companies of the Kvarken region")

    def subtitle(self, index):
        return self.description(index)

    def items(self, index):
        # news/models.py builds its routes on these feeds: the page model is looked up in
        # the app registry, so that the feeds never import the models back.
        items = list(
            apps.get_model("news", "NewsPage")
            .objects.child_of(index)
            .live()
            .public()
            .order_by("-date", "-pk")
            .prefetch_related("tags")[:ITEMS]
        )
        # Every item's tags named in the feed's language at once, not a query per item.
        self.topic_names = translated_names(
            [tag for item in items for tag in item.tags.all()], index.locale_id
        )
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return page_absolute_url(item, self.request)

    def item_guid(self, item):
        return page_absolute_url(item, self.request)

    def item_pubdate(self, item):
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return term_names(item.tags.all(), item.locale_id, self.topic_names)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
