from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    """Aanwezigheidsregister: in- en uitchecken, afmelden, extra dagen, en de planning per groep."""

    name = "tenants.attendance"
    label = "attendance"
