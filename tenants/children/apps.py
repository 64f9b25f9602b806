from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "tenants.children"
    label = "children"
    verbose_name = "Kinderen"
