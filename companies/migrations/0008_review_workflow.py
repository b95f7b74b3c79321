"""The "Company profile review" workflow (companies/review.py) on every company directory;
staff may manage company editors, company editors may read their inquiries."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Company profile review"
TASK_NAME = "Staff review"


def grant_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    companies = apps.get_app_config("companies")
    companies.models_module = True
    create_permissions(companies, apps=apps, verbosity=0)
    companies.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Communication staff").permissions.add(
        Permission.objects.get(content_type__app_label="companies", codename="manage_editors")
    )
    Group.objects.get(name="Company editors").permissions.add(
        Permission.objects.get(content_type__app_label="companies", codename="view_inquiry")
    )


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CompanyIndexPage = apps.get_model("companies", "CompanyIndexPage")

    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(Group.objects.get(name="Communication staff"))
    workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for directory in CompanyIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=directory.pk, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0007_manage_editors_permission"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, remove_workflow),
    ]
