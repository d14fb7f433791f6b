from django import forms
from django.core.exceptions import ValidationError

from kompass.lib.forms import add_errors


class NameForm(forms.Form):
    name = forms.CharField()


def test_field_errors_go_to_their_field_and_the_rest_above_the_form():
    form = NameForm(data={"name": "x"})
    assert form.is_valid()
    add_errors(form, ValidationError({"name": ["Taken."], "owner": ["Not yours."], "__all__": ["Too late."]}))
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Not yours.", "Too late."]


def test_a_plain_error_goes_above_the_form():
    form = NameForm(data={"name": "x"})
    assert form.is_valid()
    add_errors(form, ValidationError(["First.", "Second."]))
    assert form.non_field_errors() == ["First.", "Second."]
