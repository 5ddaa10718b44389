#!/usr/bin/python3
"""Handover-rate sweep of cxtp-ipsec-sim.

Runs build/bin/cxtp-ipsec-sim for every (method, handover rate, run) point of a grid, in parallel,
each point into its own directory OUT/<method>/rate-<r>/run-<n>/ (written atomically; a point
whose directory holds summary.csv made with the same options is skipped on rerun, so an
interrupted sweep resumes), then aggregates into a CSV and plots a PNG.

Each point is one simulation with --handoverRate=r (one handover every 60/r s, each at a random
phase of the probe schedule), --seed=S and --run=n (ns-3 run number: independent random streams)
and --handovers=N(r) = max(--handovers, ceil(--sim-time * r / 60)): at least --handovers handovers
and at least --sim-time seconds of simulated handover cycles, so the fast rates get many
handovers while the slow ones (10 simulated minutes per handover at 0.1/min) stay affordable; the
simulated duration of a point is about 3 s + N(r)*60/r s. The runs of one (method, rate) are the
independent replications: every metric below is computed per run, and the CSV gives the mean over
runs and the half-width of its 95% confidence interval (Student's t with runs-1 degrees of
freedom).

Metrics (per run; sums over the N handovers of the run, from handovers.csv):

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

Outputs: --csv (default results/handover-rate-sweep.csv), one row per (method, rate):
method,handover_rate_per_min,runs,handovers_per_run (N(r)), then <metric>_mean,<metric>_ci95
for each metric above; --plot (default results/handover-rate.png): probe loss ratio, tunnel-down
fraction and signalling load (access solid, core dashed) against the handover rate (log x), per
method, with 95% confidence intervals as error bars.

Backends: --backend local (the default) runs the points here on --jobs cores; --backend slurm
submits them as an sbatch job array whose tasks run the same simulator command line into the same
point directories (scripts/sweep_slurm.py: the shared-file-system assumption, --slurm-opt,
--submit-only and --collect). The CSV and the plot do not depend on the backend.
"""

import argparse
import math
import os
import re
import sys
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


def rate_label(rate):
    """The directory name of a rate: rate-0.1, rate-2."""
    return f"rate-{rate:g}"


