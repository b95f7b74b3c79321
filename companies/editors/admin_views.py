"""Admin views of company self-service: staff manage a company's editors; editors send a
draft (for instance one saved in the translation editor) to review."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .access import company_group_name
from .invitations import InviteForm, invite, send_invitation, withdraw

MANAGE_EDITORS = "companies.manage_editors"


def company_page_model():
    # By name: the page models sit above the features whose code they use.
    return apps.get_model("companies", "CompanyPage")


def editors_of(company):
    return (
        get_user_model()
        .objects.filter(groups__name=company_group_name(company))
        .order_by("email")
        .distinct()
    )


@method_decorator(permission_required(MANAGE_EDITORS), name="dispatch")
class CompanyEditorsView(WagtailAdminTemplateMixin, FormView):
    """Who edits this company, invite another, revoke one."""

    template_name = "companies/admin/editors.html"
    form_class = InviteForm
    header_icon = "group"
    page_title = gettext_lazy("Company editors")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.company = get_object_or_404(company_page_model(), pk=kwargs["page_id"])

    def get_page_subtitle(self):
        return self.company.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.company.pk]),
                "label": self.company.title,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        return {"language": self.request.LANGUAGE_CODE}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            company=self.company, editors=editors_of(self.company), **kwargs
        )

    def form_valid(self, form):
        email, language = form.cleaned_data["email"], form.cleaned_data["language"]
        user, created = invite(self.company, email, language, self.request.user)
        if send_invitation(user, self.company, language, self.request.user):
            messages.success(
                self.request,
                _("%(email)s can now edit %(company)s; an invitation was emailed.")
                % {"email": email, "company": self.company.title},
            )
        else:
            messages.warning(
                self.request,
                _(
                    "%(email)s can now edit %(company)s, but the invitation email could not "
                    "be sent. Try again later, or ask them to use “Forgot password?” on the "
                    "sign-in page."
                )
                % {"email": email, "company": self.company.title},
            )
        return redirect("companies_editors", page_id=self.company.pk)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


@require_POST
@permission_required(MANAGE_EDITORS)
def revoke_editor(request, page_id, user_id):
    company = get_object_or_404(company_page_model(), pk=page_id)
    user = get_object_or_404(editors_of(company), pk=user_id)
    withdraw(company, user, request.user)
    messages.success(
        request,
        _("%(email)s can no longer edit %(company)s.")
        % {"email": user.email or user.get_username(), "company": company.title},
    )
    return redirect("companies_editors", page_id=company.pk)


@require_POST
def submit_for_review(request, page_id):
    """Start the review of the page's latest draft. The page editor has its own button;
    this one serves drafts saved in the translation editor, which has none."""
    page = get_object_or_404(company_page_model(), pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    if permissions.can_submit_for_moderation() and page.has_unpublished_changes:
        page.get_workflow().start(page, request.user)
        messages.success(
            request,
            _("“%(title)s” was sent to review.") % {"title": page.get_admin_display_title()},
        )
    else:
        messages.error(request, _("There is no draft waiting to be sent to review."))
    return redirect("wagtailadmin_home")
