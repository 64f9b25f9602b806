"""Writes about locations: provisioning (aanmelden), suspending (schorsen) and offboarding (opzeggen).

The page, the API and the `create_location` command all call `provision_location`, so they share one
validation and one transaction: either the schema, the domain, the entrepreneur's account and
membership all exist afterwards, or none of them does.
"""
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import Membership, User
from cooperative import rules, schemas
from cooperative.models import Domain, Location
from tenants.exports.services import location_data


@dataclass
class NewLocation:
    name: str
    slug: str
    kind: str
    jurisdiction: str
    entrepreneur_email: str
    entrepreneur_name: str
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    lrk_numbers: dict = field(default_factory=dict)
    licensed_places: int = 0
    play_space_m2: Decimal = Decimal("0")
    opening_date: date | None = None


def provision_location(data: NewLocation, *, send_invitation: bool = True) -> Location:
    """Create a location: its schema (cloned from the template), domain, entrepreneur and membership."""
    # Locations, domains and accounts live in the public schema, whatever schema an earlier request or task
    # left this connection in (django-tenants refuses to save a tenant from another schema).
    connection.set_schema_to_public()
    slug = (data.slug or "").strip().lower()
    errors: dict[str, list[str]] = {}
    try:
        validate_email(data.entrepreneur_email or "")
    except ValidationError:
        errors["entrepreneur_email"] = ["Enter a valid e-mail address."]
    if not (data.entrepreneur_name or "").strip():
        errors["entrepreneur_name"] = ["The entrepreneur's name is required."]
    location = Location(
        name=(data.name or "").strip(),
        slug=slug,
        schema_name=rules.schema_name_for(slug),
        kind=data.kind,
        jurisdiction=data.jurisdiction,
        street=data.street,
        postal_code=data.postal_code,
        city=data.city,
        region=data.region,
        lrk_numbers=data.lrk_numbers or {},
        licensed_places=data.licensed_places or 0,
        play_space_m2=data.play_space_m2 or Decimal("0"),
        opening_date=data.opening_date,
    )
    try:
        location.full_clean()
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault("slug" if key == "schema_name" else key, []).extend(messages)
    if not errors.get("slug") and Domain.objects.filter(domain=location.host).exists():
        errors["slug"] = [f"The host name {location.host} is already in use."]
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        location.save()
        schemas.clone_template(location.schema_name)
        Domain.objects.create(domain=location.host, tenant=location, is_primary=True)
        email = data.entrepreneur_email.strip().lower()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(email=email, full_name=data.entrepreneur_name.strip())
        Membership.objects.create(user=user, location=location, role=Membership.Role.ENTREPRENEUR)
        if send_invitation:  # through the outbox: a mail server that is down fails nothing
            from outbox.deliveries import invite_after_commit

            invite_after_commit(user, location, Membership.Role.ENTREPRENEUR)
    return location


def invitation_link(user: User, location: Location) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return f"{location.url}account/invitation/{uid}/{token}/"


def invite(user: User, location: Location, role: str) -> None:
    """E-mail a person that they have a role at a location; new accounts get a link to set a password."""
    with translation.override(user.language):
        context = {
            "user": user,
            "location": location,
            "role": Membership.Role(role).label,
            "link": invitation_link(user, location) if not user.has_usable_password() else location.url,
            "has_password": user.has_usable_password(),
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def suspend_location(location: Location) -> Location:
    """No logins at the location until it is reactivated; its data stays as it is."""
    if location.status == Location.Status.OFFBOARDED:
        raise ValidationError({"status": ["An offboarded location cannot be suspended."]})
    location.status = Location.Status.SUSPENDED
    location.status_changed_at = timezone.now()
    location.save(update_fields=["status", "status_changed_at"])
    return location


def reactivate_location(location: Location) -> Location:
    if location.status != Location.Status.SUSPENDED:
        raise ValidationError({"status": ["Only a suspended location can be reactivated."]})
    location.status = Location.Status.ACTIVE
    location.status_changed_at = timezone.now()
    location.save(update_fields=["status", "status_changed_at"])
    return location


def offboard_location(location: Location) -> Path:
    """Export all of the location's data to a file, then drop its schema. Returns the export's path."""
    if location.status == Location.Status.OFFBOARDED:
        raise ValidationError({"status": ["This location has already been offboarded."]})
    export_dir = Path(settings.EXPORT_ROOT)
    export_dir.mkdir(parents=True, exist_ok=True)
    path = export_dir / f"{location.slug}-offboarded-{timezone.now():%Y%m%d%H%M%S}.json"
    path.write_text(json.dumps(location_data(location), indent=1, ensure_ascii=False))
    with transaction.atomic():
        schemas.drop_schema(location.schema_name)
        location.domains.all().delete()
        location.memberships.update(is_active=False)
        location.status = Location.Status.OFFBOARDED
        location.status_changed_at = timezone.now()
        location.save(update_fields=["status", "status_changed_at"])
    return path
