"""The schedule: every task exists and is an actor; the README's table says what runs when."""

from pathlib import Path

from django.core.management import call_command

from kompass.ops.management.commands.run_scheduler import resolve
from kompass.ops.schedule import SCHEDULE

README = Path(__file__).resolve().parents[3] / "README.md"


def test_every_scheduled_task_is_an_actor():
    for expr, path, _what in SCHEDULE:
        assert len(expr.split()) == 5, expr
        assert hasattr(resolve(path), "send"), path


def test_readme_lists_the_schedule():
    readme = README.read_text(encoding="utf-8")
    for expr, path, what in SCHEDULE:
        assert f"| `{expr}` | `{path.rsplit('.', 1)[-1]}` | {what} |" in readme


def test_list_prints_the_schedule(capsys):
    call_command("run_scheduler", "--list")
    out = capsys.readouterr().out
    assert all(path in out for _e, path, _w in SCHEDULE)


def test_scheduled_tasks_run_in_process_without_a_broker(db):
    from kompass.journeys.tasks import check_missed_checkins, purge_journeys

    check_missed_checkins.send()
    purge_journeys.send()
