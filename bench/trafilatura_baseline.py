#!/usr/bin/env python3
"""Baseline for `make bench`: trafilatura's article extraction over the same
pages, one process, timed around extraction only. Writes <id>.txt per page to
OUT so that `newsetl eval clean --extracted OUT` scores it with the same
scorer as NewsETL. Needs `pip install trafilatura lxml_html_clean`; the
project itself never depends on Python."""
import os
import sys
import time

import trafilatura

pages, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
names = sorted(n for n in os.listdir(pages) if n.endswith(".html"))
texts = {}
for name in names:
    with open(os.path.join(pages, name), "rb") as handle:
        texts[name] = handle.read()
start = time.perf_counter()
results = {name: trafilatura.extract(html, include_comments=False, include_tables=True) or "" for name, html in texts.items()}
seconds = time.perf_counter() - start
for name, text in results.items():
    with open(os.path.join(out, name[:-5] + ".txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
print(f"trafilatura {trafilatura.__version__}: {len(names)} pages in {seconds:.3f} s, {len(names) / seconds:.0f} pages/s, one core")
