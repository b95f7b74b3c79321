"""Sends inquiries whose mail failed (or never went), e.g. after the mail server was down."""

from django.core.management.base import BaseCommand

from companies.inquiries.models import Inquiry, MailStatus, deliver


class Command(BaseCommand):
    help = "Retry mailing inquiries whose delivery failed."

    def handle(self, *args, **options):
        pending = Inquiry.objects.exclude(mail_status=MailStatus.SENT).select_related("company")
        sent = sum(deliver(inquiry) for inquiry in pending)
        failed = Inquiry.objects.filter(mail_status=MailStatus.FAILED).count()
        self.stdout.write(f"{sent} sent, {failed} still failing.")
