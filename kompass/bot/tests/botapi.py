"""A local Bot API server for the tests: a small HTTP server on loopback answering the methods the bot
uses with Telegram's JSON shapes, and recording every call the bot makes.

The bot talks to it through python-telegram-bot and httpx exactly as to api.telegram.org: the tests
point KOMPASS_TELEGRAM_API_URL at it. It also builds the updates Telegram would send (a message, a
shared location, a tapped button) for the tests to post to the webhook or to queue for getUpdates.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

BOT_ID = 7000000001
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Kompass",
    "username": "kompass_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
# Ports of this worktree's range first (docs: one range per developer), any free one otherwise.
PORTS = range(8180, 8190)


@dataclass
class Call:
    method: str
    params: dict
    files: dict = field(default_factory=dict)  # name → (file name, bytes)

    @property
    def text(self) -> str:
        return self.params.get("text") or self.params.get("caption") or ""

    @property
    def buttons(self) -> list[dict]:
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


class LocalBotApi:
    def __init__(self, token: str):
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict] = []
        self.webhook: dict = {}
        self.lock = threading.Lock()
        self.polled = threading.Event()  # set when a getUpdates finds the queue empty
        self._ids = itertools.count(1)
        self._messages = itertools.count(1000)
        self.server: ThreadingHTTPServer | None = None

    # --- server -------------------------------------------------------------------------------

    def start(self) -> LocalBotApi:
        handler = _handler(self)
        for port in [*PORTS, 0]:
            try:
                self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
                break
            except OSError:
                continue
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, method: str, params: dict, files: dict) -> tuple[int, dict]:
        call = Call(method, params, files)
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            with self.lock:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                pending = list(self.updates)
            if not pending:
                self.polled.set()
                time.sleep(0.05)  # a short long poll
            return 200, {"ok": True, "result": pending}
        with self.lock:
            self.calls.append(call)
        if method == "setWebhook":
            self.webhook = params
            return 200, {"ok": True, "result": True, "description": "Webhook was set"}
        if method == "deleteWebhook":
            self.webhook = {}
            return 200, {"ok": True, "result": True, "description": "Webhook was deleted"}
        if method == "answerCallbackQuery":
            return 200, {"ok": True, "result": True}
        chat_id = int(params.get("chat_id") or 0)
        if method == "sendMessage":
            if not params.get("text"):
                return 400, {
                    "ok": False,
                    "error_code": 400,
                    "description": "Bad Request: message text is empty",
                }
            return 200, {"ok": True, "result": self._message(chat_id, text=params["text"])}
        if method == "editMessageText":
            return 200, {"ok": True, "result": self._message(chat_id, text=params.get("text", ""), message_id=int(params.get("message_id") or 0))}  # fmt: skip
        if method == "sendLocation":
            location = {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}
            return 200, {"ok": True, "result": self._message(chat_id, location=location)}
        if method == "sendDocument":
            name, content = files.get("document", ("document", b""))
            document = {"file_id": f"doc{next(self._ids)}", "file_unique_id": f"u{next(self._ids)}", "file_name": name, "mime_type": "application/pdf", "file_size": len(content)}  # fmt: skip
            return 200, {"ok": True, "result": self._message(chat_id, document=document, caption=params.get("caption", ""))}  # fmt: skip
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}

    def _message(self, chat_id: int, message_id: int | None = None, **content) -> dict:
        return {
            "message_id": message_id or next(self._messages),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Traveller"},
            "from": BOT_USER,
            **{k: v for k, v in content.items() if v},
        }

    # --- what the bot sent --------------------------------------------------------------------

    def sent(self, since: int = 0, method: str | None = None) -> list[Call]:
        with self.lock:
            calls = self.calls[since:]
        return [c for c in calls if method is None or c.method == method]

    # --- updates as Telegram sends them -------------------------------------------------------

    def user(self, chat_id: int, language: str, username: str = "") -> dict:
        user = {"id": chat_id, "is_bot": False, "first_name": "Traveller", "language_code": language}
        if username:
            user["username"] = username
        return user

    def message_update(self, chat_id: int, text: str = "", *, language: str = "uk", username: str = "", forwarded: bool = False, location: tuple[float, float] | None = None) -> dict:  # fmt: skip
        message = {
            "message_id": next(self._messages),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Traveller"},
            "from": self.user(chat_id, language, username),
        }
        if text:
            message["text"] = text
            if text.startswith("/"):
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if forwarded:
            message["forward_origin"] = {"type": "hidden_user", "sender_user_name": "Recruiter", "date": int(time.time()) - 60}  # fmt: skip
        if location:
            message["location"] = {"latitude": location[0], "longitude": location[1]}
        return {"update_id": next(self._ids), "message": message}

    def tap_update(
        self, chat_id: int, label: str, *, language: str = "uk", username: str = "", since: int = 0
    ) -> dict:
        """The update of a tap on the newest inline button labelled `label` that the bot sent."""
        for call in reversed(self.sent(since)):
            for button in call.buttons:
                if button["text"] == label and "callback_data" in button:
                    message = self._message(chat_id, text=call.text, message_id=1)
                    return {
                        "update_id": next(self._ids),
                        "callback_query": {
                            "id": str(next(self._ids)),
                            "from": self.user(chat_id, language, username),
                            "chat_instance": "ci",
                            "message": message,
                            "data": button["callback_data"],
                        },
                    }
        labels = [b["text"] for c in self.sent(since) for b in c.buttons]
        raise AssertionError(f"No button {label!r}; buttons sent: {labels}")

    def queue(self, update: dict) -> None:
        with self.lock:
            self.updates.append(update)
            self.polled.clear()


def _handler(api: LocalBotApi):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            prefix = f"/bot{api.token}/"
            if not self.path.startswith(prefix):
                return self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            method = self.path[len(prefix) :]
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            params, files = _parse(self.headers.get("Content-Type", ""), body)
            status, answer = api.answer(method, params, files)
            self._json(status, answer)

        do_GET = do_POST  # noqa: N815

        def _json(self, status: int, data: dict) -> None:
            body = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # quiet
            pass

    return Handler


def _value(raw: str):
    """python-telegram-bot sends each parameter as a string, JSON-encoded when it is not a string."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _parse(content_type: str, body: bytes) -> tuple[dict, dict]:
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        params, files = {}, {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename:
                files[name] = (filename, payload)
            else:
                params[name] = _value(payload.decode())
        return params, files
    if content_type.startswith("application/json"):
        return json.loads(body or b"{}"), {}
    return {k: _value(v[0]) for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}, {}
