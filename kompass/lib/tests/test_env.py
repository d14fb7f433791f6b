import pytest
from django.core.exceptions import ImproperlyConfigured

from kompass.lib.env import env_bool, env_int, env_list, env_str


def test_env_bool_reads_common_spellings(monkeypatch):
    monkeypatch.setenv("K_FLAG", "yes")
    assert env_bool("K_FLAG") is True
    monkeypatch.setenv("K_FLAG", "0")
    assert env_bool("K_FLAG", default=True) is False


def test_env_bool_rejects_garbage(monkeypatch):
    monkeypatch.setenv("K_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="K_FLAG"):
        env_bool("K_FLAG")


def test_env_int_rejects_garbage(monkeypatch):
    monkeypatch.setenv("K_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="K_NUM"):
        env_int("K_NUM", 3)
    monkeypatch.delenv("K_NUM")
    assert env_int("K_NUM", 3) == 3


def test_env_str_required_when_no_default(monkeypatch):
    monkeypatch.delenv("K_MISSING", raising=False)
    with pytest.raises(ImproperlyConfigured):
        env_str("K_MISSING")


def test_env_list_splits_and_strips(monkeypatch):
    monkeypatch.setenv("K_LIST", " a, b ,,c")
    assert env_list("K_LIST") == ["a", "b", "c"]
