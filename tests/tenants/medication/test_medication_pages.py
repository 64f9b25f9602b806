"""The pages: a parent fills in and signs the form, staff see the dose due on the start page and the tablet and
record it, the parent sees it given; a fever-reducer is recorded only after contact; the policy is a setting."""
from tests.tenants.conftest import in_schema
from tests.tenants.medication.conftest import now_here, this_minute


def test_request_see_due_record_and_see_given(world, client_for):
    parent = client_for(world.a.parent, world.a)
    today = now_here(world.a).date()
    at = this_minute(world.a)
    form = {"name": "Amoxicilline", "dose": "5 ml", "times": f"{at:%H:%M}", "start_date": today.isoformat(),
            "end_date": today.isoformat(), "prescribed_by": "Dr. Peeters", "in_fridge": "on",
            "typed_name": world.a.parent.full_name}
    refused = parent.post(f"/medication/children/{world.a.child_id}/request/", form)
    assert refused.status_code == 400 and b"Tick that you confirm" in refused.content
    response = parent.post(f"/medication/children/{world.a.child_id}/request/", form | {"confirmed": "on"})
    assert response.status_code == 302
    staff = client_for(world.a.staff, world.a)
    for path in ("/", "/attendance/", "/medication/"):
        page = staff.get(path)
        assert page.status_code == 200 and b"Amoxicilline" in page.content, path
    with in_schema(world.a):
        from tenants.medication.models import MedicationRequest

        made = MedicationRequest.objects.get()
    dose_url = f"/medication/{made.pk}/doses/{at:%H:%M}/"
    assert staff.post(dose_url, {"remarks": "x" * 2001}).status_code == 400
    assert staff.post(dose_url, {"remarks": "Goed ingenomen", "next": "/attendance/"})["Location"] == "/attendance/"
    mine = parent.get("/medication/").content.decode()
    assert "Amoxicilline" in mine and "given at" in mine and world.a.staff.full_name in mine
    assert "Goed ingenomen" in mine
    home = parent.get("/").content.decode()
    assert "Amoxicilline" in home and "given at" in home


def test_a_fever_reducer_only_after_contact(world, client_for):
    staff = client_for(world.a.staff, world.a)
    url = f"/medication/children/{world.a.child_id}/fever-reducer/"
    now = now_here(world.a)
    refused = staff.post(url, {"kind": "paracetamol", "dose": "120 mg", "temperature": "38.6"})
    assert refused.status_code == 400 and b"contacted" in refused.content
    ibuprofen_with_diarrhoea = staff.post(url, {
        "kind": "ibuprofen", "dose": "50 mg", "fluid_loss": "on", "contacted": "parent",
        "contacted_name": world.a.parent.full_name, "contacted_at": f"{now:%H:%M}", "given_at": f"{now:%H:%M}"})
    assert ibuprofen_with_diarrhoea.status_code == 400 and b"fluid loss" in ibuprofen_with_diarrhoea.content
    given = staff.post(url, {"kind": "paracetamol", "dose": "120 mg", "temperature": "38,6", "contacted": "parent",
                             "contacted_name": world.a.parent.full_name, "contacted_at": f"{now:%H:%M}",
                             "given_at": f"{now:%H:%M}"})
    assert given.status_code == 302
    mine = client_for(world.a.parent, world.a).get("/medication/").content.decode()
    assert "paracetamol" in mine and "after contact with" in mine


def test_the_location_sets_its_policy(world, client_for):
    owner = client_for(world.a.entrepreneur, world.a)
    assert owner.post("/medication/policy/", {"paracetamol_allowed": "on", "ibuprofen_min_months": "x",
                                               "grace_minutes": "30"}).status_code == 400
    assert owner.post("/medication/policy/", {"paracetamol_allowed": "on", "ibuprofen_min_months": "6",
                                               "grace_minutes": "500"}).status_code == 400
    assert owner.post("/medication/policy/", {"paracetamol_allowed": "on", "ibuprofen_min_months": "6",
                                               "grace_minutes": "15"}).status_code == 302
    with in_schema(world.a):
        from tenants.medication import services

        assert not services.policy().ibuprofen_allowed and services.policy().grace_minutes == 15
    now = now_here(world.a)
    refused = client_for(world.a.staff, world.a).post(
        f"/medication/children/{world.a.child_id}/fever-reducer/", {
            "kind": "ibuprofen", "dose": "50 mg", "contacted": "doctor", "contacted_name": "Dr. Peeters",
            "contacted_at": f"{now:%H:%M}", "given_at": f"{now:%H:%M}"})
    assert refused.status_code == 400 and b"policy does not allow" in refused.content
