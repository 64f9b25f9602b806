"""The cooperative (coöperatie) and its locations (vestigingen), in the public schema."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin
from jurisdictions import POLICIES, policy

from cooperative import rules


class Cooperative(models.Model):
    """The cooperative's own settings; there is one row."""

    name = models.CharField(_("name"), max_length=200, default="Coöperatie Opvangkring")
    main_domain = models.CharField(_("main domain"), max_length=200, default="localhost")
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        verbose_name = _("cooperative")

    def __str__(self):
        return self.name

    @classmethod
    def load(cls) -> "Cooperative":
        obj, _created = cls.objects.get_or_create(pk=1, defaults={"main_domain": settings.MAIN_DOMAIN})
        return obj

    @classmethod
    def cached_name(cls) -> str:
        """The name, as every page's title shows it on the main domain: from the cache (NAME_CACHE_SECONDS),
        dropped from it whenever the cooperative is saved (cooperative.signals). Not kept when read inside a
        transaction, which could still roll back a change it made."""
        from django.core.cache import cache
        from django.db import connection

        name = cache.get(NAME_CACHE_KEY)
        if name is None:
            name = cls.load().name
            if not connection.in_atomic_block:
                cache.set(NAME_CACHE_KEY, name, NAME_CACHE_SECONDS)
        return name


#: The cooperative's name in the cache (Cooperative.cached_name). With a cache of its own per process (tests,
#: development) another process sees a new name after NAME_CACHE_SECONDS at the latest; production shares Redis.
NAME_CACHE_KEY = "cooperative:name"
NAME_CACHE_SECONDS = 300


def validate_slug(value):
    errors = rules.slug_errors(value)
    if errors:
        raise ValidationError(errors)


class Location(TenantMixin):
    """A member's childcare location (vestiging): the tenant, with its own schema."""

    class Kind(models.TextChoices):
        GASTOUDER = "gastouder", _("childminder (gastouderopvang)")
        KDV = "kdv", _("day-care centre (KDV)")
        BSO = "bso", _("after-school care (BSO)")
        KINDERCENTRUM = "kindercentrum", _("childcare centre (KDV + BSO)")

    # One choice per entry of the policy table, named after its code (NL, BE_VLG).
    Jurisdiction = models.TextChoices("Jurisdiction", [(code.replace("-", "_"), (code, _(entry.name)))
                                                       for code, entry in POLICIES.items()])

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        OFFBOARDED = "offboarded", _("offboarded")

    name = models.CharField(_("name"), max_length=200)
    slug = models.CharField(_("slug"), max_length=rules.MAX_SLUG_LENGTH, unique=True, validators=[validate_slug])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=10, choices=Jurisdiction.choices)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=50, blank=True)
    lrk_numbers = models.JSONField(_("LRK numbers per care type"), default=dict, blank=True)
    licensed_places = models.PositiveIntegerField(_("licensed places"), default=0)
    play_space_m2 = models.DecimalField(_("play space (m²)"), max_digits=7, decimal_places=2, default=0)
    opening_date = models.DateField(_("opening date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    # Provisioning clones the schema itself (cooperative.services); never on a bare save().
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        ordering = ["name"]
        # Lists by name read the first page from the index, not a sort of every location (complaint report).
        indexes = [models.Index(fields=["name", "id"], name="location_by_name")]
        verbose_name = _("location")

    def __str__(self):
        return self.name

    def clean(self):
        if not self.time_zone and self.jurisdiction in POLICIES:
            self.time_zone = policy(self.jurisdiction).time_zone
        if self.slug and not self.schema_name:
            self.schema_name = rules.schema_name_for(self.slug)
        if not isinstance(self.lrk_numbers, dict):
            raise ValidationError({"lrk_numbers": _("Give the LRK numbers as an object per care type.")})
        errors = rules.lrk_errors(self.kind, self.jurisdiction, self.lrk_numbers)
        if errors:
            raise ValidationError({"lrk_numbers": [f"{k}: {v}" if k != "lrk_numbers" else v
                                                   for k, v in errors.items()]})

    @property
    def care_types(self) -> tuple[str, ...]:
        return rules.CARE_TYPES_BY_KIND.get(self.kind, ())

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def host(self) -> str:
        return f"{self.slug}.{settings.MAIN_DOMAIN}"

    @property
    def url(self) -> str:
        port = f":{settings.SITE_PORT}" if settings.SITE_PORT else ""
        return f"{settings.SITE_SCHEME}://{self.host}{port}/"


class Domain(DomainMixin):
    """A host name that answers for a location."""


class JobRun(models.Model):
    """One run of a job that loops over the locations (cooperative.jobs): when, and how many locations were
    done and failed. A run without `finished_at` was interrupted (the worker stopped)."""

    job = models.CharField(_("job"), max_length=60)
    only_failed = models.BooleanField(_("only the failed locations"), default=False)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    done = models.PositiveIntegerField(_("locations done"), default=0)
    failed = models.PositiveIntegerField(_("locations failed"), default=0)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["job", "-started_at"], name="cooperative_jobrun_last")]
        verbose_name = _("job run")

    def __str__(self):
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M}"


class JobFailure(models.Model):
    """A location where a run failed: the error's class and a message without personal data
    (rules.error_summary). Open until a later run of the same job succeeds there."""

    run = models.ForeignKey(JobRun, on_delete=models.CASCADE, related_name="failures")
    job = models.CharField(_("job"), max_length=60)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="job_failures")
    error_class = models.CharField(_("error"), max_length=200)
    message = models.CharField(_("error message"), max_length=rules.MAX_MESSAGE, blank=True)
    failed_at = models.DateTimeField(_("failed"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(JobRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="resolved")

    class Meta:
        ordering = ["-failed_at", "-pk"]
        indexes = [models.Index(fields=["job", "location"], condition=models.Q(resolved_at__isnull=True),
                                name="cooperative_jobfailure_open")]
        verbose_name = _("job failure")

    def __str__(self):
        return f"{self.job} {self.location_id}: {self.error_class}"

    @property
    def error_name(self) -> str:
        """The class without its module: ProgrammingError."""
        return self.error_class.rsplit(".", 1)[-1]
