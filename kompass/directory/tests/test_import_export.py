import pytest
from django.core.management import CommandError, call_command

from kompass.directory.models import Entry
from kompass.organisations.models import Organisation

pytestmark = pytest.mark.django_db

HEADER = "organisation,name,kind,services,lat,lon,city,country,languages,phone,telegram,email,hours\n"
GOOD = HEADER + (
    "Route Aid,Palanca support point,support_point,information;transport;food,46.4010,30.0900,Palanca,MD,"
    'uk;ru;ro,+373 600 00000,@routeaid,help@routeaid.example,"24/7"\n'
    "Route Aid,Chișinău office,office,legal_assistance;counselling,47.0136,28.8453,Chișinău,MD,ro;ru,,,,"
    "Mo-Fr 09:00-18:00\n"
    "Жіноча ініціатива,Шелтер Одеса,shelter,emergency_accommodation;child_protection,,,Одеса,UA,uk,,,,\n"
)


def write(tmp_path, text, name="dir.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_entries_and_organisations_published(tmp_path):
    call_command("import_directory", write(tmp_path, GOOD))
    assert Entry.objects.count() == 3
    assert set(Entry.objects.values_list("status", flat=True)) == {"published"}
    assert Organisation.objects.filter(name="Жіноча ініціатива", country="UA").exists()
    point = Entry.objects.get(name="Palanca support point")
    assert point.service_list == ["food", "information", "transport"]
    assert point.language_list == ["uk", "ru", "ro"]
    assert (point.lat, point.lon, point.telegram, point.hours) == (46.401, 30.09, "@routeaid", "24/7")


def test_reimport_is_idempotent_and_updates(tmp_path):
    path = write(tmp_path, GOOD)
    call_command("import_directory", path)
    first = dict(Entry.objects.values_list("name", "code"))
    call_command("import_directory", path)
    assert Entry.objects.count() == 3 and Organisation.objects.count() == 2
    assert dict(Entry.objects.values_list("name", "code")) == first
    call_command(
        "import_directory", write(tmp_path, GOOD.replace("information;transport;food", "food"), "b.csv")
    )
    assert Entry.objects.get(name="Palanca support point").service_list == ["food"]
    assert Entry.objects.count() == 3


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(tmp_path, capsys):
    bad = GOOD + (
        "Route Aid,Bad kind,bus,information,46.4,30.1,X,MD,uk,,,,\n"
        "Route Aid,Bad service,office,massage;food,46.4,30.1,X,MD,uk,,,,\n"
        "Route Aid,Bad country,office,food,46.4,30.1,X,Moldova,uk,,,,\n"
        "Route Aid,No coordinates,support_point,food,,,X,MD,uk,,,,\n"
        "Route Aid,Bad lat,office,food,146.4,30.1,X,MD,xx,,,,\n"
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_directory", write(tmp_path, bad))
    err = capsys.readouterr().err
    assert "line 5: unknown kind 'bus'" in err
    assert "line 6: unknown service code(s) massage" in err
    assert "line 7: country must be" in err
    assert "line 8: a support point needs lat and lon" in err
    assert "line 9: lat/lon" in err and "line 9: unknown language code(s) xx" in err
    assert Entry.objects.count() == 0
    assert not Organisation.objects.exists()


def test_model_validation_failure_rolls_back_everything(tmp_path, capsys):
    bad = GOOD + "Route Aid,Bad email,office,food,46.4,30.1,X,MD,uk,,,not-an-email,\n"
    with pytest.raises(CommandError):
        call_command("import_directory", write(tmp_path, bad))
    assert "line 5: email" in capsys.readouterr().err
    assert Entry.objects.count() == 0 and not Organisation.objects.exists()


def test_missing_and_unknown_columns(tmp_path, capsys):
    text = GOOD.replace("hours", "opening").replace("organisation,name,kind", "organisation,title,kind")
    with pytest.raises(CommandError):
        call_command("import_directory", write(tmp_path, text))
    err = capsys.readouterr().err
    assert "line 1: missing column(s) name" in err and "unknown column(s) title, opening" in err


def test_duplicate_rows_in_one_file(tmp_path, capsys):
    text = GOOD + GOOD.splitlines(keepends=True)[1]
    with pytest.raises(CommandError):
        call_command("import_directory", write(tmp_path, text))
    assert "line 5: same organisation and name as line 2" in capsys.readouterr().err


def test_export_round_trips(tmp_path):
    call_command("import_directory", write(tmp_path, GOOD))
    out = tmp_path / "out.csv"
    call_command("export_directory", out)
    exported = out.read_text(encoding="utf-8")
    assert exported.splitlines()[0] == HEADER.strip()
    assert "Шелтер Одеса" in exported
    Entry.objects.all().delete()
    call_command("import_directory", out)
    assert Entry.objects.count() == 3
    call_command("export_directory", out)
    assert out.read_text(encoding="utf-8") == exported


def test_optional_columns_may_be_left_out(tmp_path):
    text = "organisation,name,kind,country,lat,lon,services\nRoute Aid,Otaci desk,Support_Point,md,48.4372,27.7947,Information\n"
    call_command("import_directory", write(tmp_path, text))
    entry = Entry.objects.get(name="Otaci desk")
    assert (entry.kind, entry.country, entry.service_list, entry.phone) == (
        "support_point",
        "MD",
        ["information"],
        "",
    )
