#!/usr/bin/env python3
"""Build syllable<TAB>count (lower-cased, NFC, Vietnamese syllables only) from
hermitdave/FrequencyWords content/2018/vi/vi_full.txt (format: "token count").
Usage: python3 build_syllable_table.py vi_full.txt > out.tsv"""
import sys, re, unicodedata
TONES = "\u0300\u0301\u0303\u0309\u0323"   # huyen, sac, nga, hoi, nang
def nfd(s): return unicodedata.normalize("NFD", s)
def nfc(s): return unicodedata.normalize("NFC", s)
def strip_tone(s): return nfc("".join(c for c in nfd(s) if c not in TONES))
def ntones(s): return sum(1 for c in nfd(s) if c in TONES)
ONSET = r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
RHYME = r"([aăâeêioôơuưy]{1,3}(?:ng|nh|ch|c|m|n|p|t)?)"
PAT = re.compile("^" + ONSET + RHYME + "$")
HAS_VN_MARK = re.compile("[ăâêôơưđ]")
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    p = line.rstrip("\n").rsplit(" ", 1)
    if len(p) != 2 or not p[1].isdigit(): continue
    w = nfc(p[0].lower()); c = int(p[1])
    if ntones(w) > 1: continue
    m = PAT.match(strip_tone(w))
    if not m: continue
    rows.append((w, c, m.group(2), ntones(w) > 0 or bool(HAS_VN_MARK.search(w))))
# rhymes attested in syllables carrying a tone mark or a Vietnamese-only letter
attested = {}
for w, c, r, marked in rows:
    if marked: attested[r] = attested.get(r, 0) + c
valid = {r for r, c in attested.items() if c >= 1000}
cnt = {}
for w, c, r, marked in rows:
    if r in valid: cnt[w] = cnt.get(w, 0) + c
for w, c in sorted(cnt.items(), key=lambda x: (-x[1], x[0])):
    print(f"{w}\t{c}")
print(f"# rhymes kept: {len(valid)}", file=sys.stderr)
