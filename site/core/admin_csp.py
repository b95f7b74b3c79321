"""Wagtail's admin without inline scripts, so that its Content-Security-Policy can forbid
them as the public site's does.

Wagtail (and wagtail-localize) start a few widgets with inline `<script>`s: choosers,
date pickers, inline panels. Here each of those becomes inert data instead, a
`<script type="application/json" data-admin-init=...>` element naming the function or
class and its arguments, and static/js/admin-init.js makes the same call from a file:
for the page as loaded, and for forms added later (an inline panel's "Add" copies a
template with these elements in it). The templates in home/templates/wagtailadmin and
home/templates/wagtail_localize write the elements; `patch_choosers` does it for the
chooser widgets, which build their script in Python."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# What Django's json_script escapes, so that data can't close the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def init_element(call, *, target=None, data=None, construct=False):
    """The inert element admin-init.js turns into `call(target, data)` (or with `new`).
    `data` is a JSON string or a value to serialise."""
    text = data if isinstance(data, str) else json.dumps(data)
    attributes = format_html(
        ' data-admin-init="{}"{}{}',
        call,
        format_html(' data-admin-init-target="{}"', target) if target else "",
        mark_safe(" data-admin-init-new") if construct else "",
    )
    return mark_safe(
        f'<script type="application/json"{attributes}>{text.translate(_ESCAPES)}</script>'
    )


def patch_choosers():
    from wagtail.admin.widgets import BaseChooser
    from wagtail.admin.widgets.workflows import AdminTaskChooser

    original = BaseChooser.render

    def render(self, name, value, attrs=None, renderer=None):
        render_js_init = type(self).render_js_init
        if render_js_init not in (BaseChooser.render_js_init, AdminTaskChooser.render_js_init):
            return original(self, name, value, attrs, renderer)  # unknown: left as it was
        id_ = attrs["id"]
        value_data = self.get_value_data(value)
        if render_js_init is AdminTaskChooser.render_js_init:
            init = init_element("createTaskChooser", target=id_)
        else:
            # new PageChooser(id, options), as BaseChooser.render_js_init writes it.
            options = self.get_js_init_options(id_, name, value_data)
            init = init_element(self.js_constructor, target=id_, data=options, construct=True)
        return mark_safe(self.render_html(name, value_data, attrs) + init)

    BaseChooser.render = render
