"""Reads of the child information sheet. `allergens_by_child` and `diets_by_child` are what the menu check
reads; the sheet pages read through `sheet_for`, which refuses what the person may not see."""
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.child_sheet import rules
from tenants.child_sheet.labels import allergen_label, diet_label
from tenants.child_sheet.models import ChildSheet, EmergencyContact, SheetLook


def allergens_by_child(child_ids) -> dict[int, set[str]]:
    """{child id: the EU allergen codes (rules.EU_ALLERGENS) the child must not have}; every id asked for is a
    key, with an empty set when nothing is recorded."""
    ids = list(child_ids)
    found: dict[int, set[str]] = {pk: set() for pk in ids}
    for child_id, codes in ChildSheet.objects.filter(child_id__in=ids).values_list("child_id", "allergens"):
        found[child_id] = set(codes or [])
    return found


def diets_by_child(child_ids) -> dict[int, list[str]]:
    """{child id: the child's diets as the cook reads them}: the ticked diets' labels in the reader's language
    (in the order of rules.DIETS) and then the parents' own words on the diet (children.Child.diet), if any.
    Every id asked for is a key."""
    from tenants.children.models import Child

    ids = list(child_ids)
    found: dict[int, list[str]] = {pk: [] for pk in ids}
    for child_id, codes in ChildSheet.objects.filter(child_id__in=ids).values_list("child_id", "diets"):
        found[child_id] = [diet_label(code) for code in rules.DIETS if code in set(codes or [])]
    for child_id, text in Child.objects.filter(pk__in=ids).exclude(diet="").values_list("pk", "diet"):
        found[child_id].append(text.strip())
    return found


def allergen_labels(codes) -> list[str]:
    return [allergen_label(code) for code in rules.ordered_allergens(codes)]


def sheet_of(child) -> ChildSheet:
    """The child's sheet (an unsaved empty one when nothing was recorded yet)."""
    try:
        return child.sheet
    except ChildSheet.DoesNotExist:
        return ChildSheet(child=child)


def may_read(user, roles: set[str], child) -> bool:
    from tenants.children.selectors import children_visible_to

    if not roles & {ENTREPRENEUR, STAFF, PARENT}:
        return False
    return children_visible_to(user, roles).filter(pk=child.pk).exists()


def child_for(user, roles: set[str], pk: int):
    """The child whose sheet `user` may read and change (staff and the entrepreneur of this location, or a
    guardian of the child), or PermissionDenied."""
    from tenants.children.selectors import children_visible_to

    if not roles & {ENTREPRENEUR, STAFF, PARENT}:
        raise PermissionDenied
    child = children_visible_to(user, roles).filter(pk=pk).first()
    if child is None:
        raise PermissionDenied
    return child


def contacts_of(child):
    return EmergencyContact.objects.filter(child=child)


def last_look(user, child):
    return SheetLook.objects.filter(user=user, child=child).values_list("seen_at", flat=True).first()


def changes_since(child, since):
    """The sheet's changes (children.ChildChange, action 'sheet_changed' and pick-up persons) after `since`."""
    from tenants.children.models import ChildChange

    return ChildChange.objects.filter(child=child, at__gt=since,
                                      action__in=["sheet_changed", "pickup_added", "pickup_removed"])


def changed_fields(user, child, now=None) -> set[str]:
    """The fields of the sheet changed since `user` last looked (at most rules.CHANGE_HIGHLIGHT_DAYS ago)."""
    now = now or timezone.now()
    since = rules.highlight_since(last_look(user, child), now)
    return set(changes_since(child, since).values_list("field", flat=True))


def recently_changed(child_ids, user, now=None) -> set[int]:
    """Of `child_ids`, the children whose sheet changed since `user` last looked at it (for lists)."""
    from tenants.children.models import ChildChange

    now = now or timezone.now()
    looks = dict(SheetLook.objects.filter(user=user, child_id__in=child_ids).values_list("child_id", "seen_at"))
    latest: dict[int, object] = {}
    floor = rules.highlight_since(None, now)
    for child_id, at in (ChildChange.objects.filter(child_id__in=child_ids, at__gt=floor,
                                                    action__in=["sheet_changed", "pickup_added", "pickup_removed"])
                         .values_list("child_id", "at")):
        if child_id not in latest or at > latest[child_id]:
            latest[child_id] = at
    return {child_id for child_id, at in latest.items() if rules.is_new(at, looks.get(child_id), now)}
