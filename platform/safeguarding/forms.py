"""Forms of the meldcode pages. They check types and offer the choices; the rules live in the services."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership
from accounts.roles import ENTREPRENEUR, STAFF
from safeguarding import rules
from safeguarding.models import Outcome, Route, Step

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
HOUSEMATE = "housemate"


def children_choices(user, roles) -> list[tuple[int, str]]:
    """The children of this location (read in the current schema); a parent gets only her own children."""
    from tenants.children.models import Child

    qs = Child.objects.all() if roles & {ENTREPRENEUR, STAFF} else Child.objects.filter(guardians=user)
    return [(child.pk, child.full_name) for child in qs.order_by("first_name", "last_name")]


def subject_choices(location) -> list[tuple[str, str]]:
    memberships = (Membership.objects.filter(location=location, is_active=True, role__in=[ENTREPRENEUR, STAFF])
                   .select_related("user").order_by("user__full_name"))
    people = {}
    for membership in memberships:
        label = people.get(membership.user_id)
        if membership.role == ENTREPRENEUR or label is None:
            suffix = _("entrepreneur") if membership.role == ENTREPRENEUR else _("staff member")
            people[membership.user_id] = f"{membership.user.full_name} ({suffix})"
    return ([("", _("(choose the person)"))] + [(str(pk), label) for pk, label in people.items()]
            + [(HOUSEMATE, _("A housemate of the entrepreneur (care at home)"))])


class ReportConcernForm(forms.Form):
    route = forms.TypedChoiceField(
        label=_("Route"), choices=Route.choices, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("Choose the route that fits what you saw or heard.")})
    children = forms.TypedMultipleChoiceField(
        label=_("Child or children concerned"), coerce=int, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one child."),
                        "invalid_choice": _("Choose the children from the list of this location.")})
    observed_on = forms.DateField(label=_("Date seen or heard"), widget=DATE,
                                  error_messages={"required": _("Give the date on which you saw or heard it.")})
    observed_place = forms.CharField(label=_("Place"), max_length=500,
                                     help_text=_("Where it happened, e.g. the group room or the garden."))
    description = forms.CharField(
        label=_("What did you see or hear?"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Facts only: what you saw or heard yourself, and what was said, in the words used."))
    subject = forms.ChoiceField(label=_("Who is the concern about? (route 2)"), required=False)
    subject_is_housemate = forms.BooleanField(
        label=_("This person lives with the entrepreneur"), required=False,
        help_text=_("E.g. her partner who works in her home childcare. The report then goes to the pedagogue "
                    "only."))
    housemate_name = forms.CharField(label=_("Name of the housemate"), max_length=200, required=False)
    housemate_relation = forms.CharField(label=_("Relation to the entrepreneur"), max_length=200, required=False,
                                         help_text=_("E.g. partner, son, lodger."))

    def __init__(self, *args, location, user, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["children"].choices = children_choices(user, roles)
        self.fields["subject"].choices = subject_choices(location)

    def clean(self):
        data = super().clean()
        if data.get("route") == rules.ROUTE_PROFESSIONAL:
            if not data.get("subject"):
                self.add_error("subject", _("For route 2, say who the concern is about."))
            elif data["subject"] == HOUSEMATE:
                if not (data.get("housemate_name") or "").strip():
                    self.add_error("housemate_name", _("Give the housemate's name."))
                if not (data.get("housemate_relation") or "").strip():
                    self.add_error("housemate_relation", _("Say how the housemate is related to the entrepreneur."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        subject = data.get("subject") or ""
        is_route_2 = data["route"] == rules.ROUTE_PROFESSIONAL
        return {
            "route": data["route"],
            "child_ids": data["children"],
            "observed_on": data["observed_on"],
            "observed_place": data["observed_place"],
            "description": data["description"],
            "subject_user_id": int(subject) if is_route_2 and subject.isdigit() else None,
            "housemate_name": data.get("housemate_name", "") if is_route_2 and subject == HOUSEMATE else "",
            "housemate_relation": data.get("housemate_relation", "") if is_route_2 and subject == HOUSEMATE else "",
            "subject_is_housemate": bool(is_route_2 and subject.isdigit() and data.get("subject_is_housemate")),
        }


def staff_choices(location, entrepreneur) -> list[tuple[int, str]]:
    memberships = (Membership.objects.filter(location=location, is_active=True, role=STAFF)
                   .exclude(user=entrepreneur).select_related("user").order_by("user__full_name"))
    return [(m.user_id, m.user.full_name) for m in memberships]


class HousematesForm(forms.Form):
    """The entrepreneur says which of her staff members live with her."""

    housemates = forms.TypedMultipleChoiceField(
        label=_("Staff members who live with you"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A concern about one of them goes to the cooperative's pedagogue only, and you do not see "
                    "it."),
        error_messages={"invalid_choice": _("Choose a staff member of this location.")})

    def __init__(self, *args, location, entrepreneur, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["housemates"].choices = staff_choices(location, entrepreneur)


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"))
    done_on = forms.DateField(label=_("Date"), widget=DATE)
    who = forms.CharField(label=_("Who"), max_length=500,
                          help_text=_("Who took part, e.g. the pedagogue and the entrepreneur; Veilig Thuis."))
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    consulted_veilig_thuis = forms.BooleanField(label=_("Veilig Thuis consulted"), required=False)
    consulted_inspector = forms.BooleanField(label=_("Confidential inspector consulted (route 2)"), required=False)
    parents_not_told = forms.BooleanField(
        label=_("Not talked with the parents, because that would endanger the child"), required=False)
    crime_suspected = forms.BooleanField(label=_("Reasonable suspicion of a crime (route 2)"), required=False)
    reported_veilig_thuis = forms.BooleanField(label=_("Reported to Veilig Thuis"), required=False)
    help_organised = forms.BooleanField(label=_("Help organised"), required=False)

    def __init__(self, *args, route, **kwargs):
        kwargs.setdefault("initial", {"done_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(step, Step(step).label)
                                       for step in rules.steps_for(route, crime_suspected=True)]
        if route != rules.ROUTE_PROFESSIONAL:
            del self.fields["consulted_inspector"]
            del self.fields["crime_suspected"]


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—")] + Outcome.choices)
    notes = forms.CharField(label=_("Closing notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "close_%s")  # on the same page as the step form: ids of its own
        super().__init__(*args, **kwargs)
