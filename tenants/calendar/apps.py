from django.apps import AppConfig


class CalendarConfig(AppConfig):
    """Openingstijden, sluitingsweken, feestdagen en sluiting bij ziekte."""

    name = "tenants.calendar"
    label = "location_calendar"
