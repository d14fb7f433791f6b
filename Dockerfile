# Kompass as a container image: the same `make install` as on a server (docs/deploy.md).
# One image runs every role: web (default), worker (`python manage.py run_worker`), scheduler
# (`python manage.py run_scheduler`) — see compose.yaml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    KOMPASS_VAR_DIR=/srv/kompass/var KOMPASS_BIND=0.0.0.0:8000
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make \
    && useradd --system --home-dir /srv/kompass --shell /usr/sbin/nologin kompass

WORKDIR /srv/kompass
COPY pyproject.toml uv.lock Makefile manage.py ./
COPY kompass ./kompass
COPY templates ./templates
COPY static ./static
COPY locale ./locale
COPY deploy ./deploy
RUN make install && rm -rf /var/lib/apt/lists/* /root/.cache \
    && mkdir -p var/media var/backups && chown -R kompass:kompass var

USER kompass
ENV PATH=/srv/kompass/.venv/bin:$PATH
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["gunicorn", "kompass.wsgi", "--config", "deploy/gunicorn.conf.py"]
