#!/usr/bin/env python3
"""Baseline for `make bench`: Resiliparse's main-content extraction
(`extract_plain_text(..., main_content=True)`) over the same pages, one
process, timed around decoding, parsing and extraction (harness:
extraction_baseline.py). Usage: resiliparse_baseline.py PAGES OUT. Needs
`pip install resiliparse`; the project itself never depends on Python."""
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree

from extraction_baseline import run

run("resiliparse", lambda html: extract_plain_text(HTMLTree.parse(bytes_to_str(html, detect_encoding(html))), main_content=True))
