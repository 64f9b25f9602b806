"""Ratio and capacity rules: staff, group size and play space for the children present at one moment.

Plain functions over plain values, no Django: the API, the public calculator, the planning page and the
extra-day check all call `check()`. Ages are whole years (the age on the day of care).

Texts are English templates with named `%(...)s` parameters. The templates are marked with
`gettext_noop` (a no-op here) so that `makemessages` collects them; the API and page layer translate a
`Violation.template` (or `Result.rule_template`) with gettext and fill in the parameters.

Sources
-------
* Day care (KDV): Besluit kwaliteit kinderopvang (BWBR0039936), tabel 1 of its annex, in force since
  1 January 2019, exactly as listed in issue 4. The row is chosen by the youngest and the oldest age
  present; a group has at most 16 children, at most 12 when all are of age 0.
* After-school care (BSO): the same decree, tabel 2 of its annex (bijlage 1, onderdeel b), cell by cell: see
  `BSO_TABLE` below.
* Childminder (gastouder): the childminder's group size under the Wet kinderopvang and the same decree, as
  DESIGN.md "Locations (001)" and the Rijksoverheid's summary put it: at most 6 children of 0-12 at once,
  at most 5 when all are under 4, at most 4 of age 0 and 1 together of whom at most 2 of age 0, the
  childminder's own children under 10 included. The article text was not at hand when this was checked;
  the numbers agree in both summaries. A backup person (achterwacht) is needed from the fourth child
  present (`backup_required`); the planning and the tablet show who it is for the day.
* Play space: at least 3.5 m2 of indoor play space per child present (same decree; DESIGN.md).
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

KDV = "kdv"
BSO = "bso"
GASTOUDER = "gastouder"
CARE_TYPES = (KDV, BSO, GASTOUDER)

#: Whole-year ages each care type takes (inclusive).
AGE_RANGES = {KDV: (0, 3), BSO: (4, 12), GASTOUDER: (0, 12)}
#: Own children of the childminder: counted while under 10; older ones are accepted and not counted.
OWN_CHILD_COUNTED_BELOW = 10
OWN_CHILD_MAX_AGE = 17
MAX_CHILDREN_INPUT = 40

PLAY_SPACE_PER_CHILD_M2 = 3.5


def gettext_noop(message: str) -> str:
    """Marks a text for translation without translating it (the name makemessages looks for)."""
    return message


# ---------------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """A broken rule: a stable `code`, the English `message`, and its template and parameters."""

    code: str
    message: str
    template: str = ""
    params: dict = field(default_factory=dict)


def violation(code: str, template: str, **params) -> Violation:
    return Violation(code=code, message=template % params, template=template, params=params)


@dataclass(frozen=True)
class Result:
    """The answer of a check.

    `required_staff`: the fewest staff with whom the children present are allowed (None when no number
    of staff makes the group allowed, e.g. a group that is too large). `max_children`: the most children
    allowed with the given staff (and play space, when given), for the mix of ages present. `rule`: the
    row or rule that applied, in English; `rule_template` and `rule_params` to translate it.
    """

    allowed: bool
    required_staff: int | None
    max_children: int | None
    rule: str
    violations: list[Violation] = field(default_factory=list)
    rule_template: str = ""
    rule_params: dict = field(default_factory=dict)
    backup_required: bool = False

    @property
    def codes(self) -> list[str]:
        return [item.code for item in self.violations]


def _rule(template: str, **params) -> dict:
    return {"rule": template % params, "rule_template": template, "rule_params": params}


def _validate_ages(ages: Iterable[int], care_type: str) -> list[int]:
    ages = list(ages)
    low, high = AGE_RANGES[care_type]
    for age in ages:
        if isinstance(age, bool) or not isinstance(age, int):
            raise ValueError(f"Age {age!r} is not a whole number of years.")
        if not low <= age <= high:
            raise ValueError(f"Age {age} is outside {low}-{high} for {care_type}.")
    if len(ages) > MAX_CHILDREN_INPUT:
        raise ValueError(f"More than {MAX_CHILDREN_INPUT} children.")
    return ages


def _validate_staff(staff: int) -> int:
    if isinstance(staff, bool) or not isinstance(staff, int) or staff < 0:
        raise ValueError(f"Staff {staff!r} must be a whole number of at least 0.")
    return staff


# ---------------------------------------------------------------------------------------------------
# Day care (KDV): Besluit kwaliteit kinderopvang, bijlage 1, tabel 1
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One alternative of a table cell: at most `children`, of whom at most `max_age_0` of age 0."""

    children: int
    max_age_0: int | None = None

    def holds_for(self, age_0: int) -> bool:
        return self.max_age_0 is None or age_0 <= self.max_age_0


