"""The webhook: Telegram posts each update here, with the secret token set by `telegram_bot --set-webhook`."""

import hmac
import json
import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def webhook(request):
    secret = settings.TELEGRAM_WEBHOOK_SECRET
    if not (settings.TELEGRAM_TOKEN and secret):
        raise Http404
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return HttpResponseForbidden()
    try:
        update = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return HttpResponseBadRequest()
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        return HttpResponseBadRequest()
    # python-telegram-bot and httpx are imported here, not when the URLconf loads (start-up stays light).
    from kompass.bot import runner

    try:
        runner.process_update(update)
    except Exception as exc:
        # Answered all the same: Telegram would otherwise send the same update again and again.
        logger.error("Telegram update not answered: %s", type(exc).__name__)
    return HttpResponse(status=200)


# Telegram's servers post every chat's updates: its own limits apply, not the public forms' budget.
webhook.rate_limit_exempt = True
