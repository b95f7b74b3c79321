from django.db import migrations


class Migration(migrations.Migration):
    """An index on Wagtail's page table for the home page's featured companies (the most
    recently published, HomePage.get_featured_companies): without it the database sorts
    every company of the language on each rendering (60 ms at 10,000 companies); with it,
    it reads the newest few. Wagtail indexes first_published_at but not last_published_at,
    and the table is Wagtail's, so the index is created here in SQL both databases take."""

    dependencies = [
        ("home", "0005_site_content_staff"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_last_published "
            "ON wagtailcore_page (last_published_at)",
            reverse_sql="DROP INDEX IF EXISTS home_page_last_published",
        ),
    ]