#: The star of the table: in these cells at most 8 children of age 0.
STAR = 8

#: (youngest, oldest) -> one column per number of staff (1, 2, ...), each a tuple of alternatives.
KDV_TABLE: dict[tuple[int, int], tuple[tuple[Cell, ...], ...]] = {
    (0, 0): ((Cell(3),), (Cell(6),), (Cell(9),), (Cell(12),)),
    (1, 1): ((Cell(5),), (Cell(10),), (Cell(15),), (Cell(16),)),
    (2, 2): ((Cell(8),), (Cell(16),)),
    (3, 3): ((Cell(8),), (Cell(16),)),
    (0, 1): ((Cell(4),), (Cell(8),), (Cell(14, STAR),), (Cell(16, STAR),)),
    (0, 2): ((Cell(5),), (Cell(10),), (Cell(13, STAR), Cell(14, 4), Cell(15, 3)), (Cell(16, STAR),)),
    (0, 3): ((Cell(5),), (Cell(12),), (Cell(14, STAR), Cell(15, 5), Cell(16, 3)), (Cell(16, STAR),)),
    (1, 2): ((Cell(6),), (Cell(11),), (Cell(16),)),
    (1, 3): ((Cell(7),), (Cell(13),), (Cell(16),)),
    (2, 3): ((Cell(8),), (Cell(16),)),
}
KDV_MAX_GROUP = 16
KDV_MAX_GROUP_ALL_AGE_0 = 12


@dataclass(frozen=True)
class KdvRow:
    youngest: int
    oldest: int
    columns: tuple[tuple[Cell, ...], ...]

    @property
    def max_group(self) -> int:
        return KDV_MAX_GROUP_ALL_AGE_0 if (self.youngest, self.oldest) == (0, 0) else KDV_MAX_GROUP

    @property
    def mixed_with_age_0(self) -> bool:
        return self.youngest == 0 and self.oldest > 0

    def column(self, staff: int) -> tuple[Cell, ...]:
        """The cell for `staff`; more staff than the table lists allow what its last column allows."""
        return self.columns[min(staff, len(self.columns)) - 1]

    def label(self) -> str:
        return f"{self.youngest}" if self.youngest == self.oldest else f"{self.youngest}-{self.oldest}"


def kdv_row(ages: Iterable[int]) -> KdvRow | None:
    """The row of table 1 for the youngest and oldest age present (None when no child is present)."""
    ages = _validate_ages(ages, KDV)
    if not ages:
        return None
    key = (min(ages), max(ages))
    return KdvRow(key[0], key[1], KDV_TABLE[key])


def _kdv_cell(row: KdvRow, staff: int, age_0: int) -> Cell | None:
    """The most generous alternative of the staff column that holds for the children of age 0."""
    holding = [cell for cell in row.column(staff) if cell.holds_for(age_0)]
    return max(holding, key=lambda cell: cell.children) if holding else None


def kdv_max_children(ages: Iterable[int], staff: int) -> int:
    """The most children `staff` may care for, with the ages and the number of age-0 children present.

    With no child present the question has no row; the answer is then the group maximum when staff > 0.
    """
    ages = _validate_ages(ages, KDV)
    staff = _validate_staff(staff)
    row = kdv_row(ages)
    if staff == 0:
        return 0
    if row is None:
        return KDV_MAX_GROUP
    age_0 = ages.count(0)
    best = 0
    for count in range(1, staff + 1):
        cell = _kdv_cell(row, count, age_0)
        if cell is not None:
            best = max(best, cell.children)
    return min(best, row.max_group)


