#!/usr/bin/python3
"""Sweeps of cxtp-ipsec-sim over a grid of its options (by default: handover rate x method).

Runs build/bin/cxtp-ipsec-sim for every point of a grid -- one combination of option values and
one run number -- in parallel, each point into its own directory (written atomically; a point
whose directory holds summary.csv made with the same options is skipped on rerun, so an
interrupted sweep resumes; a point interrupted midway is run again), then aggregates into a CSV
and plots a PNG.

The grid. --grid KEY=V1,V2,... (repeatable) sweeps any option of cxtp-ipsec-sim --help (or an
ns-3 attribute, --grid ns3::Class::Attribute=...) over the values given; the grid is the
Cartesian product of all of them, times the runs 1..--runs (ns-3 run numbers: independent random
streams). The values of an entry are split at ',', or at ';' when it has one (for values that
contain commas: --grid 'raInterval=30ms,70ms;50ms,100ms'; a single such value ends with ';').
--methods and --rates are --grid method= and --grid handoverRate=. Without any of the three the
grid is the handover-rate sweep: methods ikev1-main, ikev1-aggressive, ikev1-ct x rates 0.1, 0.2,
0.5, 1, 2, 5, 10 per minute; with --grid, only the options given are swept and every other takes
the simulator's default, except --profile (default testbed-2008) and --seed (default 1), which
may also be grid keys. An unknown option, a malformed entry or a value the simulator refuses is
reported before anything runs (one line, exit status 2): each distinct set of options is first
checked by the simulator itself, which stops before simulating (cxtp_results.check_sim_options).
  --grid coreDelay=10ms,100ms --grid method=ikev1-main,ikev1-ct --runs 2   4 x 2 points

Handovers of a point: with a handover rate r, --handoverRate=r (one handover every 60/r s, each at
a random phase of the probe schedule) and --handovers=N = max(--handovers, ceil(--sim-time * r /
60)): at least --handovers handovers and at least --sim-time seconds of simulated handover
cycles, so the fast rates get many handovers while the slow ones (10 simulated minutes per
handover at 0.1/min) stay affordable; the simulated duration of a point is about 3 s + N*60/r s.
Without a rate, the same with the handover period (--handoverPeriod, grid or the simulator's
default) in place of 60/r; --grid handovers=... gives N itself. Every point also gets --profile,
--seed and --run=n (and --probeInterval with --probe-interval).

Point directories: OUT/<part per grid key>/run-<n>/, one level per grid key in the order method,
handoverRate, then the other keys alphabetically; the part is the method's name for method,
rate-<r> for handoverRate, <key>-<value> for any other (an ns-3 attribute's '::' written '.'),
e.g. OUT/ikev1-ct/coreDelay-10ms/run-1/ (the default grid: OUT/<method>/rate-<r>/run-<n>/). A
value or key with characters other than letters, digits, '.', '_' and '-' (or longer than 64)
is written with those replaced by '_' and '~' plus 8 hex digits of its SHA-1, so that the name is
safe in any file system, the same on every rerun and different for different values.

The runs of one grid combination are the independent replications: every metric below is
computed per run, and the CSV gives the mean over runs and the half-width of its 95% confidence
interval (Student's t with runs-1 degrees of freedom).

Metrics (per run; sums over the N handovers of the run, from handovers.csv, read by column name):

  cycle of a handover   from its L2 detach to the next handover's detach (the last one: to the
                        end of the simulation); the cycles tile the run from the first handover on.
  probe_loss_ratio      sum(cycle_lost_probes) / sum(cycle_sent_probes): probes of both directions
                        (CN->HoA and HoA->CN, one per probe interval each) sent during the cycles
                        and never received, over those sent (each probe counted once).
  tunnel_down_fraction  sum(tunnel_down_ms) / sum(cycle_ms): fraction of the time without a working
                        tunnel, where a handover's tunnel is down from its L2 detach to the instant
                        its new SA pair is installed and usable at MN and gateway (t_sec), or for
                        its whole cycle if that never happens.
  access_signalling_Bps sum(bytes) / sum(cycle_ms): security signalling on the MN's access links
                        (IKE or CXTP frames with their Ethernet II header, no FCS) per second.
  core_signalling_Bps   sum(core_bytes) / sum(cycle_ms): security signalling in the core (CXTP
                        between the gateways, RADIUS to the AAA server; IPv6 packets) per second.
  security_delay_ms     mean security_delay_ms (t_sec - t_coa_formed) of the completed handovers.
  no_tunnel_ratio       handovers that ended without a tunnel (no t_sec) / handovers.

Outputs: --csv (default results/handover-rate-sweep.csv), one row per grid combination: one
column per grid key, named by the option (method, handoverRate, coreDelay, ...; the values as
given), then runs, handovers_per_run (N), then <metric>_mean,<metric>_ci95 for each metric above.
--plot (default results/handover-rate.png): probe loss ratio, tunnel-down fraction, signalling
load (access solid, core dashed) and security set-up delay against one grid key (--x KEY; default
handoverRate if swept, else the first numeric key), one line per combination of the other keys,
with 95% confidence intervals as error bars. Values with a time unit (ns, us, ms, s, min, h) are
placed on a numeric axis by their duration and labelled as given; the x axis is logarithmic when
its values are positive and span a factor of 10 or more; a key that is not numeric is drawn as
categories in the order given. With --grid the defaults are results/sweep-<keys>.csv and .png
instead, the grid keys joined by '-' in directory order (results/sweep-method-coreDelay.csv), so
that a grid sweep does not overwrite the handover-rate sweep's results.

Backends: --backend local (the default) runs the points here on --jobs cores; --backend slurm
submits them as an sbatch job array whose tasks run the same simulator command line into the same
point directories (scripts/sweep_slurm.py: the shared-file-system assumption, --slurm-opt,
--submit-only and --collect). The CSV and the plot do not depend on the backend.
"""

