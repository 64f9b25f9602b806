from django.apps import AppConfig


class ChildSheetConfig(AppConfig):
    """Inlichtingsfiche: huisarts en ziekenfonds, allergieën en dieet, aandoeningen, noodcontacten."""

    name = "tenants.child_sheet"
    label = "child_sheet"