def kdv_required_staff(ages: Iterable[int]) -> int | None:
    """The fewest staff for the children present; None when no number of staff is enough."""
    ages = _validate_ages(ages, KDV)
    row = kdv_row(ages)
    if row is None:
        return 0
    if len(ages) > row.max_group:
        return None
    for staff in range(1, len(row.columns) + 1):
        if kdv_max_children(ages, staff) >= len(ages):
            return staff
    return None


def _kdv_rule(row: KdvRow | None, staff: int, age_0: int) -> dict:
    if row is None:
        return _rule(gettext_noop("Day care (KDV): no children present."))
    cell = _kdv_cell(row, staff, age_0) if staff else None
    if cell is None:
        return _rule(
            gettext_noop("Day care (KDV), ages %(ages)s (decree table 1): group at most %(group)s children."),
            ages=row.label(), group=row.max_group,
        )
    if cell.max_age_0 is None:
        return _rule(
            gettext_noop("Day care (KDV), ages %(ages)s (decree table 1): %(staff)s staff for at most "
                         "%(children)s children; group at most %(group)s."),
            ages=row.label(), staff=min(staff, len(row.columns)), children=cell.children, group=row.max_group,
        )
    return _rule(
        gettext_noop("Day care (KDV), ages %(ages)s (decree table 1): %(staff)s staff for at most "
                     "%(children)s children, of whom at most %(age_0)s of age 0; group at most %(group)s."),
        ages=row.label(), staff=min(staff, len(row.columns)), children=cell.children, age_0=cell.max_age_0,
        group=row.max_group,
    )


def kdv_check(ages: Iterable[int], staff: int) -> Result:
    ages = _validate_ages(ages, KDV)
    staff = _validate_staff(staff)
    row = kdv_row(ages)
    age_0 = ages.count(0)
    violations: list[Violation] = []
    if row is not None and len(ages) > row.max_group:
        violations.append(violation(
            "group_too_large",
            gettext_noop("A group may have at most %(max)s children; %(children)s are present."),
            max=row.max_group, children=len(ages),
        ))
    elif row is not None and row.mixed_with_age_0 and age_0 > STAR:
        violations.append(violation(
            "too_many_age_0",
            gettext_noop("A mixed-age group may have at most %(max)s children of age 0; %(age_0)s are present."),
            max=STAR, age_0=age_0,
        ))
    required = kdv_required_staff(ages)
    if required is not None and staff < required:
        violations.append(_not_enough_staff(required, staff, len(ages)))
    return Result(
        allowed=not violations,
        required_staff=required,
        max_children=kdv_max_children(ages, staff),
        violations=violations,
        **_kdv_rule(row, staff, age_0),
    )


def _not_enough_staff(required: int, staff: int, children: int) -> Violation:
    return violation(
        "not_enough_staff",
        gettext_noop("%(children)s children need at least %(required)s staff; %(staff)s present."),
        children=children, required=required, staff=staff,
    )


# ---------------------------------------------------------------------------------------------------
# After-school care (BSO): Besluit kwaliteit kinderopvang, bijlage 1, onderdeel b, tabel 2
# ---------------------------------------------------------------------------------------------------