import argparse
import hashlib
import itertools
import math
import os
import re
import sys
import textwrap
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cxtp_results as cr  # noqa: E402
import sweep_slurm  # noqa: E402

DEFAULT_RATES = [0.1, 0.2, 0.5, 1, 2, 5, 10]
DEFAULT_METHODS = ["ikev1-main", "ikev1-aggressive", "ikev1-ct"]
QUICK_RATES = [0.5, 5]
QUICK_METHODS = ["ikev1-main", "ikev1-ct"]

METRICS = [
    "probe_loss_ratio",
    "tunnel_down_fraction",
    "access_signalling_Bps",
    "core_signalling_Bps",
    "security_delay_ms",
    "no_tunnel_ratio",
]
RATIOS = {"probe_loss_ratio", "tunnel_down_fraction", "no_tunnel_ratio"}  # 6 decimals, not 3

# Simulator options that the sweep sets for every point itself: never grid keys.
OWN = {"help": "not an option to sweep", "config": "not swept: give the options themselves",
       "outputDir": "the sweep gives every point its own directory",
       "run": "the runs are --runs (run numbers 1..RUNS)"}
# Grid keys that have an option of the sweep too (its attribute name): one or the other.
FLAGS = {"method": "methods", "handoverRate": "rates", "handovers": "handovers",
         "profile": "profile", "seed": "seed", "probeInterval": "probe_interval"}
# The simulator options of a point in this order (that of the sweeps before --grid, so that
# their finished points are still recognised as done), then the other grid keys.
OPTION_ORDER = ["method", "handoverRate", "handovers", "profile", "seed", "run", "probeInterval"]
# Grid keys in this order (directories, CSV columns, rows), then the others alphabetically.
FIRST_KEYS = ["method", "handoverRate"]
NOUNS = {"method": "methods", "handoverRate": "rates"}
# ns-3-style time units, in seconds (those cxtp-ipsec-sim takes: CxtpProgramOptions::ParseTime).
TIME_UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0}
_TIME = re.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(" + "|".join(TIME_UNITS) + ")")
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*|ns3::[A-Za-z0-9_:]+::[A-Za-z][A-Za-z0-9_]*")
_SAFE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,63}")


def parse_time(text):
    """Seconds of a time with its unit (50ms, 1.5s, 100us, 1min, 2h), or None."""
    m = _TIME.fullmatch(text)
    return float(m.group(1)) * TIME_UNITS[m.group(2)] if m else None


def numeric(text):
    """A grid value as a number for an axis: a plain number, or a time in seconds; else None."""
    try:
        value = float(text)
    except ValueError:
        return parse_time(text)
    return value if math.isfinite(value) else None


