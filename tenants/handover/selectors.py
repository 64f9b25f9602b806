"""Reads of handovers that respect who is asking: staff and the entrepreneur see every child's handover at
this location, a parent only those of their own children; photo links are signed per person and expire."""
from datetime import date

from django.core import signing
from django.db import connection
from django.urls import reverse

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.children.models import Child
from tenants.handover import rules
from tenants.handover.models import Handover, HandoverPhoto

PHOTO_SALT = "handover.photo"


def handovers_visible_to(user, roles: set[str]):
    qs = Handover.objects.select_related("child", "written_by")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def children_of_the_day(day: date) -> list[Child]:
    """Children expected (contract, accepted extra day, not reported absent) or checked in on `day`."""
    from tenants.attendance import planned
    from tenants.attendance.models import AttendanceRecord

    ids = {item.child_id for item in planned.expected_children(day)}
    ids |= set(AttendanceRecord.objects.filter(date=day).values_list("child_id", flat=True))
    return list(Child.objects.filter(pk__in=ids).select_related("group").order_by("first_name", "last_name"))


def day_list(day: date) -> list[dict]:
    """Today's children for the staff list: those without a handover first."""
    children = children_of_the_day(day)
    written = {h.child_id: h for h in Handover.objects.filter(date=day, child__in=children)}
    rows = [{"child": child, "handover": written.get(child.pk)} for child in children]
    rows.sort(key=lambda row: (row["handover"] is not None, row["child"].first_name, row["child"].last_name))
    return rows


def written_on(day: date) -> set[int]:
    """The ids of the children whose handover of `day` is written."""
    return set(Handover.objects.filter(date=day).values_list("child_id", flat=True))


def missing_today(day: date) -> list[Child]:
    return [row["child"] for row in day_list(day) if row["handover"] is None]


# --- photo links ---------------------------------------------------------------------------------


def photo_token(photo: HandoverPhoto, user) -> str:
    """A signed token for one photo, one person and this location; valid for rules.PHOTO_LINK_SECONDS."""
    return signing.dumps({"p": photo.pk, "u": user.pk, "s": connection.schema_name}, salt=PHOTO_SALT, compress=True)


def photo_url(photo: HandoverPhoto, user) -> str:
    return reverse("handover-photo", args=[photo_token(photo, user)])


def photo_for_token(token: str, user, max_age: int = rules.PHOTO_LINK_SECONDS) -> HandoverPhoto | None:
    """The photo a link points to, if the link is genuine, not expired, made for `user` here, and `user` is
    still a guardian of the child (or works at the location); None otherwise."""
    try:
        data = signing.loads(token, salt=PHOTO_SALT, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if data.get("u") != getattr(user, "pk", None) or data.get("s") != connection.schema_name:
        return None
    return HandoverPhoto.objects.filter(pk=data.get("p")).select_related("handover").first()


def may_see_photo(photo: HandoverPhoto, user, roles: set[str]) -> bool:
    if roles & {ENTREPRENEUR, STAFF}:
        return True
    return PARENT in roles and Child.objects.filter(pk=photo.handover.child_id, guardians=user).exists()
