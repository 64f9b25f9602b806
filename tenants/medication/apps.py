from django.apps import AppConfig


class MedicationConfig(AppConfig):
    """Medicatie: medicatiefiche per geneesmiddel, getekend door de ouder; toedieningen; koortswerende middelen."""

    name = "tenants.medication"
    label = "medication"
