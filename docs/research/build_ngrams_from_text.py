#!/usr/bin/env python3
"""Syllable unigram + bigram counts from running Vietnamese text.
Lower-cased, NFC, Vietnamese syllables only. A bigram is two syllables adjacent in
the text with only whitespace between them (punctuation, digits, foreign tokens
break the chain).
Usage: python3 build_ngrams_from_text.py OUT_PREFIX MIN_BIGRAM_COUNT < text"""
import sys, re, unicodedata
from collections import Counter
TONES = "\u0300\u0301\u0303\u0309\u0323"
def nfc(s): return unicodedata.normalize("NFC", s)
def nfd(s): return unicodedata.normalize("NFD", s)
def strip_tone(s): return nfc("".join(c for c in nfd(s) if c not in TONES))
def ntones(s): return sum(1 for c in nfd(s) if c in TONES)
ONSET = r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
RHYME = r"([aăâeêioôơuưy]{1,3}(?:ng|nh|ch|c|m|n|p|t)?)"
PAT = re.compile("^" + ONSET + RHYME + "$")
MARK = re.compile("[ăâêôơưđ]")
TOK = re.compile(r"[^\W\d_]+|\S")          # letter runs, or any single other char
prefix, minbi = sys.argv[1], int(sys.argv[2])
tokens_per_line = []
cand = Counter()
for line in sys.stdin.buffer:
    line = nfc(line.decode("utf-8", "replace").lower())
    toks = TOK.findall(line)
    tokens_per_line.append(toks)
    for t in toks:
        if ntones(t) <= 1:
            m = PAT.match(strip_tone(t))
            if m and (ntones(t) or MARK.search(t)): cand[m.group(2)] += 1
valid = {r for r, c in cand.items() if c >= 1000}
def is_syl(t):
    if ntones(t) > 1: return False
    m = PAT.match(strip_tone(t)); return bool(m) and m.group(2) in valid
uni, bi = Counter(), Counter()
for toks in tokens_per_line:
    prev = None
    for t in toks:
        if is_syl(t):
            uni[t] += 1
            if prev is not None: bi[(prev, t)] += 1
            prev = t
        else:
            prev = None
with open(prefix + ".unigrams.tsv", "w", encoding="utf-8") as f:
    for w, c in sorted(uni.items(), key=lambda x: (-x[1], x[0])): f.write(f"{w}\t{c}\n")
with open(prefix + ".bigrams.tsv", "w", encoding="utf-8") as f:
    for (a, b), c in sorted(bi.items(), key=lambda x: (-x[1], x[0])):
        if c >= minbi: f.write(f"{a} {b}\t{c}\n")
print(f"rhymes={len(valid)} unigram_types={len(uni)} tokens={sum(uni.values())} "
      f"bigram_types={len(bi)} bigram_types_kept(>={minbi})={sum(1 for c in bi.values() if c>=minbi)}",
      file=sys.stderr)
