from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.messages.models import Conversation


class ConversationForm(forms.Form):
    child = forms.TypedChoiceField(label=_("About"), coerce=int)
    recipient = forms.ChoiceField(label=_("To"), choices=Conversation.Recipient.choices,
                                  initial=Conversation.Recipient.GROUP, widget=forms.RadioSelect)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [(c.pk, c.full_name) for c in children]


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 4}))


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 6}))
    group = forms.TypedChoiceField(label=_("For"), coerce=int, required=False, empty_value=None)
    #: A random token made when the form is shown: the same form sent twice publishes once.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", _("all parents of the location"))] + [(g.pk, g.name) for g in groups]