def safe_name(text):
    """text as a file name: itself if it is short and of letters, digits, '.', '_' and '-';
    else with the other characters replaced by '_' and '~' + 8 hex digits of its SHA-1."""
    if _SAFE.fullmatch(text):
        return text
    digest = hashlib.sha1(text.encode()).hexdigest()[:8]
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:40].lstrip(".-") + "~" + digest


def dir_part(key, value):
    """The directory level of one grid value: ikev1-ct, rate-0.5, coreDelay-10ms."""
    if key == "method":
        return safe_name(value)
    if key == "handoverRate":
        return f"rate-{value}"
    return safe_name(key.replace("::", ".")) + "-" + safe_name(value)


def grid_entry(text):
    """argparse type of --grid: KEY=V1,V2,... (';' instead of ',' when the entry has one) ->
    (KEY, [V1, V2, ...])."""
    key, eq, rest = text.partition("=")
    if not eq or not _KEY.fullmatch(key):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not KEY=VALUE[,VALUE...] with KEY an option of cxtp-ipsec-sim, such as "
            "coreDelay=10ms,100ms")
    sep = ";" if ";" in rest else ","
    values = [v.strip() for v in rest.split(sep)]
    if sep == ";" and len(values) > 1 and not values[-1]:
        values.pop()
    if not all(values):
        raise argparse.ArgumentTypeError(f"empty value in '{text}'")
    if len(set(values)) != len(values):
        raise argparse.ArgumentTypeError(f"repeated value in '{text}'")
    return key, values


def point_metrics(rows):
    """The metrics of one run (its handovers.csv rows); see the module docstring."""
    sent = sum(int(r["cycle_sent_probes"]) for r in rows)
    lost = sum(int(r["cycle_lost_probes"]) for r in rows)
    down = sum(cr.num(r["tunnel_down_ms"]) for r in rows)
    cycle_s = sum(cr.num(r["cycle_ms"]) for r in rows) / 1000.0
    delays = [cr.num(r["security_delay_ms"]) for r in rows if r["complete"] == "1"]
    no_tunnel = sum(1 for r in rows if float(r["t_sec_s"]) == 0.0)
    return {
        "probe_loss_ratio": lost / sent if sent else math.nan,
        "tunnel_down_fraction": down / 1000.0 / cycle_s if cycle_s > 0 else math.nan,
        "access_signalling_Bps": sum(int(r["bytes"]) for r in rows) / cycle_s,
        "core_signalling_Bps": sum(int(r["core_bytes"]) for r in rows) / cycle_s,
        "security_delay_ms": cr.mean_ci95(delays)[0],
        "no_tunnel_ratio": no_tunnel / len(rows) if rows else math.nan,
    }


