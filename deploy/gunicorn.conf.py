"""gunicorn settings for Kompass (deploy/systemd/kompass-web.service, Dockerfile, compose.yaml).

Environment: KOMPASS_BIND (default 127.0.0.1:8000), KOMPASS_WEB_WORKERS (default 3).
"""

import os

bind = os.environ.get("KOMPASS_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("KOMPASS_WEB_WORKERS", "3"))
worker_class = "sync"
timeout = 60  # nginx gives up after 60 s too (proxy_read_timeout)
graceful_timeout = 30  # on stop/restart, requests in flight finish; nginx sends new ones elsewhere
keepalive = 75  # nginx keeps upstream connections open (keepalive 32)
max_requests = 2000
max_requests_jitter = 200
# nginx on the same machine sets X-Forwarded-Proto; Django trusts it with KOMPASS_BEHIND_PROXY=1.
forwarded_allow_ips = os.environ.get("KOMPASS_TRUSTED_PROXIES", "127.0.0.1,::1")
accesslog = None  # nginx logs requests; Django logs JSON lines (KOMPASS_LOG_LEVEL=INFO for one per request)
errorlog = "-"
proc_name = "kompass-web"