def handovers(a, rate):
    """Handovers of one run at this rate: at least a.handovers and a.sim_time seconds."""
    return max(a.handovers, math.ceil(a.sim_time * rate / 60.0 - 1e-9))


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
        description="Sweep cxtp-ipsec-sim over handover rates, methods and runs (in parallel, "
        "resumable), aggregate the per-run metrics into a CSV with 95% confidence intervals and "
        "plot them. Metric definitions: see the top of this script or the module doc "
        "(contrib/cxtp-ipsec/doc/cxtp-ipsec.rst, 'Handover-rate sweep').",
        epilog="Example: /usr/bin/python3 scripts/sweep.py --jobs 2   (default grid)\n"
        "         /usr/bin/python3 scripts/sweep.py --quick         (2 methods x 2 rates x 2 runs)"
        "\n         /usr/bin/python3 scripts/sweep.py --backend slurm --slurm-opt partition=NAME "
        "--slurm-opt time=30:00",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rates", default=None,
                   help="comma-separated handover rates per minute, each > 0 "
                   f"(default {','.join(f'{r:g}' for r in DEFAULT_RATES)})")
    p.add_argument("--methods", default=None,
                   help=f"comma-separated methods (default {','.join(DEFAULT_METHODS)}; "
                   "see build/bin/cxtp-ipsec-sim --help)")
    p.add_argument("--runs", type=cr.positive_int, default=None,
                   help="runs (ns-3 run numbers 1..RUNS) per point (default 5)")
    p.add_argument("--handovers", type=cr.positive_int, default=None,
                   help="minimum handovers per run (default 2; 1 with --quick)")
    p.add_argument("--sim-time", type=cr.positive_int, default=None, metavar="SECONDS",
                   help="minimum simulated seconds of handover cycles per run (default 300; 30 "
                   "with --quick): a run has max(HANDOVERS, ceil(SECONDS*rate/60)) handovers")
    p.add_argument("--probe-interval", default=None, metavar="TIME",
                   help="probe period passed to the simulator as --probeInterval (default: the "
                   "simulator's, 50ms); a longer one runs faster")
    p.add_argument("--seed", type=cr.positive_int, default=1, help="ns-3 seed (default 1)")
    p.add_argument("--profile", default="testbed-2008",
                   help="cost profile name or INI path (default testbed-2008)")
    p.add_argument("--jobs", type=cr.positive_int, default=None,
                   help=f"simulations run at once (default: all cores, {os.cpu_count() or 1}); "
                   "with --backend slurm: tasks of a job array running at once (default: no limit)")
    p.add_argument("--quick", action="store_true",
                   help=f"small grid for a smoke test: methods {','.join(QUICK_METHODS)}, rates "
                   f"{','.join(f'{r:g}' for r in QUICK_RATES)}, 2 runs, --handovers 1, "
                   "--sim-time 30 (explicit options still win)")
    p.add_argument("--out", default=os.path.join(cr.ROOT, "results", "sweep"),
                   help="root of the per-point directories (default results/sweep)")
    p.add_argument("--csv", default=os.path.join(cr.ROOT, "results", "handover-rate-sweep.csv"),
                   help="aggregated CSV (default results/handover-rate-sweep.csv)")
    p.add_argument("--plot", default=os.path.join(cr.ROOT, "results", "handover-rate.png"),
                   help="plot (default results/handover-rate.png); 'none' to skip")
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

    a.rates = parse_rates(a.rates) if a.rates is not None else (
        QUICK_RATES if a.quick else DEFAULT_RATES)
    a.methods = parse_list(a.methods, "--methods") if a.methods is not None else (
        QUICK_METHODS if a.quick else DEFAULT_METHODS)
    a.runs = a.runs or (2 if a.quick else 5)
    a.handovers = a.handovers or (1 if a.quick else 2)
    a.sim_time = a.sim_time or (30 if a.quick else 300)
    if a.plot != "none":
        cr.require_matplotlib()
    cr.check_sim(a.sim)
    known = cr.sim_methods(a.sim)
    for m in a.methods:
        if known and m not in known:
            cr.die(f"--methods: unknown method '{m}' ({', '.join(known)})")
    if a.probe_interval is not None and not re.fullmatch(r"[0-9]*\.?[0-9]+(s|ms|us|ns)",
                                                         a.probe_interval):
        cr.die(f"--probe-interval: '{a.probe_interval}' is not a time such as 50ms or 0.2s")
    profile = cr.resolve_profile(a.profile)
    if not os.path.isfile(profile):
        cr.die(f"--profile: no such profile '{a.profile}' ({profile})")
    return a


def parse_list(text, option):
    items = [t.strip() for t in text.split(",")]
    if not all(items):
        cr.die(f"{option}: empty item in '{text}'")
    if len(set(items)) != len(items):
        cr.die(f"{option}: repeated item in '{text}'")
    return items


def parse_rates(text):
    rates = []
    for item in parse_list(text, "--rates"):
        try:
            r = float(item)
        except ValueError:
            cr.die(f"--rates: '{item}' is not a number")
        if not (r > 0 and math.isfinite(r)):
            cr.die(f"--rates: '{item}' must be a positive number of handovers per minute")
        rates.append(r)
    return sorted(rates)