def parse_args():
    p = cr.ArgumentParser(
        description="Sweep cxtp-ipsec-sim over a grid of its options (default: handover rates x "
        "methods) and runs (in parallel, resumable), aggregate the per-run metrics into a CSV "
        "with 95% confidence intervals and plot them. Grid, directories and metrics: see the "
        "top of this script or the module doc (contrib/cxtp-ipsec/doc/cxtp-ipsec.rst, "
        "'Handover-rate sweep').",
        epilog="Example: /usr/bin/python3 scripts/sweep.py --jobs 2   (default grid)\n"
        "         /usr/bin/python3 scripts/sweep.py --quick         (2 methods x 2 rates x 2 runs)"
        "\n         /usr/bin/python3 scripts/sweep.py --grid coreDelay=10ms,100ms "
        "--grid method=ikev1-main,ikev1-ct --runs 2"
        "\n         /usr/bin/python3 scripts/sweep.py --backend slurm --slurm-opt partition=NAME "
        "--slurm-opt time=30:00",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--grid", action="append", default=[], type=grid_entry,
                   metavar="KEY=V1,V2,...",
                   help="sweep option KEY of cxtp-ipsec-sim (see its --help; or "
                   "ns3::Class::Attribute) over these values, repeatable: the grid is the "
                   "Cartesian product; values split at ';' instead of ',' when the entry has one "
                   "(raInterval=30ms,70ms;50ms,100ms). With --grid only the options given are "
                   "swept (no default methods or rates)")
    p.add_argument("--x", default=None, metavar="KEY",
                   help="grid key on the plot's x axis (default handoverRate if swept, else the "
                   "first numeric key)")
    p.add_argument("--rates", default=None,
                   help="comma-separated handover rates per minute, each > 0, i.e. --grid "
                   "handoverRate=... (default without --grid: "
                   f"{','.join(f'{r:g}' for r in DEFAULT_RATES)})")
    p.add_argument("--methods", default=None,
                   help="comma-separated methods, i.e. --grid method=... (default without --grid: "
                   f"{','.join(DEFAULT_METHODS)}; see build/bin/cxtp-ipsec-sim --help)")
    p.add_argument("--runs", type=cr.positive_int, default=None,
                   help="runs (ns-3 run numbers 1..RUNS) per point (default 5)")
    p.add_argument("--handovers", type=cr.positive_int, default=None,
                   help="minimum handovers per run (default 2; 1 with --quick)")
    p.add_argument("--sim-time", type=cr.positive_int, default=None, metavar="SECONDS",
                   help="minimum simulated seconds of handover cycles per run (default 300; 30 "
                   "with --quick): a run has max(HANDOVERS, ceil(SECONDS*rate/60)) handovers "
                   "(without a rate: ceil(SECONDS/handoverPeriod))")
    p.add_argument("--probe-interval", default=None, metavar="TIME",
                   help="probe period passed to the simulator as --probeInterval (default: the "
                   "simulator's, 50ms); a longer one runs faster")
    p.add_argument("--seed", type=cr.positive_int, default=None, help="ns-3 seed (default 1)")
    p.add_argument("--profile", default=None,
                   help="cost profile name or INI path (default testbed-2008)")
    p.add_argument("--jobs", type=cr.positive_int, default=None,
                   help=f"simulations run at once (default: all cores, {os.cpu_count() or 1}); "
                   "with --backend slurm: tasks of a job array running at once (default: no limit)")
    p.add_argument("--quick", action="store_true",
                   help=f"small grid for a smoke test: methods {','.join(QUICK_METHODS)}, rates "
                   f"{','.join(f'{r:g}' for r in QUICK_RATES)} (without --grid), 2 runs, "
                   "--handovers 1, --sim-time 30 (explicit options still win)")
    p.add_argument("--out", default=os.path.join(cr.ROOT, "results", "sweep"),
                   help="root of the per-point directories (default results/sweep)")
    p.add_argument("--csv", default=None,
                   help="aggregated CSV (default results/handover-rate-sweep.csv; with --grid "
                   "results/sweep-KEY1-KEY2....csv, the grid keys in directory order)")
    p.add_argument("--plot", default=None,
                   help="plot (default results/handover-rate.png; with --grid "
                   "results/sweep-KEY1-KEY2....png); 'none' to skip")
    p.add_argument("--sim", default=cr.DEFAULT_SIM,
                   help="cxtp-ipsec-sim binary (default build/bin/cxtp-ipsec-sim)")
    p.add_argument("--force", action="store_true", help="rerun points that are already done")
    p.add_argument("--backend", choices=["local", "slurm"], default="local",
                   help="where the points run: here (local, the default) or as the tasks of a "
                   "Slurm job array")
    s = p.add_argument_group("Slurm", "with --backend slurm the points run as the tasks of an "
                             "sbatch job array; the simulator,\nthe profile, these scripts and "
                             "--out must be on a file system shared with the compute\nnodes "
                             "(see scripts/sweep_slurm.py)")
    s.add_argument("--slurm-opt", action="append", default=[], type=sweep_slurm.sbatch_option,
                   metavar="NAME=VALUE",
                   help="an sbatch option for every task, repeatable: partition=NAME, "
                   "time=30:00, mem=1G, account=NAME, qos=NAME, ...")
    s.add_argument("--submit-only", action="store_true",
                   help="submit and exit; the same command with --collect later waits for the "
                   "tasks and aggregates")
    s.add_argument("--collect", action="store_true",
                   help="submit nothing: wait for the recorded submission's tasks, report "
                   "failures, aggregate and plot")
    s.add_argument("--no-fs-check", action="store_true",
                   help="do not refuse files on this machine's own file systems (for when they "
                   "are shared with the compute nodes after all)")
    a = p.parse_args()
    a.out = os.path.abspath(a.out)
    if a.backend != "slurm":
        for flag, given in (("--slurm-opt", a.slurm_opt), ("--submit-only", a.submit_only),
                            ("--collect", a.collect), ("--no-fs-check", a.no_fs_check)):
            if given:
                cr.die(f"{flag} needs --backend slurm")
    if a.submit_only and a.collect:
        cr.die("--submit-only and --collect exclude each other")
    if a.collect and a.force:
        cr.die("--collect runs nothing: --force goes with the submission")
    if a.backend == "slurm":
        sweep_slurm.check_tools()
    if a.probe_interval is not None and parse_time(a.probe_interval) is None:
        cr.die(f"--probe-interval: '{a.probe_interval}' is not a time such as 50ms or 0.2s")
    if a.plot != "none":
        cr.require_matplotlib()
    cr.check_sim(a.sim)
    entries = a.grid
    a.grid = make_grid(a)
    # A --grid sweep does not overwrite the handover-rate sweep's results.
    name = "sweep-" + "-".join(safe_name(k.replace("::", ".")) for k in a.grid)
    a.csv = a.csv or os.path.join(cr.ROOT, "results", (
        name if entries else "handover-rate-sweep") + ".csv")
    a.plot = a.plot or os.path.join(cr.ROOT, "results", (
        name if entries else "handover-rate") + ".png")
    a.runs = a.runs or (2 if a.quick else 5)
    a.handovers = a.handovers or (1 if a.quick else 2)
    a.sim_time = a.sim_time or (30 if a.quick else 300)
    a.profile = a.profile or "testbed-2008"
    a.seed = a.seed or 1
    for profile in a.grid.get("profile", [a.profile]):
        if not os.path.isfile(cr.resolve_profile(profile)):
            option = "--grid profile" if "profile" in a.grid else "--profile"
            cr.die(f"{option}: no such profile '{profile}' ({cr.resolve_profile(profile)})")
    if "handovers" not in a.grid and "handoverRate" not in a.grid:
        for period in a.grid.get("handoverPeriod", [a.sim_defaults.get("handoverPeriod")]):
            if not (parse_time(period or "") or 0) > 0:
                cr.die(f"--grid handoverPeriod: '{period}' is not a positive time such as 4s "
                       "(needed for the handovers per run without a handover rate)")
    a.x = x_key(a)
    return a


