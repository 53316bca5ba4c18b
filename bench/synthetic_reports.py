#!/usr/bin/env python3
"""Writes COUNT synthetic news reports into FOLDER (sub-folders of 1,000
files) for runs at a scale no collection on this machine reaches.

Each report is a headline and 8 to 16 sentences drawn from the sentences of
SOURCE (wire copy: real names, dates, amounts), in paragraphs of three, so
reports differ from each other as reports of different events do. Every
10th report is a planted copy of one of the 50 reports before it, of one of
four kinds: a re-send, a trim to its first 60% of sentences, an expansion by
four sentences, and one sentence edited (every fourth word changed). Every
100th file is empty (rejected). Report i depends only on i and SEED, so a
copy is remade from its original's index and nothing is held.

Usage: synthetic_reports.py SOURCE FOLDER COUNT [SEED]"""
import os
import random
import re
import sys

KINDS = ('resend', 'trim', 'expansion', 'edited')


def sentence_pool(source):
    headlines, sentences = [], []
    for root, _, files in os.walk(source):
        for name in sorted(files):
            with open(os.path.join(root, name), encoding='utf-8', errors='replace') as f:
                lines = f.read().split('\n')
            if len(lines) < 2:
                continue
            headlines.append(lines[0].strip())
            body = re.sub(r'\s+', ' ', ' '.join(lines[1:]).replace('&\\t', ' ')).strip()
            sentences += [s for s in re.split(r'(?<=[.!?]) (?=[A-Z])', body) if 40 <= len(s) <= 400]
    return headlines, sentences


def report(i, seed, headlines, sentences):
    rng = random.Random(seed * 1_000_003 + i)
    headline = headlines[rng.randrange(len(headlines))]
    chosen = [sentences[rng.randrange(len(sentences))] for _ in range(rng.randint(8, 16))]
    return headline, chosen


def text(i, seed, headlines, sentences):
    if i % 10 != 9 or i < 10:
        headline, chosen = report(i, seed, headlines, sentences)
    else:
        original = i - 1 - (i // 10) % 50
        if original % 10 == 9:
            original -= 1
        headline, chosen = report(original, seed, headlines, sentences)
        kind = KINDS[(i // 10) % len(KINDS)]
        rng = random.Random(seed * 7_000_003 + i)
        if kind == 'trim':
            chosen = chosen[:max(1, len(chosen) * 6 // 10)]
        elif kind == 'expansion':
            chosen = chosen + [sentences[rng.randrange(len(sentences))] for _ in range(4)]
        elif kind == 'edited':
            target = rng.randrange(len(chosen))
            words = chosen[target].split(' ')
            for position in range(1, len(words), 4):
                words[position] = words[position].upper()
            chosen = chosen[:target] + [' '.join(words)] + chosen[target + 1:]
    paragraphs = [' '.join(chosen[k:k + 3]) for k in range(0, len(chosen), 3)]
    return headline + '\n\n' + '\n\n'.join(paragraphs) + '\n'


def write(source, folder, count, seed):
    headlines, sentences = sentence_pool(source)
    for i in range(count):
        sub = f'{folder}/{i // 1000:04}'
        if i % 1000 == 0:
            os.makedirs(sub)
        with open(f'{sub}/{i:07}.txt', 'w') as f:
            if i % 100 != 50:
                f.write(text(i, seed, headlines, sentences))


if __name__ == '__main__':
    source, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    write(source, folder, count, int(sys.argv[4]) if len(sys.argv) > 4 else 1)
