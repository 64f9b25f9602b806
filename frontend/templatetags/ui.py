"""The design system's template tags: accessible form fields, empty states, confirmations and charts.

Load with `{% load ui %}`. Every app's pages reuse these instead of writing their own markup.
"""
from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from config.languages import base_language
from cooperative import selectors as coop_selectors
from frontend.numbers import localized_number, money

register = template.Library()


@register.simple_tag
def field_widget(field):
    """A form field's widget tied to its help text and errors for screen readers."""
    describedby = []
    if field.help_text:
        describedby.append(f"{field.id_for_label}_help")
    if field.errors:
        describedby.append(f"{field.id_for_label}_error")
    attrs = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("ui/empty_state.html")
def empty_state(message, action_url=None, action_label=None):
    """What to show instead of an empty list: what it means and what to do next."""
    return {"message": message, "action_url": action_url, "action_label": action_label}


@register.inclusion_tag("ui/confirm.html", takes_context=True)
def confirm_action(context, url, label, question, confirm_label=None):
    """A destructive action: a button that first asks, without JavaScript, before it posts."""
    return {
        "csrf_token": context.get("csrf_token"),
        "url": url,
        "label": label,
        "question": question,
        "confirm_label": confirm_label or label,
    }


@register.filter
def number(value):
    """A number in the reader's language with the decimals it has: {{ "80.833"|number }} → 80,833 in Dutch."""
    return localized_number(value)


@register.filter
def language_base(code):
    """The language of a code without its region (nl for nl-be): the language switch offers no variant of the
    language a page is in, since a location speaks its own variant (config.languages.language_at)."""
    return base_language(code or "")


@register.filter
def entrepreneurs(location):
    """Names of a location's active entrepreneurs (uses the prefetched memberships)."""
    return ", ".join(user.full_name for user in coop_selectors.entrepreneurs_of(location))


@register.simple_tag
def bar_chart(data, title, unit_label="", chart_id="chart"):
    """A horizontal bar chart as inline SVG, rendered on the server (works offline, prints well).

    `data` is a list of (label, value). Each bar carries its label and value as text, so the chart
    needs no colour to be read; the SVG has a title and a description for screen readers. Give each chart
    on a page its own `chart_id`.
    """
    rows = [(str(label), int(value)) for label, value in data]
    top = max([value for _label, value in rows] + [1])
    width, bar_height, gap, label_height = 320, 18, 14, 18
    row_height = label_height + bar_height + gap
    height = max(row_height * len(rows), row_height)
    description = "; ".join(f"{label}: {value}" for label, value in rows) or _("No data")
    bars = format_html_join(
        "",
        '<g transform="translate(0,{})"><text x="0" y="13" class="chart-label">{}</text>'
        '<rect x="0" y="{}" width="{}" height="{}" rx="3" class="chart-bar"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text></g>',
        (
            (
                index * row_height,
                label,
                label_height,
                round((width - 40) * value / top, 1),
                bar_height,
                round((width - 40) * value / top, 1) + 6,
                label_height + 14,
                value,
            )
            for index, (label, value) in enumerate(rows)
        ),
    )
    return format_html(
        '<figure class="chart"><svg viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="{}-t {}-d" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>'
        "<figcaption>{} {}</figcaption></figure>",
        width, height, chart_id, chart_id, chart_id, title, chart_id, description, bars, title, unit_label,
    )


@register.filter
def euro(value):
    """An amount in euros as the reader writes it: {{ invoice.total|euro }} → € 1.234,50 in Dutch."""
    if value is None or value == "":
        return ""
    return money(value)