def make_grid(a):
    """The grid from a.grid (the --grid entries), --methods and --rates: {key: [values]}, keys
    in directory order."""
    given = {}
    if a.grid:
        a.sim_defaults = cr.sim_options(a.sim)
        if not a.sim_defaults:
            cr.die(f"cannot read the options of {a.sim} from its --help")
    else:
        a.sim_defaults = {}
    known = sorted(k for k in a.sim_defaults if k not in OWN)
    for key, values in a.grid:
        if key in given:
            cr.die(f"--grid {key}: given twice")
        if key in OWN:
            cr.die(f"--grid {key}: {OWN[key]}")
        if not key.startswith("ns3::") and key not in a.sim_defaults:
            cr.die(f"--grid: '{key}' is not an option of {os.path.basename(a.sim)} "
                   f"({', '.join(known)}; or ns3::Class::Attribute)")
        flag = FLAGS.get(key)
        if flag and getattr(a, flag) is not None:
            cr.die(f"--grid {key}= and --{flag.replace('_', '-')} exclude each other")
        given[key] = values
    if "handovers" in given and a.sim_time is not None:
        cr.die("--grid handovers= and --sim-time exclude each other")
    if a.methods is not None:
        given["method"] = parse_list(a.methods, "--methods")
    elif not a.grid:
        given["method"] = QUICK_METHODS if a.quick else DEFAULT_METHODS
    if a.rates is not None:
        given["handoverRate"] = parse_list(a.rates, "--rates")
    elif not a.grid:
        given["handoverRate"] = [f"{r:g}" for r in (QUICK_RATES if a.quick else DEFAULT_RATES)]
    option = "--rates" if a.rates is not None else "--grid handoverRate"
    if "handoverRate" in given:
        given["handoverRate"] = parse_rates(given["handoverRate"], option)
    option = "--methods" if a.methods is not None else "--grid method"
    known_methods = cr.sim_methods(a.sim)
    for m in given.get("method", []):
        if known_methods and m not in known_methods:
            cr.die(f"{option}: unknown method '{m}' ({', '.join(known_methods)})")
    for key, check, what in (("handovers", cr.positive_int, "a positive integer"),
                             ("seed", cr.positive_int, "a positive integer"),
                             ("probeInterval", parse_time, "a time such as 50ms or 0.2s")):
        for v in given.get(key, []):
            try:
                ok = check(v) is not None
            except argparse.ArgumentTypeError:
                ok = False
            if not ok:
                cr.die(f"--grid {key}: '{v}' is not {what}")
    a.given_order = list(given)  # the command line's order, for the default --x
    return {k: given[k] for k in sorted(given, key=lambda k: (
        FIRST_KEYS.index(k) if k in FIRST_KEYS else len(FIRST_KEYS), k))}


