"""The harness the extractor baselines share (trafilatura_baseline.py,
resiliparse_baseline.py): reads every page of PAGES first, times `extract`
over all of them on one core, writes <id>.txt per page to OUT so that
`newsetl eval clean --extracted OUT` scores it with NewsETL's scorer, and
prints one line."""
import os
import sys
import time


def run(label, extract):
    pages, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(pages) if n.endswith(".html"))
    raw = {}
    for name in names:
        with open(os.path.join(pages, name), "rb") as handle:
            raw[name] = handle.read()
    start = time.perf_counter()
    results = {name: extract(html) or "" for name, html in raw.items()}
    seconds = time.perf_counter() - start
    for name, text in results.items():
        with open(os.path.join(out, name[:-len(".html")] + ".txt"), "w", encoding="utf-8") as handle:
            handle.write(text)
    print(f"{label}: {len(names)} pages in {seconds:.3f} s, {len(names) / seconds:.0f} pages/s, one core")
