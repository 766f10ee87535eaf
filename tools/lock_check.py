"""Compare this environment with a lock file (requirements/py3.X.txt): `pip freeze` must equal it, package for package.

    python tools/lock_check.py requirements/py3.11.txt              # exit 1, with the differences, unless equal
    python tools/lock_check.py requirements/py3.11.txt --newer-only # list how it differs, exit 0 (make test-latest)
    python tools/lock_check.py requirements/py3.11.txt --extras     # print the installed packages the lock lacks
"""
import re, subprocess, sys

def norm(name: str) -> str: return re.sub(r'[-_.]+', '-', name).lower()

def pins(text: str) -> dict:
    "name -> version of every `name==version` line (requirements syntax; hashes, markers and comments ignored)."
    return {norm(m[1]): m[2] for m in re.finditer(r'^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)', text, re.M)}

def installed() -> dict:
    "name -> version of every package in this environment but pip itself (which comes with the venv) and the editable project."
    frozen = subprocess.run([sys.executable, '-m', 'pip', 'freeze', '--all', '--exclude-editable'], capture_output=True, text=True, check=True).stdout
    direct = [l for l in frozen.splitlines() if ' @ ' in l]                # installed from a URL or a path: not from the lock
    return {k: v for k, v in pins(frozen).items() if k != 'pip'} | {norm(l.split(' @ ')[0]): l.split(' @ ')[1] for l in direct}

def main(lock_path: str, newer_only: bool = False, extras: bool = False) -> int:
    lock, have = pins(open(lock_path).read()), installed()
    if extras:
        print(' '.join(sorted(set(have) - set(lock)))); return 0
    diff = [f"  {k}: lock {lock.get(k, '-')}, installed {have.get(k, '-')}" for k in sorted(set(lock) | set(have)) if lock.get(k) != have.get(k)]
    if newer_only:
        print(f"{len(diff)} of {len(have)} packages differ from {lock_path}" + (":\n" + "\n".join(diff) if diff else ""))
        return 0
    if diff:
        print(f"lock check FAILED: this environment differs from {lock_path}:\n" + "\n".join(diff) +
              f"\nRebuild it (rm -rf the venv; make install) or, after changing dependencies, run make lock.", file=sys.stderr)
        return 1
    print(f"lock check: pip freeze equals {lock_path} ({len(lock)} packages)")
    return 0

if __name__ == '__main__': sys.exit(main(sys.argv[1], '--newer-only' in sys.argv[2:], '--extras' in sys.argv[2:]))
