"""The HTML report: one self-contained page per output folder.

It reads only what `annuaire extract` wrote (tables and manifest) and, for
the page crops shown as evidence, the source PDF named in the manifest; it
knows nothing of how the directory was parsed.
"""

from __future__ import annotations

from extract.report.build import REPORT_NAME, build_report

__all__ = ["REPORT_NAME", "build_report"]
