"""The HTML report of a batch: each release with its fields highlighted, and an overview.

``read_batch_file`` / ``parse_lines`` read batch output tolerantly, ``write_report`` writes the
folder, ``release_page`` and ``overview_page`` return the HTML of one page.
"""

from __future__ import annotations

from extractor.report.builder import (
    ReportResult,
    overview_page,
    page_name,
    release_page,
    write_report,
)
from extractor.report.lines import BatchEntry, parse_lines, read_batch_file
from extractor.report.sources import PageText, page_text

__all__ = [
    "BatchEntry",
    "PageText",
    "ReportResult",
    "overview_page",
    "page_name",
    "page_text",
    "parse_lines",
    "read_batch_file",
    "release_page",
    "write_report",
]
