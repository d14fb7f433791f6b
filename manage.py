#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")
    # A checkout without a configured secret is a developer's machine: manage.py runs with
    # development defaults there. Served deployments go through wsgi.py, which has no such default.
    if "KOMPASS_SECRET_KEY" not in os.environ:
        os.environ.setdefault("KOMPASS_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
