#!/usr/bin/env python3
"""Baseline for `make bench`: trafilatura's article extraction over the same
pages, one process, timed around extraction only (harness:
extraction_baseline.py). Usage: trafilatura_baseline.py PAGES OUT. Needs
`pip install trafilatura lxml_html_clean`; the project itself never depends
on Python."""
import trafilatura

from extraction_baseline import run

run(f"trafilatura {trafilatura.__version__}",
    lambda html: trafilatura.extract(html, include_comments=False, include_tables=True))
