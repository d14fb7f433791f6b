"""Serving a protected uploaded file once Django has checked who may have it."""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse


def send_protected_file(field_file, *, filename: str, content_type: str) -> HttpResponse:
    """The file as a download: by nginx when it serves uploads (X-Accel-Redirect), else by Django.

    Call it after the permission check and the audit event. With `KOMPASS_ACCEL_REDIRECT` set
    (e.g. `/_protected/`, an `internal` nginx location aliased to MEDIA_ROOT, see deploy/nginx)
    the app answers with a header only, and nginx sends the bytes without tying up a worker.
    """
    prefix = settings.ACCEL_REDIRECT_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    else:
        response = FileResponse(
            field_file.open("rb"), content_type=content_type, as_attachment=True, filename=filename
        )
    response["Cache-Control"] = "no-store"
    return response
