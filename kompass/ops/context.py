"""The id of the request (or of the request that sent a task) being served, for the logs."""

from contextvars import ContextVar

current_request_id: ContextVar[str] = ContextVar("kompass_request_id", default="")
