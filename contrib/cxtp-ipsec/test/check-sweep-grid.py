#!/usr/bin/python3
"""scripts/sweep.py over a grid of any options (--grid), interrupted and resumed.

A 2 x 2 grid (--grid coreDelay=2ms,20ms --grid method=ikev1-main,ikev1-ct) with --runs 2 and
few handovers, one simulation at a time: interrupted by SIGINT after its first finished point,
then again by SIGTERM, then run to the end. Checks: exit status 130 on each interruption, no CSV
yet, finished points kept (not rerun: same command.txt inode and time), the rest run on resume
(no temporary point directory left), the point directories named after the grid values, the CSV
with one column per grid key and one row per combination, the plot a PNG, a further rerun
running nothing and giving the same CSV; and an unknown option, a malformed entry and a value the
simulator refuses each exit with status 2 and one line, before anything runs.

Usage: check-sweep-grid.py <cxtp-ipsec-sim binary> <work dir>   (Debian's /usr/bin/python3 with
matplotlib; ends with 'N passed, M failed' and exit status 0 only if nothing failed)
"""

import csv
import glob
import os
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__)))))
SWEEP = os.path.join(ROOT, "scripts", "sweep.py")
METHODS = ["ikev1-main", "ikev1-ct"]
DELAYS = ["2ms", "20ms"]
RUNS = 2
POINTS = len(METHODS) * len(DELAYS) * RUNS

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}")
    return ok


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-2])
    sim, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    out, csv_path, png = (os.path.join(work, n) for n in ("points", "sweep.csv", "sweep.png"))
    command = [sys.executable, SWEEP, "--sim", sim, "--out", out, "--csv", csv_path,
               "--plot", png, "--runs", str(RUNS), "--handovers", "2", "--sim-time", "8",
               "--jobs", "1", "--grid", f"method={','.join(METHODS)}"]

    # Refused before anything runs: one line on stderr, status 2, no point directory.
    for args, needle in ((["--grid", "nosuch=1"], "'nosuch' is not an option"),
                         (["--grid", "coreDelay"], "is not KEY=VALUE"),
                         (["--grid", "coreDelay=10"], "has no unit")):
        p = subprocess.run(command + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
        lines = p.stderr.strip().splitlines()
        check(p.returncode == 2 and len(lines) == 1 and needle in lines[0]
              and not os.path.exists(out),
              f"{' '.join(args)}: exit {p.returncode}, stderr {lines!r}; want 2 and one line "
              f"with '{needle}', nothing run")

    command += ["--grid", f"coreDelay={','.join(DELAYS)}"]

    def finished():
        return sorted(os.path.dirname(f) for f in glob.glob(os.path.join(
            out, "*", "*", "run-*", "summary.csv")) if not f.endswith(".tmp/summary.csv"))

    def temporary():
        return glob.glob(os.path.join(out, "*", "*", "run-*.tmp"))

    def stamps(dirs):
        return {d: (os.stat(os.path.join(d, "command.txt")).st_ino,
                    os.stat(os.path.join(d, "command.txt")).st_mtime_ns) for d in dirs}

    # Interrupted twice: by SIGINT, then by SIGTERM, each once a new point has finished.
    for sig in (signal.SIGINT, signal.SIGTERM):
        before = len(finished())
        p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while len(finished()) <= before and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        p.send_signal(sig)
        _, err = p.communicate()
        done = len(finished())
        for d in temporary():
            print(f"{sig.name}: interrupted midway through {os.path.relpath(d, out)}")
        check(p.returncode == 130 and before < done < POINTS and not os.path.exists(csv_path),
              f"{sig.name}: exit {p.returncode} with {done} of {POINTS} points done (before: "
              f"{before}), CSV {'written' if os.path.exists(csv_path) else 'absent'}; want 130, "
              "some but not all done, no CSV:\n" + err)
    kept = stamps(finished())

    # Resumed: the finished points are kept, the others run.
    p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(p.returncode == 0 and f"{len(kept)} already done, {POINTS - len(kept)} to run"
          in p.stderr, f"resume: exit {p.returncode}:\n{p.stderr}")
    check(all(stamps(kept)[d] == s for d, s in kept.items()),
          "resume: a point finished before the interruptions was run again")
    check(len(finished()) == POINTS and not temporary(),
          f"resume: {len(finished())} of {POINTS} points finished, temporary directories "
          f"{temporary()}")
    names = [os.path.join(out, m, f"coreDelay-{d}", f"run-{n}") for m in METHODS for d in DELAYS
             for n in range(1, RUNS + 1)]
    check(finished() == sorted(names), f"point directories {finished()}, want {sorted(names)}")

    # The CSV: a column per grid key, a row per combination; the plot.
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0]) if rows else []
    check(header[:4] == ["method", "coreDelay", "runs", "handovers_per_run"]
          and "security_delay_ms_mean" in header and "probe_loss_ratio_ci95" in header,
          f"CSV header {header}")
    check([(r["method"], r["coreDelay"]) for r in rows] == [(m, d) for m in METHODS
                                                            for d in DELAYS]
          and all(r["runs"] == str(RUNS) and r["security_delay_ms_mean"] for r in rows),
          f"CSV rows {rows}")
    delay = {(r["method"], r["coreDelay"]): float(r["security_delay_ms_mean"]) for r in rows}
    check(delay[("ikev1-ct", "20ms")] > delay[("ikev1-ct", "2ms")],
          f"context transfer not slower with the longer core delay: {delay}")
    with open(png, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n" and os.path.getsize(png) > 10000,
              f"{png} is not a plot")

    # Once more: nothing to run, the same CSV.
    with open(csv_path, "rb") as f:
        first = f.read()
    p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with open(csv_path, "rb") as f:
        check(p.returncode == 0 and f"{POINTS} already done, 0 to run" in p.stderr
              and f.read() == first, f"rerun: exit {p.returncode}:\n{p.stderr}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