def x_key(a):
    """The plot's x axis: --x, else handoverRate if swept, else the first numeric key."""
    if a.x is not None:
        if a.x not in a.grid:
            cr.die(f"--x: '{a.x}' is not a grid key ({', '.join(a.grid)})")
        return a.x
    order = sorted(a.grid, key=lambda k: (k != "handoverRate", len(a.grid[k]) == 1,
                                          a.given_order.index(k)))
    for k in order:
        if all(numeric(v) is not None for v in a.grid[k]):
            return k
    return order[0]


def parse_list(text, option):
    items = [t.strip() for t in text.split(",")]
    if not all(items):
        cr.die(f"{option}: empty item in '{text}'")
    if len(set(items)) != len(items):
        cr.die(f"{option}: repeated item in '{text}'")
    return items


def parse_rates(items, option):
    """Handover rates, sorted, each written as f'{r:g}' (as the simulator and directories get
    them)."""
    rates = []
    for item in items:
        try:
            r = float(item)
        except ValueError:
            cr.die(f"{option}: '{item}' is not a number")
        if not (r > 0 and math.isfinite(r)):
            cr.die(f"{option}: '{item}' must be a positive number of handovers per minute")
        rates.append(r)
    texts = [f"{r:g}" for r in sorted(rates)]
    if len(set(texts)) != len(texts):
        cr.die(f"{option}: repeated rate in '{','.join(items)}'")
    return texts


def handovers(a, values):
    """Handovers of one run of a grid combination (values: {key: value}): see the docstring."""
    if "handovers" in values:
        return int(values["handovers"])
    if "handoverRate" in values:
        return max(a.handovers, math.ceil(a.sim_time * float(values["handoverRate"]) / 60.0
                                          - 1e-9))
    period = parse_time(values.get("handoverPeriod") or a.sim_defaults["handoverPeriod"])
    return max(a.handovers, math.ceil(a.sim_time / period - 1e-9))


def simulated_s(a, values):
    """About how many seconds one run of a combination simulates (to start the longest first)."""
    if "handoverRate" in values:
        interval = 60.0 / float(values["handoverRate"])
    else:
        interval = parse_time(values.get("handoverPeriod") or
                              a.sim_defaults.get("handoverPeriod") or "4s") or 4.0
    return handovers(a, values) * interval


def handover_rule(a):
    """How the handovers of a run are chosen, for messages and the plot's title."""
    if "handovers" in a.grid:
        return "handovers per run from the grid"
    per = "x rate" if "handoverRate" in a.grid else "/ handoverPeriod"
    return f"max({a.handovers}, {a.sim_time} s {per}) handovers per run"


