"""GDPR retention: deletes buyers' inquiries older than INQUIRY_RETENTION_DAYS (run daily)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from companies.inquiries.models import Inquiry


class Command(BaseCommand):
    help = "Delete inquiries older than the retention period (INQUIRY_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the period.")

    def handle(self, *args, days=None, **options):
        days = settings.INQUIRY_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _details = Inquiry.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} inquiries received before {cutoff:%Y-%m-%d}.")
