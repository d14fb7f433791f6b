"""Identity fields encrypted at rest with Fernet.

`settings.FIELD_ENCRYPTION_KEYS` lists keys: the first encrypts, all decrypt (key rotation).
Values are plain Python strings or dates in memory; the database holds only tokens, so these
fields are never filtered or ordered on in SQL.
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

if TYPE_CHECKING:
    from cryptography.fernet import MultiFernet


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty: identity fields cannot be encrypted.")
    # cryptography is imported where used: start-up stays light (docs/architecture.md).
    from cryptography.fernet import Fernet, MultiFernet

    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    from cryptography.fernet import InvalidToken

    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured("An identity field could not be decrypted with any configured key.")


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token. The empty string stays empty (nothing to hide)."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)


class EncryptedDateField(models.TextField):
    """A date stored as an encrypted ISO string; a `datetime.date` (or None) in Python."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.date):
            return value
        return datetime.date.fromisoformat(str(value))

    def get_prep_value(self, value):
        value = self.to_python(value)
        if value is None:
            return ""
        return encrypt(value.isoformat())

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return None
        return datetime.date.fromisoformat(decrypt(value))

    def formfield(self, **kwargs):
        from django import forms

        return forms.DateField(
            required=not self.blank, label=self.verbose_name, widget=forms.DateInput(attrs={"type": "date"})
        )

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value else ""
