#!/usr/bin/env python3
"""Baseline for `make bench`: Resiliparse's main-content extraction
(`extract_plain_text(..., main_content=True)`) over the same pages, one
process, timed around parsing and extraction only, like
trafilatura_baseline.py. Writes <id>.txt per page to OUT so that
`newsetl eval clean --extracted OUT` scores it the same way. Needs
`pip install resiliparse`; the project itself never depends on Python."""
import os
import sys
import time

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree

pages, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
names = sorted(n for n in os.listdir(pages) if n.endswith(".html"))
raw = {}
for name in names:
    with open(os.path.join(pages, name), "rb") as handle:
        raw[name] = handle.read()
start = time.perf_counter()
texts = {}
for name in names:
    tree = HTMLTree.parse(bytes_to_str(raw[name], detect_encoding(raw[name])))
    texts[name] = extract_plain_text(tree, main_content=True) or ""
elapsed = time.perf_counter() - start
for name, text in texts.items():
    with open(os.path.join(out, name[:-len(".html")] + ".txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
print(f"resiliparse: {len(names)} pages in {elapsed:.3f} s, {len(names) / elapsed:.0f} pages/s, one core")
