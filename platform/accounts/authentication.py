"""API token authentication that refuses people who must set up a second factor and have not yet."""
from rest_framework import authentication, exceptions

from accounts.second_factor import owes_second_factor

SET_UP_FIRST = "Two-factor authentication is required for your role: set it up on the website first."


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if owes_second_factor(user):
            raise exceptions.AuthenticationFailed(SET_UP_FIRST)
        return user, token
