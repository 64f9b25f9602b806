from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """Aanmelding en wachtlijst: care requests to one or more locations, their waiting lists and placement."""

    name = "intake"