#: Table 2 of the annex ("Berekening van het minimaal aantal in te zetten beroepskrachten en de maximale
#: groepsgrootte bij groepen in de buitenschoolse opvang"), as in force since 1 January 2019. One row per
#: age band, one column per number of staff; a cell is the most children, and in the mixed row also the
#: most children of 4 to 7 (footnotes 1 and 2: "waarvan maximaal negen / achttien kinderen van 4 tot 7
#: jaar"). A dash in the table (no third column for 4-7 and 4-13) is a column that is not there: those
#: basisgroepen never grow beyond their last column, whatever the staff. The group maximum is in the
#: table itself ("De voorwaarden met betrekking tot de maximale grootte van een basisgroep zijn in tabel 2
#: verwerkt").
#:
#: Rows: "4 tot 7" (every child 4, 5 or 6), "7 tot de leeftijd waarop het basisonderwijs eindigt" (every
#: child 7 or older) and "4 tot de leeftijd waarop het basisonderwijs eindigt" (both present). Whole-year
#: ages: 4-6 are the younger children, 7-12 the older ones.
#:
#: The amendment of Stb. 2024, 64 lets a BSO compute the ratio over the whole location instead of per
#: basisgroep; this check stays per group, the stricter reading, and leaves the table's cells unchanged.
BSO_YOUNG = (4, 6)
BSO_TABLE: dict[str, tuple[Cell, ...]] = {
    "4-7": (Cell(10), Cell(20)),
    "7-13": (Cell(12), Cell(24), Cell(30)),
    "4-13": (Cell(11, 9), Cell(22, 18)),
}


@dataclass(frozen=True)
class BsoRow:
    label: str
    columns: tuple[Cell, ...]

    @property
    def max_group(self) -> int:
        return self.columns[-1].children

    @property
    def max_young(self) -> int | None:
        """In the mixed row: the most children of 4 to 7 the group may ever hold (the last column's)."""
        return self.columns[-1].max_age_0

    @property
    def per_staff(self) -> int:
        """The first column: children per member of staff, as the ratio is usually quoted (1:10, 1:12, 1:11)."""
        return self.columns[0].children

    def column(self, staff: int) -> Cell:
        return self.columns[min(staff, len(self.columns)) - 1]


def _young(ages: list[int]) -> int:
    return sum(1 for age in ages if BSO_YOUNG[0] <= age <= BSO_YOUNG[1])


def bso_row(ages: Iterable[int]) -> BsoRow | None:
    """4-7 when everyone is under 7, 7-13 when everyone is 7 or older, otherwise the mixed row 4-13."""
    ages = _validate_ages(ages, BSO)
    if not ages:
        return None
    if max(ages) <= BSO_YOUNG[1]:
        label = "4-7"
    elif min(ages) > BSO_YOUNG[1]:
        label = "7-13"
    else:
        label = "4-13"
    return BsoRow(label, BSO_TABLE[label])


def bso_max_children(ages: Iterable[int], staff: int) -> int:
    """The most children `staff` may care for, with the row and the number of 4 to 7 year olds present.

    Cells are the table's, column by column (a larger staff may use any smaller column's cell too); in the
    mixed row a cell only counts when the younger children present stay within its footnote.
    """
    ages = _validate_ages(ages, BSO)
    staff = _validate_staff(staff)
    if staff == 0:
        return 0
    row = bso_row(ages)
    if row is None:
        return BSO_TABLE["7-13"][-1].children
    young = _young(ages)
    holding = [row.column(count).children for count in range(1, staff + 1)
               if row.column(count).max_age_0 is None or young <= row.column(count).max_age_0]
    return max(holding, default=0)


def bso_required_staff(ages: Iterable[int]) -> int | None:
    """The fewest staff for the children present; None when no column of the row holds them."""
    ages = _validate_ages(ages, BSO)
    row = bso_row(ages)
    if row is None:
        return 0
    for staff in range(1, len(row.columns) + 1):
        if bso_max_children(ages, staff) >= len(ages):
            return staff
    return None


def _bso_rule(row: BsoRow | None, staff: int) -> dict:
    if row is None:
        return _rule(gettext_noop("After-school care (BSO): no children present."))
    column = min(max(staff, 1), len(row.columns))
    cell = row.column(column)
    if cell.max_age_0 is None:
        return _rule(
            gettext_noop("After-school care (BSO), ages %(ages)s (decree table 2): %(staff)s staff for at most "
                         "%(children)s children; basisgroep at most %(group)s."),
            ages=row.label, staff=column, children=cell.children, group=row.max_group,
        )
    return _rule(
        gettext_noop("After-school care (BSO), ages %(ages)s (decree table 2): %(staff)s staff for at most "
                     "%(children)s children, of whom at most %(young)s of 4 to 7; basisgroep at most %(group)s."),
        ages=row.label, staff=column, children=cell.children, young=cell.max_age_0, group=row.max_group,
    )


