"""What the menu check reads: each child's allergens (EU codes) and diets."""
import pytest
from django.core.exceptions import ValidationError

from tests.tenants.conftest import in_schema, make_child


def test_allergens_and_diets_of_the_children_asked_for(world, db):
    from tenants.child_sheet import selectors, services

    other = make_child(world.a, first_name="Noor", diet="no sugar")
    with in_schema(world.a):
        from tenants.children.models import Child

        child = Child.objects.get(pk=world.a.child_id)
        services.update_sheet(child, actor=world.a.parent, allergens=["milk", "peanuts"], diets=["halal"],
                              diet="Mashed food only")
        assert selectors.allergens_by_child([child.pk, other.pk]) == {child.pk: {"milk", "peanuts"}, other.pk: set()}
        assert selectors.diets_by_child([child.pk, other.pk]) == {
            child.pk: ["Halal", "Mashed food only"], other.pk: ["no sugar"]}
        assert selectors.allergens_by_child([]) == {}


def test_an_unknown_allergen_is_refused_naming_the_field(world, db):
    from tenants.child_sheet import services

    with in_schema(world.a):
        from tenants.children.models import Child

        child = Child.objects.get(pk=world.a.child_id)
        with pytest.raises(ValidationError) as caught:
            services.update_sheet(child, actor=world.a.parent, allergens=["strawberry"])
        assert "allergens" in caught.value.message_dict
        with pytest.raises(ValidationError) as caught:
            services.update_sheet(child, actor=world.a.parent, diets=["paleo"])
        assert "diets" in caught.value.message_dict
