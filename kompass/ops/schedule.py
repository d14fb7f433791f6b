"""What runs on a schedule (`manage.py run_scheduler`; no crontab). Times are in TIME_ZONE.

The README's table of periodic jobs is checked against this list by a test.
"""

# (cron expression: minute hour day month weekday, task, what it does)
SCHEDULE = [
    ("*/5 * * * *", "kompass.journeys.tasks.check_missed_checkins", "alert on-duty staff about missed check-ins"),
    ("*/5 * * * *", "kompass.bot.tasks.send_telegram_checkin_prompts", "ask travellers followed on Telegram to check in"),
    ("*/10 * * * *", "kompass.referrals.tasks.check_deadlines", "remind receivers of referral deadlines, alert senders' admins when one passes"),
    ("10 * * * *", "kompass.screening.tasks.alert_waiting_reports", "alert the coordinator about reports waiting too long for triage"),
    ("30 6 * * *", "kompass.cases.tasks.consent_renewals", "remind caseworkers of consents about to expire; end sharing on expired ones"),
    ("15 2 * * *", "kompass.stats.tasks.refresh_linkage", "link new and changed cases into persons (statistics)"),
    ("20 3 * * *", "kompass.journeys.tasks.purge_journeys", "delete followed journeys past their retention period"),
    ("40 3 * * *", "kompass.cases.tasks.anonymise_closed_cases", "anonymise cases closed longer than the retention period"),
    ("50 3 * * *", "kompass.jobs.tasks.purge_old_jobs", "delete finished background jobs and their files after a week"),
]  # fmt: skip
