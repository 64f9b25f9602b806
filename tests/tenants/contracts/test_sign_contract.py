"""The parent signs in the portal: typed name, time, IP and the SHA-256 of the contract PDF are stored; the
signed PDF can be downloaded."""
import hashlib

from tenants.contracts.models import ContractVersion
from tests.tenants.contracts.conftest import at, make_contract


def test_parent_signs_and_downloads_the_signed_pdf(setup, client_for):
    contract = make_contract(setup, signed=False)
    c = client_for(setup.a.parent, setup.a)
    document = c.get(f"/api/v1/contracts/{contract.pk}/pdf/")
    assert document.status_code == 200 and document["Content-Type"] == "application/pdf"
    assert document.content.startswith(b"%PDF")
    response = c.post(f"/api/v1/contracts/{contract.pk}/sign/", {"typed_name": "  parent ALPHA "},
                      REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["signed_name"] == "parent ALPHA" and data["signed_ip"] == "198.51.100.7" and data["signed_at"]
    assert data["document_sha256"] == hashlib.sha256(document.content).hexdigest()
    with at(setup.a):
        version = ContractVersion.objects.get(contract=contract)
        assert version.signed_by_id == setup.a.parent.pk
        assert version.contract.status == "active"
    signed = c.get(f"/api/v1/contracts/{contract.pk}/signed-pdf/")
    assert signed.status_code == 200 and signed.content.startswith(b"%PDF")
    assert hashlib.sha256(signed.content).hexdigest() == version.signed_document_sha256
    # The entrepreneur downloads the same signed copy.
    assert client_for(setup.a.entrepreneur, setup.a).get(
        f"/api/v1/contracts/{contract.pk}/signed-pdf/").content == signed.content


def test_a_wrong_or_empty_name_is_a_field_error(setup, client_for):
    contract = make_contract(setup, signed=False)
    c = client_for(setup.a.parent, setup.a)
    for name in ("", "Someone Else"):
        response = c.post(f"/api/v1/contracts/{contract.pk}/sign/", {"typed_name": name})
        assert response.status_code == 400 and "typed_name" in response.json()
    with at(setup.a):
        assert ContractVersion.objects.get(contract=contract).signed_at is None
    assert c.get(f"/api/v1/contracts/{contract.pk}/signed-pdf/").status_code == 404


def test_signing_twice_is_refused(setup, client_for):
    contract = make_contract(setup, signed=True)
    response = client_for(setup.a.parent, setup.a).post(f"/api/v1/contracts/{contract.pk}/sign/",
                                                        {"typed_name": setup.a.parent.full_name})
    assert response.status_code == 400 and "non_field_errors" in response.json()


def test_only_a_parent_of_the_child_signs(setup, client_for):
    contract = make_contract(setup, signed=False)
    path = f"/api/v1/contracts/{contract.pk}/sign/"
    # Another parent at this location does not see the contract at all.
    assert client_for(setup.two_location_parent, setup.a).post(path, {"typed_name": "Parent of Two"}).status_code == 404
    for user in (setup.a.entrepreneur, setup.a.staff, setup.b.parent):
        assert client_for(user, setup.a).post(path, {"typed_name": user.full_name}).status_code == 403
    with at(setup.a):
        assert ContractVersion.objects.get(contract=contract).signed_at is None


def test_parent_signs_on_the_page(setup, client_for):
    contract = make_contract(setup, signed=False)
    c = client_for(setup.a.parent, setup.a)
    page = c.get(f"/contracts/{contract.pk}/")
    assert page.status_code == 200 and "Sign the contract" in page.content.decode()
    bad = c.post(f"/contracts/{contract.pk}/sign/", {"typed_name": "Nobody"})
    assert bad.status_code == 400 and bad.context["sign_form"].errors["typed_name"]
    good = c.post(f"/contracts/{contract.pk}/sign/", {"typed_name": setup.a.parent.full_name})
    assert good.status_code == 302
    assert "Signed PDF" in c.get(f"/contracts/{contract.pk}/").content.decode()
