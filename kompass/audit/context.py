"""The request context the audit trail needs (address), set once per request by the middleware."""

from contextvars import ContextVar

current_ip: ContextVar[str | None] = ContextVar("kompass_audit_ip", default=None)