def bso_check(ages: Iterable[int], staff: int) -> Result:
    ages = _validate_ages(ages, BSO)
    staff = _validate_staff(staff)
    row = bso_row(ages)
    young = _young(ages)
    violations: list[Violation] = []
    if row is not None and len(ages) > row.max_group:
        violations.append(violation(
            "group_too_large",
            gettext_noop("A group may have at most %(max)s children; %(children)s are present."),
            max=row.max_group, children=len(ages),
        ))
    elif row is not None and row.max_young is not None and young > row.max_young:
        violations.append(violation(
            "too_many_young",
            gettext_noop("A mixed after-school group may have at most %(max)s children of 4 to 7; %(young)s are "
                         "present."),
            max=row.max_young, young=young,
        ))
    required = bso_required_staff(ages)
    if required is not None and staff < required:
        violations.append(_not_enough_staff(required, staff, len(ages)))
    return Result(
        allowed=not violations, required_staff=required, max_children=bso_max_children(ages, staff),
        violations=violations, **_bso_rule(row, staff),
    )


# ---------------------------------------------------------------------------------------------------
# Childminder (gastouderopvang)
# ---------------------------------------------------------------------------------------------------

CHILDMINDER_MAX = 6
CHILDMINDER_MAX_UNDER_4 = 5
CHILDMINDER_MAX_AGE_0_AND_1 = 4
CHILDMINDER_MAX_AGE_0 = 2
CHILDMINDER_BACKUP_ABOVE = 3


def counted_children(ages: Iterable[int], own_children_ages: Iterable[int] = ()) -> list[int]:
    """The children who count: every child placed, and the childminder's own children under 10."""
    own = list(own_children_ages)
    for age in own:
        if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= OWN_CHILD_MAX_AGE:
            raise ValueError(f"Own child's age {age!r} must be a whole number from 0 to {OWN_CHILD_MAX_AGE}.")
    return _validate_ages(ages, GASTOUDER) + [age for age in own if age < OWN_CHILD_COUNTED_BELOW]


def childminder_max_children(counted: list[int]) -> int:
    """6, or 5 when every child counted is under 4 (the same as: at most 5 of them under 4)."""
    return CHILDMINDER_MAX_UNDER_4 if counted and max(counted) < 4 else CHILDMINDER_MAX


def childminder_check(
    ages: Iterable[int], own_children_ages: Iterable[int] = (), has_backup: bool | None = None, staff: int = 1,
) -> Result:
    """A childminder cares alone: `staff` is her (1); 0 means nobody is there to care."""
    counted = counted_children(ages, own_children_ages)
    staff = _validate_staff(staff)
    total = len(counted)
    under_4 = sum(1 for age in counted if age < 4)
    age_0 = counted.count(0)
    age_0_and_1 = sum(1 for age in counted if age <= 1)
    violations: list[Violation] = []
    if total > CHILDMINDER_MAX:
        violations.append(violation(
            "childminder_too_many_children",
            gettext_noop("A childminder may care for at most %(max)s children, her own children under 10 "
                         "included; %(children)s are counted."),
            max=CHILDMINDER_MAX, children=total,
        ))
    if under_4 > CHILDMINDER_MAX_UNDER_4:
        violations.append(violation(
            "childminder_too_many_under_4",
            gettext_noop("At most %(max)s children under 4 may be present; %(count)s are counted."),
            max=CHILDMINDER_MAX_UNDER_4, count=under_4,
        ))
    if age_0_and_1 > CHILDMINDER_MAX_AGE_0_AND_1:
        violations.append(violation(
            "childminder_too_many_age_0_and_1",
            gettext_noop("At most %(max)s children of age 0 and 1 together may be present; %(count)s are "
                         "counted."),
            max=CHILDMINDER_MAX_AGE_0_AND_1, count=age_0_and_1,
        ))
    if age_0 > CHILDMINDER_MAX_AGE_0:
        violations.append(violation(
            "childminder_too_many_age_0",
            gettext_noop("At most %(max)s children of age 0 may be present; %(count)s are counted."),
            max=CHILDMINDER_MAX_AGE_0, count=age_0,
        ))
    backup_required = total > CHILDMINDER_BACKUP_ABOVE
    if backup_required and has_backup is False:
        violations.append(violation(
            "backup_required",
            gettext_noop("With more than %(max)s children present a backup person (achterwacht) must be "
                         "registered; %(children)s are counted."),
            max=CHILDMINDER_BACKUP_ABOVE, children=total,
        ))
    limits_hold = not violations or all(item.code == "backup_required" for item in violations)
    required = (1 if total else 0) if limits_hold else None
    if required and staff < required:
        violations.append(_not_enough_staff(required, staff, total))
    return Result(
        allowed=not violations,
        required_staff=required,
        max_children=childminder_max_children(counted) if staff else 0,
        violations=violations,
        backup_required=backup_required,
        **_rule(
            gettext_noop("Childminder: at most 6 children of 0-12 (5 when all are under 4), at most 4 of age "
                         "0 and 1, at most 2 of age 0, own children under 10 included; %(children)s counted."),
            children=total,
        ),
    )


