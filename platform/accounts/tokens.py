"""Forgotten-password links: single use (the token covers the password hash) and valid for an hour.

Django's generator reads PASSWORD_RESET_TIMEOUT, which is a week because invitation links use it too;
a forgotten-password link is refused after `PASSWORD_RESET_LINK_SECONDS`.
"""
from allauth.account.forms import EmailAwarePasswordResetTokenGenerator
from django.conf import settings
from django.utils.http import base36_to_int


class PasswordResetTokenGenerator(EmailAwarePasswordResetTokenGenerator):
    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        try:
            made_at = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - made_at <= settings.PASSWORD_RESET_LINK_SECONDS
