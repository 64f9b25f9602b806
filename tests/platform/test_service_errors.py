"""A service's ValidationError reaches people and scripts the same way everywhere (config.service_errors): at
the form's field or above the form on a page, as a 400 with field errors in DRF's format in the API."""
from django import forms
from django.core.exceptions import ValidationError

from config.service_errors import add_service_errors, api_exception_handler


class NameForm(forms.Form):
    name = forms.CharField()
    lrk_number = forms.CharField(required=False)


def shown(exc, **kwargs):
    form = NameForm({"name": "Eva"})
    assert form.is_valid()
    add_service_errors(form, exc, **kwargs)
    return {field: list(errors) for field, errors in form.errors.items()}


def test_field_errors_land_on_their_field_and_the_rest_above_the_form():
    exc = ValidationError({"name": ["Too short.", "Not a name."], "slug": ["Taken."]})
    assert shown(exc) == {"name": ["Too short.", "Not a name."], "__all__": ["Taken."]}


def test_an_error_that_names_no_field_lands_above_the_form():
    assert shown(ValidationError(["One.", "Two."])) == {"__all__": ["One.", "Two."]}


def test_a_service_field_can_land_on_the_form_field_that_asks_for_it():
    exc = ValidationError({"lrk_numbers": ["Nine digits."]})
    assert shown(exc, rename={"lrk_numbers": "lrk_number"}) == {"lrk_number": ["Nine digits."]}


def test_the_api_answers_400_with_the_same_field_errors():
    response = api_exception_handler(ValidationError({"name": ["Too short."]}), {})
    assert (response.status_code, response.data) == (400, {"name": ["Too short."]})
    response = api_exception_handler(ValidationError("Not now."), {})
    assert (response.status_code, response.data) == (400, {"non_field_errors": ["Not now."]})
