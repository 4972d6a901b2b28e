#!/usr/bin/env python3
"""stutter-diag.py: the indel calls at injected stutter sites against the true het indels in tandem repeats.

    python3 bench/scoring/stutter-diag.py SETS_TSV [SET ...]

SETS_TSV is train.sh's table (name, reference, calls, truth, confident, sample column, group). For each set that has
an artefacts table beside its truth (<dir>/<name>.artefacts.tsv with `stutter` rows), every indel call of the sample
column is labelled: `stutter` (an indel within 2 bp of an injected stutter site: for evaluation only, never a
feature), `true` (the same pos/ref/alt in the truth VCF) or `false` (other). Prints one row per stutter call and per
true het indel in a repeat tract (RPL >= 8), with the features the model sees and HETB (the het allele-balance tail,
gap.core.scoring.HetBalance), then medians per group. Labels by exact allele match: a diagnosis, not gap concordance.
"""
import gzip, math, os, statistics, sys

sys.path.insert(0, os.path.dirname(__file__))


def het_tail_phred(alt, n, rho=0.0):
    """-10 log10 P(X <= alt) for X ~ BetaBinomial(n, 1/2, overdispersion rho) (rho 0: Binomial(n, 1/2))."""
    if n <= 0:
        return float('nan')
    if rho <= 0:
        logs = [math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2)
                for k in range(alt + 1)]
    else:
        a = b = 0.5 * (1 - rho) / rho
        lbeta = lambda x, y: math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y)
        logs = [math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                + lbeta(k + a, n - k + b) - lbeta(a, b) for k in range(alt + 1)]
    m = max(logs)
    p = min(1.0, math.exp(m) * sum(math.exp(x - m) for x in logs))
    return -10 * math.log10(max(p, 1e-300))


def open_text(path):
    return gzip.open(path, 'rt') if path.endswith('.gz') else open(path)


def truth_set(path):
    s = set()
    for line in open_text(path):
        if line.startswith('#'):
            continue
        f = line.split('\t')
        for alt in f[4].split(','):
            s.add((f[0], int(f[1]), f[3], alt))
    return s


def stutter_sites(path):
    sites = []
    if not os.path.exists(path):
        return sites
    for line in open(path):
        f = line.rstrip('\n').split('\t')
        if len(f) > 2 and f[2] == 'stutter':
            sites.append((f[0], int(f[1]), f[5] if len(f) > 5 else ''))
    return sites


def rows(name, calls, truth, column):
    d = os.path.dirname(truth)
    arte = [p for p in os.listdir(d) if p.endswith('.artefacts.tsv')]
    st = stutter_sites(os.path.join(d, arte[0])) if arte else []
    if not st:
        return []
    tr = truth_set(truth)
    out = []
    for line in open_text(calls):
        if line.startswith('#'):
            continue
        f = line.rstrip('\n').split('\t')
        alts = f[4].split(',')
        if all(len(a) == len(f[3]) for a in alts):
            continue
        info = dict(kv.split('=', 1) if '=' in kv else (kv, '1') for kv in f[7].split(';'))
        keys = f[8].split(':')
        g = dict(zip(keys, f[9 + column].split(':')))
        gt = g.get('GT', './.').replace('|', '/')
        if gt in ('./.', '0/0', '.'):
            continue
        ad = [int(x) if x != '.' else 0 for x in g.get('AD', '0').split(',')]
        near = [s for s in st if s[0] == f[0] and abs(s[1] - int(f[1])) <= 2]
        if near:
            label = 'stutter'
        elif any((f[0], int(f[1]), f[3], a) in tr for a in alts):
            label = 'true'
        else:
            label = 'false'
        alleles = [int(x) for x in gt.split('/')]
        het = len(set(alleles)) == 2 and 0 in alleles
        alt = sum(ad[a] for a in set(alleles) if a > 0 and a < len(ad))
        n = ad[0] + alt
        out.append(dict(set=name, pos=int(f[1]), ref=f[3], alt=f[4], label=label, gt=gt, ad=','.join(map(str, ad)),
                        n=n, altn=alt, ab=alt / n if n else float('nan'), het=het,
                        qual=float(f[5]), qd=float(info.get('QD', 'nan')), rpu=int(info.get('RPU', 0)),
                        rpl=int(info.get('RPL', 0)), gapscore=float(info.get('GAPSCORE', 'nan')), filt=f[6],
                        hetb=het_tail_phred(alt, n) if het else 0.0,
                        hetb_bb=het_tail_phred(alt, n, 0.05) if het else 0.0,
                        detail=near[0][2] if near else ''))
    return out


def main():
    table = sys.argv[1]
    want = set(sys.argv[2:])
    allrows = []
    for line in open(table):
        f = line.rstrip('\n').split('\t')
        if f[0] == 'name' or (want and f[0] not in want):
            continue
        allrows += rows(f[0], f[2], f[3], int(f[5]))
    cols = ['set', 'pos', 'ref', 'alt', 'label', 'gt', 'ad', 'ab', 'rpu', 'rpl', 'qual', 'qd', 'hetb', 'hetb_bb',
            'gapscore', 'filt', 'detail']
    print('\t'.join(cols))
    shown = [r for r in allrows if r['label'] == 'stutter' or (r['label'] != 'stutter' and r['het'] and r['rpl'] >= 8)]
    for r in sorted(shown, key=lambda r: (r['set'], r['label'] != 'stutter', r['pos'])):
        print('\t'.join(f"{r[c]:.3f}" if isinstance(r[c], float) else str(r[c]) for c in cols))
    print()
    print('set\tgroup\tcalls\tPASS\tmedian AB\tmedian n\tmedian RPL\tmedian QD\tmedian HETB\tmin HETB\tmax HETB'
          '\tmedian GAPSCORE')
    for s in sorted({r['set'] for r in allrows}):
        for grp, sel in (('stutter', lambda r: r['label'] == 'stutter'),
                         ('true het STR indel', lambda r: r['label'] == 'true' and r['het'] and r['rpl'] >= 8),
                         ('true het indel', lambda r: r['label'] == 'true' and r['het']),
                         ('other false indel', lambda r: r['label'] == 'false')):
            rs = [r for r in allrows if r['set'] == s and sel(r)]
            if not rs:
                continue
            med = lambda k: statistics.median(r[k] for r in rs)
            print(f"{s}\t{grp}\t{len(rs)}\t{sum(r['filt'] == 'PASS' for r in rs)}\t{med('ab'):.3f}\t{med('n'):.0f}"
                  f"\t{med('rpl'):.0f}\t{med('qd'):.2f}\t{med('hetb'):.1f}\t{min(r['hetb'] for r in rs):.1f}"
                  f"\t{max(r['hetb'] for r in rs):.1f}\t{med('gapscore'):.2f}")


if __name__ == '__main__':
    main()
