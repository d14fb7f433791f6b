"""Form helpers every app's views share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form that sent the data, losing nothing.

    A message about a field the form has goes to that field; any other (a model field the form does
    not show, or the whole object) goes above the form.
    """
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for err in errors:
                form.add_error(field if field in form.fields else None, err)
    else:
        for message in error.messages:
            form.add_error(None, message)
