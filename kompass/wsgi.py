import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")
application = get_wsgi_application()

# Build the API now rather than during the first API request (commands never build it).
from kompass.api.mount import load_lazy_includes  # noqa: E402

load_lazy_includes()

# Everything loaded so far lives as long as the process: keep it out of the garbage collector's
# full collections, which otherwise show up as latency spikes.
gc.freeze()
