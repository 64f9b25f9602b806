from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.handover.models import Handover


class HandoverForm(forms.Form):
    eating = forms.CharField(label=_("Eating and drinking"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    sleep = forms.CharField(label=_("Sleep (times)"), required=False,
                            help_text=_("For example 12:30-14:00, 15:15-15:45"))
    nappies = forms.CharField(label=_("Nappies or toilet"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    mood = forms.ChoiceField(label=_("Mood"), required=False, choices=[("", "—"), *Handover.Mood.choices])
    behaviour = forms.CharField(label=_("Behaviour"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    activities = forms.CharField(label=_("Activities"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    message = forms.CharField(label=_("Message for the parents"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    photo = forms.FileField(label=_("Photo"), required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
                            help_text=_("Optional. Seen only by the child's parents, through a link that expires."))


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