# ---------------------------------------------------------------------------------------------------
# Play space
# ---------------------------------------------------------------------------------------------------


def play_space_required_m2(children: int) -> float:
    return PLAY_SPACE_PER_CHILD_M2 * children


def play_space_max_children(play_space_m2: float) -> int:
    """How many children the space holds at 3.5 m2 each (rounded down)."""
    if play_space_m2 < 0:
        raise ValueError("Play space cannot be negative.")
    return math.floor(play_space_m2 / PLAY_SPACE_PER_CHILD_M2 + 1e-9)


def play_space_violation(children: int, play_space_m2: float | None) -> Violation | None:
    if play_space_m2 is None or play_space_m2 >= play_space_required_m2(children) - 1e-9:
        return None
    return violation(
        "play_space_too_small",
        gettext_noop("%(children)s children need at least %(required)s m² of play space; %(area)s m² is "
                     "available."),
        children=children, required=_number(play_space_required_m2(children)), area=_number(play_space_m2),
    )


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------------------------------------------
# The one entry point
# ---------------------------------------------------------------------------------------------------


def check(
    care_type: str,
    ages: Iterable[int],
    staff: int,
    own_children_ages: Iterable[int] = (),
    play_space_m2: float | None = None,
    has_backup: bool | None = None,
) -> Result:
    """Check the children present at one moment against the ratio, group size and play space rules.

    `ages` are the whole-year ages of the children present; `staff` the number of staff working with
    them; `own_children_ages` only for a childminder; `play_space_m2` when the space is known;
    `has_backup` for a childminder: None when not known (no violation, `backup_required` says whether
    one is needed), False when none is registered. Raises ValueError on input outside the rules' range.
    """
    if care_type not in CARE_TYPES:
        raise ValueError(f"Unknown care type {care_type!r}.")
    ages = list(ages)
    own = list(own_children_ages)
    if own and care_type != GASTOUDER:
        raise ValueError("Own children are counted for a childminder only.")
    if care_type == KDV:
        result = kdv_check(ages, staff)
        present = len(ages)
    elif care_type == BSO:
        result = bso_check(ages, staff)
        present = len(ages)
    else:
        result = childminder_check(ages, own, has_backup=has_backup, staff=staff)
        present = len(counted_children(ages, own))
    space = play_space_violation(present, play_space_m2)
    if play_space_m2 is None:
        return result
    max_children = result.max_children
    if max_children is not None:
        max_children = min(max_children, play_space_max_children(play_space_m2))
    violations = result.violations + ([space] if space else [])
    return Result(
        allowed=not violations,
        required_staff=result.required_staff,
        max_children=max_children,
        rule=result.rule,
        violations=violations,
        rule_template=result.rule_template,
        rule_params=result.rule_params,
        backup_required=result.backup_required,
    )
