"""People and what they may do: one account per person, roles per location and in the cooperative."""
import functools

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.deletion import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NEVER_DELETED = ("Accounts are deactivated, never deleted: the location schemas refer to people without "
                 "database constraints (accounts.fields), so nothing else would stop references being left behind.")


class UserQuerySet(models.QuerySet):
    def delete(self):
        raise ProtectedError(NEVER_DELETED, set(self))


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def get(self, *args, **kwargs):
        """`get(pk=<int>)`, as the authentication middleware asks on every request, in one plain statement: composed
        in the ORM it took four times the CPU PostgreSQL needed to answer it. Anything else, and every related
        manager (a subclass, filtering by its relation), gets the ORM's get."""
        pk = kwargs.get("pk")
        if (type(self) is not UserManager or args or len(kwargs) != 1 or type(pk) is not int
                or self._db not in (None, DEFAULT_DB_ALIAS)):
            return super().get(*args, **kwargs)
        names, sql = _user_by_pk_statement(self.model)
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute(sql, [pk])
            row = cursor.fetchone()
        if row is None:
            raise self.model.DoesNotExist(f"{self.model._meta.object_name} matching query does not exist.")
        return self.model.from_db(DEFAULT_DB_ALIAS, names, row)


@functools.cache
def _user_by_pk_statement(model) -> tuple[list[str], str]:
    """The column names and the statement of UserManager.get(pk=…): every concrete field, as the ORM reads them
    (none of them needs a converter from the database's value)."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    table = quote(model._meta.db_table)
    fields = model._meta.concrete_fields
    columns = ", ".join(f"{table}.{quote(field.column)}" for field in fields)
    return ([field.attname for field in fields],
            f"SELECT {columns} FROM {table} WHERE {table}.{quote(model._meta.pk.column)} = %s LIMIT 1")


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Logs in with an e-mail address; one account whatever their roles."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    #: One of settings.LANGUAGES (the catalogues present), so a new language needs no migration.
    language = models.CharField(_("language"), max_length=8, default="nl")
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("Django admin access"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def delete(self, *args, **kwargs):
        """Refused: deactivate instead (`is_active = False`). What a person asks to have erased is erased per
        location by the portal's deletion requests, within the retention rules."""
        raise ProtectedError(NEVER_DELETED, {self})

    def coop_roles(self) -> set[str]:
        if not hasattr(self, "_coop_roles"):
            self._coop_roles = set(self.cooperative_roles.values_list("role", flat=True))
        return self._coop_roles

    def has_coop_role(self, *roles: str) -> bool:
        return bool(self.coop_roles() & set(roles))

    @property
    def is_lead_adviser(self) -> bool:
        return self.cooperative_roles.filter(role=CooperativeRole.Role.ADVISER, is_lead=True).exists()


class Membership(models.Model):
    """A person's role at one location: entrepreneur (houder), staff member or parent."""

    class Role(models.TextChoices):
        ENTREPRENEUR = "entrepreneur", _("entrepreneur")
        STAFF = "staff", _("staff member")
        PARENT = "parent", _("parent")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "location", "role"], name="one_membership_per_role")
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.location}"


class CooperativeRole(models.Model):
    """A role in the cooperative itself: admin, adviser (possibly lead) or the pedagogue."""

    class Role(models.TextChoices):
        COOP_ADMIN = "coop_admin", _("cooperative admin")
        ADVISER = "adviser", _("adviser")
        PEDAGOGUE = "pedagogue", _("pedagogue")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="cooperative_roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_lead = models.BooleanField(_("lead adviser"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_cooperative_role")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}"


class AdviserAssignment(models.Model):
    """Which locations an adviser looks after (a lead adviser sees all)."""

    adviser = models.ForeignKey(User, on_delete=models.CASCADE, related_name="adviser_assignments")
    location = models.ForeignKey(
        "cooperative.Location", on_delete=models.CASCADE, related_name="adviser_assignments"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["adviser", "location"], name="one_assignment")]

    def __str__(self):
        return f"{self.adviser} – {self.location}"


class HandoffToken(models.Model):
    """A single-use ticket that carries a login from the main domain to one location's host (accounts.handoff).

    Only the token's SHA-256 is stored: the table alone opens nothing."""

    token_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    #: The host name (without port) the token was made for; any other host refuses it.
    host = models.CharField(max_length=253)
    #: The central login (on the main domain) this token continues; see HostSession.
    login_id = models.CharField(max_length=64)
    #: SHA-256 of the secret of the browser that asked for the token; only that browser can redeem it.
    state_hash = models.CharField(max_length=64, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"{self.user} → {self.host}"


class HostSession(models.Model):
    """A session on one host that belongs to a central login: logging out anywhere ends all of them."""

    login_id = models.CharField(max_length=64, db_index=True)
    session_key = models.CharField(max_length=40)
    host = models.CharField(max_length=253)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["login_id", "session_key"], name="one_row_per_session")]

    def __str__(self):
        return f"{self.login_id[:8]}… on {self.host}"
