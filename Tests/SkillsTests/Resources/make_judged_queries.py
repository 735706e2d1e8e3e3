#!/usr/bin/env python3
"""Generates judged-queries.tsv: queries with the concept(s) a skill search must return for them.

Reads the project's seed (seed/taxonomy/*.csv.gz) and, for British/American spelling pairs, the SCOWL word lists of
Debian's `scowl` package (/usr/share/dict/scowl), which judge spelling variants independently of the normaliser
under test. Deterministic: sampling is by SHA-1 of the query text. Python 3 standard library only.

    python3 Tests/SkillsTests/Resources/make_judged_queries.py   # from the repository root
"""
import csv, glob, gzip, hashlib, io, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'seed', 'taxonomy'))
SCOWL = '/usr/share/dict/scowl'
OUT = os.path.join(HERE, 'judged-queries.tsv')

SAMPLE = {'esco_skill_alt_label': 800, 'esco_occupation_alt_label': 250, 'uk_us_variant': 450, 'us_uk_variant': 80,
          'onet_technology': 400, 'onet_occupation_title': 150}


def rows(name):
    with gzip.open(os.path.join(SEED, name), 'rt', encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def fold(text):
    """Case, accents, punctuation: the textual identity used to detect labels shared by several concepts."""
    text = unicodedata.normalize('NFKD', text)
    text = ''.join(c for c in text if not unicodedata.combining(c)).lower()
    return ' '.join(re.sub(r'[^a-z0-9+#]+', ' ', text).split())


def tech_code(name):
    """OnetTechnology.conceptCode(forExample:) in the Skills library; SkillsTests checks the two agree."""
    text = unicodedata.normalize('NFKD', name)
    text = ''.join(c for c in text if not unicodedata.combining(c)).lower()
    tokens, current, i = [], '', 0
    def word(ch): return ch.isascii() and ch.isalnum() or not ch.isascii()
    def flush():
        nonlocal current
        if current: tokens.append(current)
        current = ''
    while i < len(text):
        ch = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ''
        if word(ch):
            current += ch
        elif ch == '.' and text[i + 1:i + 4] == 'net' and (i + 4 == len(text) or not word(text[i + 4])):
            flush(); tokens.append('dotnet'); i += 4; continue
        elif ch == '.' and current and nxt and word(nxt):
            if current[-1].isdigit() and nxt.isdigit(): current += '.'
        elif ch == '+':
            end = i
            while end < len(text) and text[end] == '+': end += 1
            if current and not (end < len(text) and word(text[end])):
                current += 'plus' * (end - i); i = end; continue
            flush()
        elif ch == '#' and current and not (nxt and word(nxt)):
            current += 'sharp'
        elif ch in "'&" and current and nxt and word(nxt):
            pass
        elif ch == '-' and current and nxt and word(nxt) and (len(current) == 1 or current in JOINING_PREFIXES):
            pass
        else:
            flush()
        i += 1
    flush()
    return 'tech:' + '-'.join(tokens)


JOINING_PREFIXES = {'co', 're', 'pre', 'non', 'multi', 'sub', 'inter', 'anti', 'semi', 'post', 'micro', 'mid', 'bi', 'tri'}


def sample(items, n):
    """The n items with the smallest SHA-1 of their query: stable under additions elsewhere in the data."""
    return sorted(items, key=lambda q: hashlib.sha1(q[0].encode()).hexdigest())[:n]


# Concepts and every label, per framework.
concepts = {}          # id -> framework
labels = []            # (label, id, is_alternative, kind)
for r in rows('esco_skills.csv.gz'):
    concepts[r['uri']] = 'esco'
    labels.append((r['preferred_label'], r['uri'], False, 'skill'))
    labels += [(a, r['uri'], True, 'skill') for a in r['alt_labels'].split('|') if a]
for r in rows('esco_occupations.csv.gz'):
    concepts[r['uri']] = 'esco'
    labels.append((r['preferred_label'], r['uri'], False, 'occupation'))
    labels += [(a, r['uri'], True, 'occupation') for a in r['alt_labels'].split('|') if a]
for r in rows('esco_skill_groups.csv.gz'):
    concepts[r['uri']] = 'esco'
    labels.append((r['preferred_label'], r['uri'], False, 'group'))
for r in rows('esco_isco_groups.csv.gz'):
    concepts[r['uri']] = 'esco'
    labels.append((r['preferred_label'], r['uri'], False, 'group'))
for r in rows('onet_occupations.csv.gz'):
    concepts[r['onetsoc_code']] = 'onet'
    labels.append((r['title'], r['onetsoc_code'], False, 'occupation'))
for r in rows('onet_skills.csv.gz'):
    concepts[r['element_id']] = 'onet'
    labels.append((r['name'], r['element_id'], False, 'element'))
tech = {}
for r in rows('onet_technology_skills.csv.gz'):
    code = tech_code(r['example'])
    if code not in tech:
        tech[code] = (r['example'], r['hot_technology'] == 'Y')
        concepts[code] = 'onet'
        labels.append((r['example'], code, False, 'technology'))
    if r['commodity_code'] not in concepts:
        concepts[r['commodity_code']] = 'onet'
        labels.append((r['commodity_title'], r['commodity_code'], False, 'group'))

by_fold = defaultdict(set)
for label, cid, _, _ in labels:
    by_fold[fold(label)].add(cid)


def expected_for(label, cid):
    """The concepts a query equal to `label` may rightly return first, or None when the label is ambiguous:
    shared by several concepts of one framework. A label shared by one ESCO and one O*NET concept names the same
    thing twice (Python, Mathematics) and accepts either."""
    owners = by_fold[fold(label)]
    esco = sorted(c for c in owners if concepts[c] == 'esco')
    onet = sorted(c for c in owners if concepts[c] == 'onet')
    if len(esco) > 1 or len(onet) > 1:
        return None
    return '|'.join([cid] + [c for c in esco + onet if c != cid])


queries, excluded = [], defaultdict(int)


def add(kind, candidates):
    chosen = sample(candidates, SAMPLE[kind]) if kind in SAMPLE else candidates
    queries.extend((q, e, kind) for q, e in chosen)


def from_labels(kind, wanted_kind):
    out = []
    for label, cid, alternative, k in labels:
        if not alternative or k != wanted_kind:
            continue
        expected = expected_for(label, cid)
        if expected is None:
            excluded[kind, 'ambiguous'] += 1
        else:
            out.append((label, expected))
    return out


add('esco_skill_alt_label', from_labels('esco_skill_alt_label', 'skill'))
add('esco_occupation_alt_label', from_labels('esco_occupation_alt_label', 'occupation'))


# British ↔ American variants, judged by SCOWL: a word is British when only the British lists have it, and its
# American form is a generic respelling that only the American (or common) lists have.
def words(prefixes, levels=(10, 20, 35, 40, 50, 55, 60, 70)):
    found = set()
    for prefix in prefixes:
        for level in levels:
            path = os.path.join(SCOWL, f'{prefix}.{level}')
            if os.path.exists(path):
                with open(path, encoding='latin-1') as f:
                    found |= {w.strip().lower() for w in f if w.strip().isalpha()}
    return found


common, british, american = words(['english-words']), words(['british-words']), words(['american-words'])
british -= common | american
american -= common | british
us_valid, uk_valid = common | american, common | british

UK_TO_US = [(r'is(e|ed|es|ing|er|ers|ation|ations|ational|able)$', r'iz\1'), (r'ys(e|ed|es|ing|er|ers)$', r'yz\1'),
            (r'our', 'or'), (r're$', 'er'), (r'res$', 'ers'), (r'red$', 'ered'), (r'ring$', 'ering'), (r'([tb])re', r'\1er'),
            (r'll', 'l'), (r'ae', 'e'), (r'oe', 'e'), (r'ogue', 'og'), (r'ogu', 'og'), (r'ence', 'ense'), (r'mme', 'm'),
            (r'que', 'ck'), (r'ough', 'ow'), (r'ou', 'o'), (r'y', 'i'), (r'ey', 'ay'), (r'ium', 'um'), (r'ellery', 'elry'),
            (r'augh', 'af'), (r'l$', 'll'), (r'lment', 'llment'), (r'ement', 'ment'), (r'eing', 'ing'), (r'sc', 'sk'),
            (r'ph', 'f'), (r'cs$', 'ks'), (r'c$', 'k'), (r'isation', 'ization')]


def respell(word, rules, valid):
    """The word of `valid` that one application of `rules` gives, else two; the shortest change first."""
    seen, frontier = set(), [word]
    for _ in range(2):
        next_frontier = []
        for w in frontier:
            for pattern, replacement in rules:
                for m in re.finditer(pattern, w):
                    candidate = w[:m.start()] + m.expand(replacement) + w[m.end():]
                    if candidate != w and candidate not in seen:
                        seen.add(candidate)
                        next_frontier.append(candidate)
        hits = sorted((c for c in next_frontier if c in valid), key=lambda c: (abs(len(c) - len(word)), c))
        if hits:
            return hits[0]
        frontier = next_frontier
    return None


def variant(label, source_words, rules, valid, names_too=True):
    """`label` with each word of `source_words` respelled; capitalised words (product names) only if `names_too`."""
    changed = False
    def swap(m):
        nonlocal changed
        w = m.group(0)
        if w.lower() in source_words and (names_too or w.islower()):
            target = respell(w.lower(), rules, valid)
            if target:
                changed = True
                return target.capitalize() if w[0].isupper() else target
        return w
    text = re.sub(r'[A-Za-z]+', swap, label)
    return text if changed else None


uk_us = []
for label, cid, _, k in labels:
    if concepts[cid] != 'esco' or not any(w.lower() in british for w in re.findall(r'[A-Za-z]+', label)):
        continue
    us = variant(label, british, UK_TO_US, us_valid)
    expected = expected_for(label, cid)
    if expected is None:
        excluded['uk_us_variant', 'ambiguous'] += 1
    elif us is None:
        excluded['uk_us_variant', 'no American spelling in SCOWL'] += 1
    elif by_fold[fold(us)]:
        excluded['uk_us_variant', 'American spelling already a label'] += 1
    else:
        uk_us.append((us, expected))
add('uk_us_variant', uk_us)

US_TO_UK = [(r'iz(e|ed|es|ing|er|ers|ation|ations|ational|able)', r'is\1'), (r'yz(e|ed|es|ing|er|ers)', r'ys\1'),
            (r'or', 'our'), (r'er$', 're'), (r'ers$', 'res'), (r'ered$', 'red'), (r'ering$', 'ring'), (r'l(ed|ing|er|ers)$', r'll\1'),
            (r'e', 'ae'), (r'e', 'oe'), (r'og$', 'ogue'), (r'ense', 'ence'), (r'am$', 'amme'), (r'ams$', 'ammes'),
            (r'ment', 'ement'), (r'ing$', 'eing'), (r'ization', 'isation')]
us_uk = []
for label, cid, _, k in labels:
    if concepts[cid] != 'onet' or not any(w.lower() in american for w in re.findall(r'[A-Za-z]+', label)):
        continue
    uk = variant(label, american, US_TO_UK, uk_valid, names_too=k != 'technology')
    expected = expected_for(label, cid)
    if expected is None:
        excluded['us_uk_variant', 'ambiguous'] += 1
    elif uk is None:
        excluded['us_uk_variant', 'no British spelling in SCOWL'] += 1
    elif by_fold[fold(uk)]:
        excluded['us_uk_variant', 'British spelling already a label'] += 1
    else:
        us_uk.append((uk, expected))
add('us_uk_variant', us_uk)

technology = []
for code, (name, hot) in tech.items():
    expected = expected_for(name, code)
    if expected is None:
        excluded['onet_technology', 'ambiguous'] += 1
    else:
        technology.append((name, expected, hot))
hot_ones = [(q, e) for q, e, hot in technology if hot]
queries.extend((q, e, 'onet_technology') for q, e in sorted(hot_ones))
queries.extend((q, e, 'onet_technology') for q, e in sample([(q, e) for q, e, hot in technology if not hot], SAMPLE['onet_technology'] - len(hot_ones)))

elements = []
for label, cid, _, k in labels:
    if k == 'element':
        expected = expected_for(label, cid)
        if expected is None:
            excluded['onet_element', 'ambiguous'] += 1
        else:
            elements.append((label, expected))
add('onet_element', elements)

titles = []
for label, cid, _, k in labels:
    if k == 'occupation' and concepts[cid] == 'onet':
        expected = expected_for(label, cid)
        if expected is None:
            excluded['onet_occupation_title', 'ambiguous'] += 1
        else:
            titles.append((label, expected))
add('onet_occupation_title', titles)

# O*NET-SOC codes of the crosswalk → the ESCO occupations they map to (any of them). Every fifth code is written
# without `.00`, every fifth as an O*NET OnLine link, so code recognition is exercised too.
crosswalk = defaultdict(set)
for r in rows('crosswalk_esco_onet.csv.gz'):
    if r['esco_uri_in_v1_1_1'] == 'Y' and r['onetsoc_code_in_onet_30'] == 'Y':
        crosswalk[r['onetsoc_code']].add(r['esco_occupation_uri'])
for index, code in enumerate(sorted(crosswalk)):
    query = code
    if index % 5 == 1 and code.endswith('.00'):
        query = code[:-3]
    elif index % 5 == 3:
        query = 'https://www.onetonline.org/link/summary/' + code
    queries.append((query, '|'.join(sorted(crosswalk[code])), 'crosswalk_code'))

with open(os.path.join(HERE, 'everyday-phrases.tsv'), encoding='utf-8') as f:
    for line in f:
        if line.strip() and not line.startswith('#'):
            query, expected = line.rstrip('\n').split('\t')
            queries.append((query, expected, 'everyday_phrase'))

seen, unique = set(), []
for query, expected, kind in queries:
    if query not in seen:
        seen.add(query)
        unique.append((query, expected, kind))
    else:
        excluded[kind, 'judged under an earlier kind'] += 1
queries = unique

for query, expected, kind in queries:
    assert '\t' not in query and '\n' not in query, query
    for cid in expected.split('|'):
        assert cid in concepts, (query, cid)

with open(OUT, 'w', encoding='utf-8', newline='') as f:
    f.write('query\texpected\tkind\n')
    for query, expected, kind in queries:
        f.write(f'{query}\t{expected}\t{kind}\n')

counts = defaultdict(int)
for _, _, kind in queries:
    counts[kind] += 1
print(f'{len(queries)} queries written to {OUT}')
for kind in counts:
    reasons = ', '.join(f'{reason} {n}' for (k, reason), n in sorted(excluded.items()) if k == kind)
    print(f'  {kind}: {counts[kind]}' + (f' (not used: {reasons})' if reasons else ''))
