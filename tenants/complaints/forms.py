"""Page forms for complaints; they call the same services as the API."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.calendar.forms import DATE
from tenants.complaints import rules
from tenants.complaints.models import Complaint, Subject

MELDCODE_CHOICE = (rules.MELDCODE, _("suspected child abuse or (sexually) transgressive behaviour — this is not a "
                                     "complaint: you will be taken to the meldcode"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        single = super().clean
        return [single(item, initial) for item in (data if isinstance(data, list | tuple) else [data])]


def subject_choices(regulation) -> list[tuple[str, str]]:
    return [(value, label) for value, label in Subject.choices if value in regulation.subjects]


class FileComplaintForm(forms.Form):
    """A parent's complaint. Choosing the meldcode subject stores nothing and leads to the meldcode."""

    subject = forms.ChoiceField(label=_("What is your complaint about?"), widget=forms.RadioSelect)
    child = forms.ChoiceField(label=_("Child"), required=False)
    description = forms.CharField(label=_("Your complaint"), widget=forms.Textarea(attrs={"rows": 6}),
                                  required=False, max_length=5000,
                                  help_text=_("What happened, when, and what would you like the location to do?"))
    attachments = MultipleFileField(label=_("Attachments"), required=False,
                                    help_text=_("Up to 5 files (PDF, images, Word or text), at most 10 MB each."))

    def __init__(self, *args, regulation, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [*subject_choices(regulation), MELDCODE_CHOICE]
        self.children = {str(child.pk): child for child in children}
        self.fields["child"].choices = [("", _("— not about one child —"))] + [
            (pk, child.full_name) for pk, child in self.children.items()]

    def clean_child(self):
        value = self.cleaned_data.get("child")
        return self.children.get(value) if value else None


class RecordComplaintForm(forms.Form):
    """The entrepreneur records a complaint received on paper, by phone, by e-mail or in person."""

    channel = forms.ChoiceField(label=_("Received"), choices=[c for c in Complaint.Channel.choices
                                                               if c[0] != Complaint.Channel.PORTAL])
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    complainant = forms.ChoiceField(label=_("Parent"), required=False)
    complainant_name = forms.CharField(label=_("Or the parent's name"), max_length=200, required=False)
    complainant_email = forms.EmailField(label=_("The parent's e-mail address"), required=False,
                                         help_text=_("The letters are sent to this address."))
    subject = forms.ChoiceField(label=_("Subject"))
    child = forms.ChoiceField(label=_("Child"), required=False)
    description = forms.CharField(label=_("The complaint"), widget=forms.Textarea(attrs={"rows": 6}),
                                  max_length=5000, required=False)
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, regulation, children, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = subject_choices(regulation)
        self.children = {str(child.pk): child for child in children}
        self.parents = {str(user.pk): user for user in parents}
        self.fields["child"].choices = [("", "—")] + [(pk, c.full_name) for pk, c in self.children.items()]
        self.fields["complainant"].choices = [("", "—")] + [(pk, u.full_name) for pk, u in self.parents.items()]

    def clean_child(self):
        value = self.cleaned_data.get("child")
        return self.children.get(value) if value else None

    def clean_complainant(self):
        value = self.cleaned_data.get("complainant")
        return self.parents.get(value) if value else None


class RegulationForm(forms.Form):
    subjects = forms.MultipleChoiceField(label=_("A complaint may be about"), choices=Subject.choices,
                                         widget=forms.CheckboxSelectMultiple, required=False)
    judgement_days = forms.IntegerField(label=_("Days for the written judgement"), min_value=1, max_value=365,
                                        help_text=_("The Netherlands: at most 42 days (six weeks)."))
    acknowledge = forms.BooleanField(label=_("Send an acknowledgement letter"), required=False)
    acknowledgement_days = forms.IntegerField(label=_("Days for the acknowledgement"), min_value=1, max_value=365)
    second_instance = forms.CharField(label=_("Second instance"), max_length=200, required=False,
                                      help_text=_("For example: the general director."))
    introduction = forms.CharField(label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 3}),
                                   required=False)
    acknowledgement_letter = forms.CharField(
        label=_("Acknowledgement letter"), widget=forms.Textarea(attrs={"rows": 8}), required=False,
        help_text=_("Placeholders: %(names)s") % {"names": ", ".join(f"${p}" for p in rules.PLACEHOLDERS)})
    judgement_letter = forms.CharField(
        label=_("Judgement letter"), widget=forms.Textarea(attrs={"rows": 12}), required=False,
        help_text=_("Placeholders: %(names)s") % {"names": ", ".join(f"${p}" for p in rules.PLACEHOLDERS)})


class BodyForm(forms.Form):
    """One external body; the regulation page shows up to three."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    role = forms.CharField(label=_("What they do"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")


BodyFormSet = forms.formset_factory(BodyForm, extra=1, max_num=4)


class JudgeForm(forms.Form):
    judgement = forms.CharField(label=_("Judgement"), widget=forms.Textarea(attrs={"rows": 6}), required=False,
                                help_text=_("Your reasoned judgement, as the parent will read it."))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *Complaint.Outcome.choices], required=False)
    measure_1 = forms.CharField(label=_("Measure 1"), max_length=300, required=False)
    measure_1_on = forms.DateField(label=_("Measure 1 planned on"), widget=DATE, required=False)
    measure_2 = forms.CharField(label=_("Measure 2"), max_length=300, required=False)
    measure_2_on = forms.DateField(label=_("Measure 2 planned on"), widget=DATE, required=False)
    measure_3 = forms.CharField(label=_("Measure 3"), max_length=300, required=False)
    measure_3_on = forms.DateField(label=_("Measure 3 planned on"), widget=DATE, required=False)

    def measures(self) -> list[dict]:
        return [{"description": self.cleaned_data.get(f"measure_{i}") or "",
                 "planned_on": self.cleaned_data.get(f"measure_{i}_on")} for i in (1, 2, 3)]


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class EscalateForm(forms.Form):
    body = forms.ChoiceField(label=_("Taken to"))

    def __init__(self, *args, regulation, **kwargs):
        super().__init__(*args, **kwargs)
        names = [b.get("name") for b in regulation.external_bodies]
        if regulation.second_instance:
            names.append(regulation.second_instance)
        self.fields["body"].choices = [(n, n) for n in names]


class AnnualReportForm(forms.Form):
    reflection = forms.CharField(
        label=_("Reflection"), widget=forms.Textarea(attrs={"rows": 6}), required=False,
        help_text=_("What did you learn, what did you change? Names, e-mail addresses and phone numbers are left "
                    "out of the report."))
    discussed_on = forms.DateField(label=_("Discussed with the parent committee on"), widget=DATE, required=False)
    sent_to_ggd_on = forms.DateField(label=_("Sent to the GGD inspector on"), widget=DATE, required=False)
