#!/usr/bin/env python3
"""Writes COUNT small reports into FOLDER (folders of 1,000): every 20th
file empty or binary (rejected), the others a report from SOURCE with a
line of its own on top, so that file i and file i + len(SOURCE) share
their text (planted copies). Usage: small_reports.py SOURCE FOLDER COUNT SEED"""
import os
import random
import sys


def texts(source):
    found = []
    for root, _, files in os.walk(source):
        for name in sorted(files):
            with open(os.path.join(root, name), encoding='utf-8', errors='replace') as f:
                found.append(f.read())
    return found


def write(texts, folder, count, seed):
    rng = random.Random(seed)
    for i in range(count):
        sub = f'{folder}/{i // 1000:03}'
        if i % 1000 == 0:
            os.makedirs(sub)
        path = f'{sub}/{i:06}.txt'
        if i % 20 == 0:
            open(path, 'wb').write(b'' if i % 40 == 0 else bytes(rng.randrange(256) for _ in range(512)))
        else:
            open(path, 'w').write(f'Bulletin {i}: desk note {rng.randrange(10**9)}.\n\n' + texts[i % len(texts)])


if __name__ == '__main__':
    source, folder, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    write(texts(source), folder, count, seed)
