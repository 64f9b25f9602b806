from django.apps import AppConfig


class MessagesConfig(AppConfig):
    """Berichten tussen ouders en de vestiging, en mededelingen aan alle ouders of één groep."""

    name = "tenants.messages"
    label = "parent_messages"
