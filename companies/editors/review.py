"""The "Company profile review" workflow: a company editor's change is submitted to
Communication staff, who approve it (that publishes) or request changes with a comment.

Wagtail does the work (workflow states, the approve/request-changes actions and their
notification emails); this module only makes sure every company directory, in every
language, carries the workflow, so the company pages under it do. Staff have publish
permission, so they can still publish directly without going through it."""

from wagtail.models import Workflow, WorkflowPage

WORKFLOW_NAME = "Company profile review"
TASK_NAME = "Staff review"


def review_workflow():
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def assign_to_directory(sender, instance, created=False, raw=False, **kwargs):
    """post_save of a company directory: a new directory (or a new translation of one)
    gets the review workflow unless staff assigned another."""
    if not created or raw:
        return
    workflow = review_workflow()
    if workflow:
        WorkflowPage.objects.get_or_create(page_id=instance.pk, defaults={"workflow": workflow})


def latest_review(page):
    """The page's newest workflow state (in progress, approved, changes requested, ...)."""
    return page.workflow_states.order_by("-created_at").first()
