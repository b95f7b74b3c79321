"""The Company Catalogue in production's mode: the visitor's request queues the build in
the database and a worker (django-tasks-db's real db_worker) builds it. Transactional:
the worker commits and closes its connections."""

import pytest

from tests.helpers import catalogue_url, pdf_pages

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("database_restored_afterwards"),
]


def test_with_a_queue_a_worker_builds_it_and_the_visitor_waits_for_it(
    client,
    two_companies,
    settings,
):
    from django.core.management import call_command

    settings.TASKS = {**settings.TASKS, "catalogue": {"BACKEND": settings.QUEUED_TASKS}}
    url = catalogue_url("en", "?country=FI")

    waiting = client.get(url)
    assert waiting.status_code == 202
    assert "being prepared" in waiting.content.decode()
    assert client.get(url).status_code == 202  # asked again: still one build queued

    call_command("db_worker", "--backend", "catalogue", "--batch", "--no-startup-delay")

    _, pages = pdf_pages(client.get(url))
    assert "Aurora Grid Oy" in "\n".join(pages)


def test_a_build_queued_by_the_previous_release_is_still_built(client, two_companies, settings):
    """A queued row names its task by import path: a build queued before a deploy that
    moved the task must still run, or its catalogue stays "being prepared" for good."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {**settings.TASKS, "catalogue": {"BACKEND": settings.QUEUED_TASKS}}
    url = catalogue_url("en", "?country=FI")
    assert client.get(url).status_code == 202
    # The path the build was queued under before it moved into companies/catalogue/.
    assert DBTaskResult.objects.update(task_path="companies.tasks.build_catalogue") == 1

    call_command("db_worker", "--backend", "catalogue", "--batch", "--no-startup-delay")

    _, pages = pdf_pages(client.get(url))
    assert "Aurora Grid Oy" in "\n".join(pages)
