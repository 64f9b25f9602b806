"""From the portal a parent asks for a correction of a child's file at any of their locations; it reaches
that location's entrepreneur as a correction request."""
from tests.tenants.conftest import in_schema


def test_a_correction_reaches_the_childs_location(world, client_for):
    from tenants.children.models import Child, CorrectionRequest

    with in_schema(world.b):
        finn = Child.objects.get(first_name="Finn")
    response = client_for(world.two_location_parent).post("/privacy/correction/", {
        "child": f"{world.b.location.pk}:{finn.pk}", "field": "diet", "requested_change": "Vegetarisch",
        "reason": "Sinds kort"})
    assert response.status_code == 302
    with in_schema(world.b):
        assert CorrectionRequest.objects.get(child=finn).requested_change == "Vegetarisch"


def test_another_familys_child_cannot_be_chosen(world, client_for):
    from tenants.children.models import CorrectionRequest

    response = client_for(world.two_location_parent).post("/privacy/correction/", {
        "child": f"{world.a.location.pk}:{world.a.child_id}", "field": "diet", "requested_change": "x",
        "reason": "y"})
    assert response.status_code == 400
    with in_schema(world.a):
        assert not CorrectionRequest.objects.exists()


def test_a_missing_reason_names_the_field(world, client_for):
    from tenants.children.models import Child

    with in_schema(world.a):
        mila = Child.objects.get(first_name="Mila")
    response = client_for(world.two_location_parent).post("/privacy/correction/", {
        "child": f"{world.a.location.pk}:{mila.pk}", "field": "diet", "requested_change": "x", "reason": ""})
    assert response.status_code == 400 and 'id="id_reason_error"' in response.content.decode()
