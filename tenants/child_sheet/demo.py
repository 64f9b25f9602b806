"""Demo data of the information sheet: Mila at KDV Kikker with a peanut and milk allergy, a diet, an
emergency contact and two people who may pick her up, each with a code word."""
from django_tenants.utils import schema_context


def seed_sheet(location) -> None:
    from tenants.child_sheet import services
    from tenants.children.models import Child
    from tenants.children.services import add_pickup_person

    with schema_context(location.schema_name):
        child = Child.objects.filter(first_name="Mila").first()
        if child is None:
            return
        parent = child.guardians.first()
        services.update_sheet(child, actor=parent, gp_name="Huisartsenpraktijk De Linde", gp_phone="030 123 45 67",
                              health_insurer="Zilveren Kruis", allergens=["peanuts", "milk"],
                              allergies="Pinda: zwelling rond de mond; bel dan meteen 112.",
                              diets=["halal"], diet="Geen koemelk: havermelk meegeven.",
                              conditions="Eczeem", watch_for="Droge plekken insmeren na het wassen.")
        services.add_emergency_contact(child, actor=parent, name="Ruud Jansen", relation="vader",
                                       phone="06 98 76 54 32")
        add_pickup_person(child, name="Oma Jannie", relation="grootmoeder", phone="06 11 22 33 44",
                          code_word="zonnebloem", actor=parent)
        add_pickup_person(child, name="Sven de Wit", relation="buurman", phone="06 55 66 77 88",
                          code_word="fietsbel", actor=parent)
