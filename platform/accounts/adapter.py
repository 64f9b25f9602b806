"""How django-allauth fits the platform: no signing up, e-mails in the person's language, our client address,
and next-URLs only to our own hosts."""
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation

from accounts import hosts
from accounts.throttling import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Accounts come from invitations (the cooperative or an entrepreneur adds people)."""
        return False

    def get_client_ip(self, request):
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine the client's address.")
        return ip

    def is_safe_url(self, url):
        """Relative paths, the main domain and active locations' hosts (not every subdomain)."""
        if not url:
            return False
        return hosts.is_local_path(url) or hosts.split_next(url) is not None

    def get_reset_password_from_key_url(self, key):
        """Always on the main domain, where everybody logs in."""
        from django.urls import reverse

        return hosts.main_url(reverse("account_reset_password_from_key", kwargs={"uidb36": key.split("-", 1)[0],
                                                                                 "key": key.split("-", 1)[1]}))

    def send_mail(self, template_prefix, email, context):
        """In the recipient's language (the reset form is filled in before anyone is logged in)."""
        from accounts.models import User

        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        language = getattr(user, "language", None) or settings.LANGUAGE_CODE
        with translation.override(language):
            super().send_mail(template_prefix, email, {"site_title": _site_title(), **context})


class MFAAdapter(DefaultMFAAdapter):
    def get_totp_label(self, user) -> str:
        return user.email


def _site_title() -> str:
    from cooperative.models import Cooperative

    return Cooperative.load().name
