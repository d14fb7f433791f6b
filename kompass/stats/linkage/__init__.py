"""Record linkage for counting persons once across organisations (no Django here)."""

from .engine import DEFAULT_THRESHOLD, LinkageResult, encode_records, link_encoded, link_records

__all__ = ["DEFAULT_THRESHOLD", "LinkageResult", "encode_records", "link_encoded", "link_records"]
