from django.apps import AppConfig


class ChangesConfig(AppConfig):
    """Which location's data changed (wijzigingen): a version per schema, replaced when a transaction that wrote
    there commits. Pages kept per person (frontend.kept_pages) are served while their versions still hold."""

    name = "changes"

    def ready(self):
        from django.db.backends.signals import connection_created

        from changes import versions

        connection_created.connect(versions.watch_connection, dispatch_uid="changes.watch_connection")