def main():
    a = parse_args()
    started = time.monotonic()
    keys = list(a.grid)
    combos = [dict(zip(keys, c)) for c in itertools.product(*a.grid.values())]
    points = [(i, n) for i in range(len(combos)) for n in range(1, a.runs + 1)]

    def directory(point):
        i, n = point
        return os.path.join(a.out, *[dir_part(k, v) for k, v in combos[i].items()], f"run-{n}")

    def options(point):
        i, n = point
        values = combos[i]
        fixed = {"handovers": handovers(a, values), "profile": a.profile, "seed": a.seed,
                 "run": n}
        if a.probe_interval:
            fixed["probeInterval"] = a.probe_interval
        o = {}
        for k in OPTION_ORDER:
            if k in values or k in fixed:
                o[k] = values.get(k, fixed.get(k))
        o.update((k, v) for k, v in values.items() if k not in o)
        return o

    def label(point):
        i, n = point
        parts = [v if k == "method" else f"rate={v}" if k == "handoverRate" else f"{k}={v}"
                 for k, v in combos[i].items()]
        return " ".join(parts + [f"run={n}"])

    for i in range(len(combos)):
        probe = options((i, 1))
        del probe["run"]
        problem = cr.check_sim_options(a.sim, probe)
        if problem:
            cr.die(f"{label((i, 1)).rsplit(' run=', 1)[0]}: {problem}")
    cr.lock_directory(a.out)
    todo = [pt for pt in points
            if a.force or not cr.is_done(directory(pt), a.sim, options(pt))]
    # Longest first (simulated time), so the cores stay busy until the end.
    todo.sort(key=lambda pt: (-simulated_s(a, combos[pt[0]]), pt))
    skipped = len(points) - len(todo)
    sim_time = os.path.getmtime(a.sim)
    stale = sum(1 for pt in points if pt not in todo and
                os.path.getmtime(os.path.join(directory(pt), "summary.csv")) < sim_time)
    if stale:
        sys.stderr.write(f"sweep: note: {stale} finished point(s) are older than {cr.rel(a.sim)}; "
                         "they are kept (use --force to rerun them)\n")
    if a.backend == "local":
        where = f"to run on {a.jobs or os.cpu_count() or 1} jobs"
    else:
        where = "to run as Slurm array tasks"
        if a.collect:
            where = "to collect from Slurm"
    shape = " x ".join(f"{len(v)} {NOUNS.get(k, k)}" for k, v in a.grid.items())
    per_run = "" if "handovers" in a.grid else (
        f", {a.handovers}+ handovers and {a.sim_time}+ s per run")
    sys.stderr.write(f"sweep: {len(points)} points ({shape} x {a.runs} runs{per_run}), "
                     f"{skipped} already done, {len(todo)} {where} -> {cr.rel(a.out)}\n")

    if a.backend == "slurm":
        def task(pt):
            return {"label": label(pt), "sim": a.sim, "out_dir": directory(pt),
                    "options": options(pt)}
        status = sweep_slurm.run(a, [task(pt) for pt in points], [task(pt) for pt in todo])
        if status is not None:
            return status
    else:
        if todo:
            sweep_slurm.check_no_live_jobs(a.out)
        status = run_local(a, todo, label, directory, options)
        if status:
            return status

    rows = aggregate(a, combos, directory)
    header = (keys + ["runs", "handovers_per_run"]
              + [f"{m}_{s}" for m in METRICS for s in ("mean", "ci95")])
    cr.write_csv(a.csv, header, rows)
    print(f"Wrote {cr.rel(a.csv)}")
    if a.plot != "none":
        plot(a, rows)
        print(f"Wrote {cr.rel(a.plot)}")
    on = " as Slurm tasks" if a.backend == "slurm" else ""
    print(f"sweep: {len(todo)} simulations{on} in {time.monotonic() - started:.1f} s wall time")
    return 0


def run_local(a, todo, label, directory, options):
    """Runs the points here, a.jobs at once, with a progress bar; returns an exit status."""
    progress = cr.Progress(len(todo))
    try:
        _, errors = cr.run_parallel(todo, a.jobs or os.cpu_count() or 1, label,
                                    lambda pt: cr.run_sim(a.sim, directory(pt), options(pt)),
                                    progress)
    except KeyboardInterrupt:
        sys.stderr.write("\nsweep: interrupted; finished points are kept, rerun to resume\n")
        return 130
    if errors:
        sys.stderr.write(f"sweep: {len(errors)} point(s) failed; the others are kept, rerun to "
                         "retry:\n" + "\n".join("  " + e for e in errors) + "\n")
        return 1
    return 0


def aggregate(a, combos, directory):
    """One CSV row per grid combination: its values, the runs and each metric's mean and CI."""
    out = []
    needed = {"cycle_sent_probes", "cycle_lost_probes", "tunnel_down_ms", "cycle_ms"}
    for i, values in enumerate(combos):
        runs = []
        for n in range(1, a.runs + 1):
            rows = cr.read_csv(os.path.join(directory((i, n)), "handovers.csv"))
            missing = needed - set(rows[0] if rows else {})
            if missing:
                cr.die(f"{directory((i, n))}/handovers.csv lacks {', '.join(sorted(missing))} "
                       "(rebuild cxtp-ipsec-sim, rerun with --force)", 1)
            runs.append(point_metrics(rows))
        row = dict(values, runs=len(runs), handovers_per_run=handovers(a, values))
        for metric in METRICS:
            mean, ci = cr.mean_ci95([x[metric] for x in runs if not math.isnan(x[metric])])
            digits = 6 if metric in RATIOS else 3
            row[f"{metric}_mean"] = cr.fmt(mean, digits)
            row[f"{metric}_ci95"] = cr.fmt(ci, digits)
        out.append(row)
    return out


