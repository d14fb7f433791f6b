"""Reports of online exploitation never carry files: child sexual abuse material must not be collected.

`refuse_files` wraps a view so that a multipart request is answered with 400 before any byte of a
file is kept: the upload handlers are replaced (before CSRF checking reads the body) by one that
skips every file part, so nothing reaches memory buffers, temporary files or MEDIA_ROOT.
"""

from __future__ import annotations

import re
from functools import wraps

from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

# A data: URI, or a long run of base64 characters (an image pasted as text).
EMBEDDED_FILE = re.compile(r"data:[\w.+-]+/[\w.+-]+[;,]|[A-Za-z0-9+/=\s]{400,}", re.IGNORECASE)

FILES_REFUSED = _(
    "This form never accepts files, photos or screenshots. Describe what happened in words and give "
    "the link; do not send images of anyone under 18 to anyone, not even to us."
)


class SkipAllFiles(FileUploadHandler):
    """Receives no file data at all: every file part of a multipart body is skipped unread."""

    def new_file(self, *args, **kwargs):
        self.request.online_files_refused = True
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):  # never called for skipped files
        return None

    def file_complete(self, file_size):
        return None


def is_multipart(request) -> bool:
    return (request.content_type or "").startswith("multipart/")


def refuse_files(view):
    """Swap the upload handlers before CSRF reads the body, then run the CSRF-protected view."""
    protected = csrf_protect(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.upload_handlers = [SkipAllFiles(request)]
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapped)


def refuse_embedded_files(value: str) -> None:
    """A validator for text fields: no data: URIs and no pasted base64 blobs."""
    if value and EMBEDDED_FILE.search(value):
        raise ValidationError(FILES_REFUSED, code="embedded_file")
