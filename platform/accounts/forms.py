"""Forms for logging in and choosing a language."""
from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accounts.roles import roles_for


class LoginForm(AuthenticationForm):
    """E-mail and password; at a location only its members get in, and only while it is active."""

    username = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True,
                                                                                          "autocomplete": "email"}))

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("This e-mail address and password do not match."),
        "no_access": _("You have no access to this location."),
        "suspended": _("This location is suspended; nobody can log in here now."),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        location = getattr(self.request, "location", None)
        if location is None:
            return
        if not location.is_active:
            raise forms.ValidationError(self.error_messages["suspended"], code="suspended")
        if not roles_for(user, location):
            raise forms.ValidationError(self.error_messages["no_access"], code="no_access")


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=lambda: settings.LANGUAGES)