def plot(a, rows):
    """Four panels against the grid key a.x, one line per combination of the other keys."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    x = a.x
    others = [k for k in a.grid if k != x and len(a.grid[k]) > 1]
    fixed = [f"{k}={a.grid[k][0]}" for k in a.grid if k != x and len(a.grid[k]) == 1]
    values = a.grid[x]
    numbers = [numeric(v) for v in values]
    numeric_x = x != "method" and all(n is not None for n in numbers)
    if numeric_x:
        position = dict(zip(values, numbers))
    else:
        position = {v: float(i) for i, v in enumerate(values)}
    spots = sorted(position.values())
    log_x = spots[0] > 0 and spots[-1] >= 10 * spots[0]
    lines = list(itertools.product(*[a.grid[k] for k in others]))

    def name(line):
        return ", ".join(line)

    def series(line, metric):
        chosen = [r for r in rows if all(r[k] == v for k, v in zip(others, line))
                  and r[f"{metric}_mean"] != ""]
        chosen.sort(key=lambda r: position[r[x]])
        return ([position[r[x]] for r in chosen], [float(r[f"{metric}_mean"]) for r in chosen],
                [float(r[f"{metric}_ci95"] or 0) for r in chosen])

    fig, axes = plt.subplots(2, 2, figsize=(13, 9), constrained_layout=True)
    panels = [  # (axis, title, y label, metrics: the first solid, the second dashed if > 0)
        (axes[0][0], "probe loss ratio", "ratio", ["probe_loss_ratio"]),
        (axes[0][1], "fraction of time without a working tunnel", "ratio",
         ["tunnel_down_fraction"]),
        (axes[1][0], "security signalling load: access (solid), core (dashed, drawn if > 0)",
         "bytes/s", ["access_signalling_Bps", "core_signalling_Bps"]),
        (axes[1][1], "security set-up delay (completed handovers)", "ms",
         ["security_delay_ms"]),
    ]
    markers = "o^vD<>p*"
    for ax, title, ylabel, metrics in panels:
        positive = False
        for i, line in enumerate(lines):
            for k, metric in enumerate(metrics):
                xs, ys, es = series(line, metric)
                if k and not any(y > 0 for y in ys):
                    continue
                positive = positive or any(y > 0 for y in ys)
                # Categories are not joined by lines.
                style = ("-", "--")[k] if numeric_x else "none"
                ax.errorbar(xs, ys, yerr=es, ls=style, marker="s" if k else markers[i // 10 % 8],
                            ms=4, capsize=3, color=f"C{i % 10}",
                            label=name(line) if others and not k else None)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        if positive:
            ax.set_yscale("log")
        if log_x:
            ax.set_xscale("log")
        ax.set_xticks(list(position.values()))
        ax.set_xticklabels(list(position))
        ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        if spots[0] == spots[-1] or not log_x:
            pad = (spots[-1] - spots[0]) * 0.05 or 0.5
            ax.set_xlim(spots[0] - pad, spots[-1] + pad)
        ax.set_xlabel("handover rate (per minute)" if x == "handoverRate" else x)
        ax.grid(True, alpha=0.3)
    if others:  # one legend for the four panels, right of the top one
        axes[0][1].legend(*axes[0][0].get_legend_handles_labels(), loc="upper left",
                          bbox_to_anchor=(1.02, 1.0), fontsize=8, title=", ".join(others),
                          title_fontsize=8)
    what = "handover-rate sweep" if x == "handoverRate" else f"sweep over {x}"
    setting = [f"profile {a.profile}" if "profile" not in a.grid else "",
               f"seed {a.seed}" if "seed" not in a.grid else ""]
    title = (f"cxtp-ipsec-sim {what}: " + ", ".join(s for s in setting + fixed if s)
             + f", runs 1..{a.runs}, {handover_rule(a)}, mean and 95% CI over runs")
    fig.suptitle("\n".join(textwrap.wrap(title, 200)), fontsize=10)
    os.makedirs(os.path.dirname(os.path.abspath(a.plot)), exist_ok=True)
    fig.savefig(a.plot, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_main(main))
