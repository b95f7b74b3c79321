"""`{% admin_init %}`: the inert element that static/js/admin-init.js starts a widget
from (site/core/admin_csp.py)."""

from django import template

from core.admin_csp import init_element

register = template.Library()


@register.simple_tag
def admin_init(call, target=None, data=None, construct=False):
    return init_element(call, target=target, data=data, construct=construct)