def main():
    a = parse_args()
    started = time.monotonic()
    cr.lock_directory(a.out)
    points = [(m, r, n) for m in a.methods for r in a.rates for n in range(1, a.runs + 1)]

    def directory(point):
        m, r, n = point
        return os.path.join(a.out, m, rate_label(r), f"run-{n}")

    def options(point):
        m, r, n = point
        o = {"method": m, "handoverRate": f"{r:g}", "handovers": handovers(a, r),
             "profile": a.profile, "seed": a.seed, "run": n}
        if a.probe_interval:
            o["probeInterval"] = a.probe_interval
        return o

    def label(pt):
        return f"{pt[0]} rate={pt[1]:g} run={pt[2]}"

    todo = [pt for pt in points
            if a.force or not cr.is_done(directory(pt), a.sim, options(pt))]
    # Longest first (simulated time ~ 1/rate), so the cores stay busy until the end.
    todo.sort(key=lambda pt: (pt[1], pt[0], pt[2]))
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
        where = "to collect from Slurm" if a.collect else "to run as Slurm array tasks"
    sys.stderr.write(f"sweep: {len(points)} points ({len(a.methods)} methods x {len(a.rates)} "
                     f"rates x {a.runs} runs, {a.handovers}+ handovers and {a.sim_time}+ s per "
                     f"run), {skipped} already done, {len(todo)} {where} -> {cr.rel(a.out)}\n")

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

    rows = aggregate(a, points, directory)
    header = (["method", "handover_rate_per_min", "runs", "handovers_per_run"]
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


def aggregate(a, points, directory):
    per_run = {}
    for pt in points:
        rows = cr.read_csv(os.path.join(directory(pt), "handovers.csv"))
        needed = {"cycle_sent_probes", "cycle_lost_probes", "tunnel_down_ms", "cycle_ms"}
        missing = needed - set(rows[0] if rows else {})
        if missing:
            cr.die(f"{directory(pt)}/handovers.csv lacks {', '.join(sorted(missing))} "
                   "(rebuild cxtp-ipsec-sim, rerun with --force)", 1)
        per_run.setdefault(pt[:2], []).append(point_metrics(rows))
    out = []
    for m in a.methods:
        for r in a.rates:
            runs = per_run[(m, r)]
            row = {"method": m, "handover_rate_per_min": f"{r:g}", "runs": len(runs),
                   "handovers_per_run": handovers(a, r)}
            for metric in METRICS:
                mean, ci = cr.mean_ci95([x[metric] for x in runs if not math.isnan(x[metric])])
                digits = 6 if metric in ("probe_loss_ratio", "tunnel_down_fraction",
                                         "no_tunnel_ratio") else 3
                row[f"{metric}_mean"] = cr.fmt(mean, digits)
                row[f"{metric}_ci95"] = cr.fmt(ci, digits)
            out.append(row)
    return out


def plot(a, rows):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6), constrained_layout=True)
    panels = [
        ("probe_loss_ratio", "probe loss ratio", axes[0]),
        ("tunnel_down_fraction", "fraction of time without a working tunnel", axes[1]),
    ]
    colours = {}
    for i, m in enumerate(a.methods):
        colours[m] = f"C{i}"

    def series(m, metric):
        xs, ys, es = [], [], []
        for row in rows:
            if row["method"] != m or row[f"{metric}_mean"] == "":
                continue
            xs.append(float(row["handover_rate_per_min"]))
            ys.append(float(row[f"{metric}_mean"]))
            es.append(float(row[f"{metric}_ci95"]) if row[f"{metric}_ci95"] else 0.0)
        return xs, ys, es

    for metric, title, ax in panels:
        for m in a.methods:
            xs, ys, es = series(m, metric)
            ax.errorbar(xs, ys, yerr=es, marker="o", ms=4, capsize=3, color=colours[m], label=m)
        ax.set_title(title)
        ax.set_ylabel("ratio")
    ax = axes[2]
    for m in a.methods:
        xs, ys, es = series(m, "access_signalling_Bps")
        ax.errorbar(xs, ys, yerr=es, marker="o", ms=4, capsize=3, color=colours[m],
                    label=f"{m} access")
        xs, ys, es = series(m, "core_signalling_Bps")
        if any(y > 0 for y in ys):
            ax.errorbar(xs, ys, yerr=es, marker="s", ms=4, capsize=3, ls="--", color=colours[m],
                        label=f"{m} core")
    ax.set_title("security signalling load (core: dashed, drawn if > 0)")
    ax.set_ylabel("bytes/s")
    for ax in axes:
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(a.rates)
        ax.set_xticklabels([f"{r:g}" for r in a.rates])
        ax.minorticks_off()
        ax.set_xlabel("handover rate (per minute)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(f"cxtp-ipsec-sim handover-rate sweep: profile {a.profile}, seed {a.seed}, "
                 f"runs 1..{a.runs}, max({a.handovers}, {a.sim_time} s x rate) handovers per run, "
                 "mean and 95% CI over runs",
                 fontsize=10)
    os.makedirs(os.path.dirname(os.path.abspath(a.plot)), exist_ok=True)
    fig.savefig(a.plot, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_main(main))
