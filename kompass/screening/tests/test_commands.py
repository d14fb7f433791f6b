import pytest
from django.core.management import CommandError, call_command

from kompass.screening import content
from kompass.screening.models import Indicator, Protocol

pytestmark = pytest.mark.django_db


def test_export_then_import_and_publish(tmp_path, capsys):
    out = tmp_path / "online.yaml"
    call_command("export_protocol", "online", "--out", str(out))
    document = content.load_yaml(out.read_text(encoding="utf-8"))
    assert document == Protocol.objects.get(sector="online").published.content
    document["questions"][0]["guidance"]["en"] = "Ask gently."
    out.write_text(content.dump_yaml(document), encoding="utf-8")
    call_command("import_protocol", str(out), "--publish", "--change-note", "Guidance reworded.")
    protocol = Protocol.objects.get(sector="online")
    assert protocol.published.number == 2
    assert protocol.published.content["questions"][0]["guidance"]["en"] == "Ask gently."
    assert protocol.revisions.get(number=1).status == "retired"


def test_import_rejects_invalid_file_and_stores_nothing(tmp_path):
    document = content.load_protocol_file("police")
    document["questions"][0]["codes"] = ["cd.unknown"]
    del document["questions"][1]["text"]["uk"]
    path = tmp_path / "police.yaml"
    path.write_text(content.dump_yaml(document), encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("import_protocol", str(path))
    assert "cd.unknown" in str(exc.value) and "missing uk" in str(exc.value)
    assert Protocol.objects.get(sector="police").revisions.count() == 1


def test_publish_needs_a_change_note(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(content.dump_yaml(content.load_protocol_file("education")), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_protocol", str(path), "--publish")


def test_load_screening_content_is_idempotent():
    call_command("load_screening_content")
    call_command("load_screening_content")
    assert Indicator.objects.count() == 67
    assert all(p.revisions.count() == 1 for p in Protocol.objects.all())
