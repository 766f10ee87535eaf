"""What a reader meets in the chapters, counted (chapter 10b_docs_checks): per notebook and overall, lines per code cell
(median, 90th percentile, max; `%%writefile` cells and papermill's `parameters` cell left out), exported public names and `show_doc` calls, committed
outputs, PNG figures and their sizes, bytes, leaks (machine paths, widget/plotly blobs); and the numbers in prose checked
against the library (`PROSE_CHECKS`); and that nbs/sidebar.yml lists every chapter. Prints JSON; with --check, exits 1 when a threshold or a prose check fails.

    python tools/nb_stats.py [--check] [--only "06_stages 06a_pretrain"] [--brief]
"""
import json, sys
from pathlib import Path
from fastcore.script import call_parse
from m3t_nb.docs_checks import series_stats, stats_failures, check_prose, sidebar_problems

@call_parse
def main(check: bool = False,  # Exit 1 when a threshold or a prose check fails
         only: str = '',       # Space-separated notebook names (stems) to count; default: every chapter
         brief: bool = False): # Per notebook only the summary figures (leaks counted, not listed)
    "Print the chapters' figures as JSON; with --check, fail on a threshold or a prose check."
    nbs = Path(__file__).resolve().parent.parent/'nbs'
    st = series_stats(nbs, only.split() or None)
    prose = check_prose(nbs)
    failures = stats_failures(st) + [f"{r['nb']}: prose says {r['says']!r}, the library {r['expected']!r} ({r['why']})"
                                     + (f" [to fix: {r['fix_by']}]" if r['fix_by'] else '') for r in prose if not r['ok']] + sidebar_problems(nbs)
    if brief:
        for s in st['notebooks'].values(): s['leaks'] = len(s['leaks'])
    print(json.dumps(dict(st, prose=prose, failures=failures), indent=1, default=str))
    if check and failures: sys.exit(1)
