"""Wagtail's update_index, with a progress bar (objects indexed and rate) per model.

Wagtail prints one dot per chunk of 1,000 objects; at 10,000 companies in three languages
that says little about how far along a rebuild is."""

import sys

from tqdm import tqdm
from wagtail.search.management.commands.update_index import Command as WagtailCommand


class Command(WagtailCommand):
    def print_iter_progress(self, iterable):
        if self.verbosity < 1:
            yield from iterable
            return
        self.write("")  # ends the "backend: model" line Wagtail has started
        with tqdm(unit=" objects", file=sys.stderr, mininterval=0.5, leave=True) as bar:
            for chunk in iterable:
                yield chunk
                bar.update(len(chunk))
