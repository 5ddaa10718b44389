#!/usr/bin/python3
"""The paper's table (MobiArch'08, Allard et al.) from simulated handovers.

Runs build/bin/cxtp-ipsec-sim for the three rows -- ikev1-main, ikev1-aggressive, ikev1-ct -- with
one cost profile (default testbed-2008), at least 100 handovers per row by default, with fixed
seeds: seed S (default 1) and ns-3 run numbers 1..K (--chunks, default 2), the handovers of a row
split evenly over its K runs so that the runs of all rows share the cores. Each handover happens
at a random phase of the probe schedule. Writes into --out (default results/):

  paper-table.csv   exactly the columns
                    scenario,handovers,delay_ms,delay_ci95_ms,probe_delay_ms,lost_probes_mean,
                    messages,bytes,paper_delay_ms,paper_messages,paper_bytes,fit
                    one row per scenario: handovers = completed handovers; delay = mean security
                    set-up delay (t_sec - t_coa_formed) with the half-width of its 95% CI (Student's t);
                    probe_delay_ms = mean probe-based estimate; lost_probes_mean = mean probes lost
                    per handover (both directions, from its L2 detach to the next handover's: the
                    whole outage, each probe counted once; column cycle_lost_probes); messages and
                    bytes = security signalling frames and bytes on the access link per handover
                    (an integer when every handover agrees, else the mean with two decimals);
                    paper_* = the paper's measurements (reference only, never a model input);
                    fit = 'fitted' for the rows the profile's free parameters are fitted on (main
                    mode, context transfer), 'predicted' for aggressive mode (see "Delay model and
                    calibration" in contrib/cxtp-ipsec/doc/cxtp-ipsec.rst).
  paper-table.md    the same side by side with relative errors, the seeds and the commands.
  timeline.png      the paper's timeline figure from the simulated handovers: per method, the mean
                    duration of L2 detach->attach, attach->CoA formed (RA, SLAAC), CoA
                    formed->usable (DAD), CoA usable->BA (BU/BA); alpha = attach->BA; and the
                    security set-up from the formed CoA to the new SA pair (beta: CT, gamma:
                    aggressive, delta: main), with its messages and bytes; the paper's delays
                    (PAPER) are marked on the set-up bars and its values given beside them; a
                    caption under the figure says what alpha, beta, gamma and delta are.
  paper-table-runs/ the simulator's own outputs (handovers.csv, summary.csv) of every run.

--check exits with status 1 (after writing the files) if messages or bytes differ from the paper's
or a delay is outside its tolerance: 5% for main mode and context transfer, 10% for aggressive
mode (the prediction).
"""

import math
import os
import shlex
import sys
import textwrap
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cxtp_results as cr  # noqa: E402

# The paper's measurements (Allard et al., MobiArch'08, table of results). Reference columns only.
PAPER = {
    "ikev1-main": {"delay_ms": 1500, "messages": 11, "bytes": 2182},
    "ikev1-aggressive": {"delay_ms": 1300, "messages": 8, "bytes": 1896},
    "ikev1-ct": {"delay_ms": 20, "messages": 1, "bytes": 106},
}
SCENARIOS = ["ikev1-main", "ikev1-aggressive", "ikev1-ct"]
# Rows whose delays the profile's free parameters are fitted on; the others are predictions.
FIT = {"ikev1-main": "fitted", "ikev1-aggressive": "predicted", "ikev1-ct": "fitted"}
# Relative tolerance of the delay in --check.
TOLERANCE = {"ikev1-main": 0.05, "ikev1-aggressive": 0.10, "ikev1-ct": 0.05}
# The paper's names of the security set-up delays in its timeline figure.
GREEK = {"ikev1-main": "\u03b4 (main mode)", "ikev1-aggressive": "\u03b3 (aggressive)",
         "ikev1-ct": "\u03b2 (context transfer)"}

HEADER = ["scenario", "handovers", "delay_ms", "delay_ci95_ms", "probe_delay_ms",
          "lost_probes_mean", "messages", "bytes", "paper_delay_ms", "paper_messages",
          "paper_bytes", "fit"]


def parse_args():
    p = cr.ArgumentParser(
        description="Reproduce the paper's table (IKEv1 main, aggressive, context transfer) with "
        "cxtp-ipsec-sim: paper-table.csv, paper-table.md and timeline.png in --out.",
        epilog="Example: /usr/bin/python3 scripts/paper_table.py --out results --check")
    p.add_argument("--out", default=os.path.join(cr.ROOT, "results"),
                   help="output directory (default results/)")
    p.add_argument("--handovers", type=cr.positive_int, default=100,
                   help="handovers per scenario (default 100)")
    p.add_argument("--chunks", type=cr.positive_int, default=2,
                   help="runs per scenario the handovers are split over (run numbers 1..CHUNKS, "
                   "default 2)")
    p.add_argument("--seed", type=cr.positive_int, default=1, help="ns-3 seed (default 1)")
    p.add_argument("--profile", default="testbed-2008",
                   help="cost profile name or INI path (default testbed-2008)")
    p.add_argument("--jobs", type=cr.positive_int, default=os.cpu_count() or 1,
                   help="simulations run at once (default: all cores, %(default)s)")
    p.add_argument("--sim", default=cr.DEFAULT_SIM,
                   help="cxtp-ipsec-sim binary (default build/bin/cxtp-ipsec-sim)")
    p.add_argument("--check", action="store_true",
                   help="exit 1 if messages/bytes differ from the paper's or a delay leaves its "
                   "tolerance (main, CT: 5%%; aggressive: 10%%)")
    a = p.parse_args()
    if a.chunks > a.handovers:
        cr.die(f"--chunks ({a.chunks}) must not exceed --handovers ({a.handovers})")
    cr.require_matplotlib()
    cr.check_sim(a.sim)
    if not os.path.isfile(cr.resolve_profile(a.profile)):
        cr.die(f"--profile: no such profile '{a.profile}' ({cr.resolve_profile(a.profile)})")
    a.out = os.path.abspath(a.out)
    return a


def chunk_sizes(handovers, chunks):
    """The handovers of a row split evenly over its runs 1..chunks."""
    return [handovers // chunks + (1 if k < handovers % chunks else 0) for k in range(chunks)]


def sim_options(job, profile, seed):
    """cxtp-ipsec-sim options of one run of a row; job = (method, run number, handovers)."""
    return {"method": job[0], "handovers": job[2], "profile": profile, "seed": seed,
            "run": job[1]}


def integer_or_mean(values):
    """The value as an integer when all agree, else the mean with two decimals."""
    if not values:
        return ""
    if all(v == values[0] for v in values):
        return str(int(values[0]))
    return f"{sum(values) / len(values):.2f}"


def relative_error(value, reference):
    return (value - reference) / reference if reference else math.nan


def main():
    a = parse_args()
    started = time.monotonic()
    runs_dir = os.path.join(a.out, "paper-table-runs")
    cr.lock_directory(runs_dir)
    sizes = chunk_sizes(a.handovers, a.chunks)
    jobs = [(m, k + 1, sizes[k]) for k in range(a.chunks) for m in SCENARIOS]

    def directory(job):
        return os.path.join(runs_dir, job[0], f"run-{job[1]}")

    def options(job):
        return sim_options(job, a.profile, a.seed)

    progress = cr.Progress(len(jobs))
    _, errors = cr.run_parallel(jobs, a.jobs, lambda j: f"{j[0]} run={j[1]}",
                                lambda j: cr.run_sim(a.sim, directory(j), options(j)), progress)
    if errors:
        cr.die("simulation failed: " + errors[0], 1)

    rows = {m: [] for m in SCENARIOS}
    for job in jobs:
        rows[job[0]] += cr.read_csv(os.path.join(directory(job), "handovers.csv"))
    table = []
    stats = {}
    for m in SCENARIOS:
        done = [r for r in rows[m] if r["complete"] == "1"]
        delay, ci = cr.mean_ci95([float(r["security_delay_ms"]) for r in done])
        probe, _ = cr.mean_ci95([float(r["probe_delay_ms"]) for r in done])
        lost, _ = cr.mean_ci95([int(r["cycle_lost_probes"]) for r in done])
        messages = [int(r["messages"]) for r in done]
        nbytes = [int(r["bytes"]) for r in done]
        stats[m] = {"n": len(done), "total": len(rows[m]), "delay": delay, "ci": ci,
                    "messages": messages, "bytes": nbytes}
        table.append({
            "scenario": m, "handovers": len(done), "delay_ms": cr.fmt(delay),
            "delay_ci95_ms": cr.fmt(ci), "probe_delay_ms": cr.fmt(probe),
            "lost_probes_mean": cr.fmt(lost, 2), "messages": integer_or_mean(messages),
            "bytes": integer_or_mean(nbytes), "paper_delay_ms": PAPER[m]["delay_ms"],
            "paper_messages": PAPER[m]["messages"], "paper_bytes": PAPER[m]["bytes"],
            "fit": FIT[m]})
    os.makedirs(a.out, exist_ok=True)
    csv_path = os.path.join(a.out, "paper-table.csv")
    cr.write_csv(csv_path, HEADER, table)

    failures = check(stats)
    md_path = os.path.join(a.out, "paper-table.md")
    write_markdown(md_path, a, table, stats, sizes, failures)
    png_path = os.path.join(a.out, "timeline.png")
    plot_timeline(png_path, a, rows)
    for path in (csv_path, md_path, png_path):
        print(f"Wrote {cr.rel(path)}")
    print(f"paper_table: {len(jobs)} simulations in {time.monotonic() - started:.1f} s wall time")
    if a.check:
        for f in failures:
            sys.stderr.write(f"paper_table: check failed: {f}\n")
        if failures:
            return 1
        print("paper_table: check passed (messages and bytes exact, delays within tolerance)")
    return 0


def check(stats):
    """The reasons why the table does not reproduce the paper (empty if it does)."""
    failures = []
    for m in SCENARIOS:
        s = stats[m]
        ref = PAPER[m]
        if s["n"] == 0 or s["n"] < s["total"]:
            failures.append(f"{m}: {s['total'] - s['n']} of {s['total']} handovers incomplete")
        if s["n"] == 0:
            continue
        for key in ("messages", "bytes"):
            wrong = [v for v in s[key] if v != ref[key]]
            if wrong:
                seen = ", ".join(f"{v} ({s[key].count(v)}x)" for v in sorted(set(s[key])))
                failures.append(f"{m}: {key} per handover {seen}, paper {ref[key]}")
        err = relative_error(s["delay"], ref["delay_ms"])
        if not abs(err) <= TOLERANCE[m]:
            failures.append(f"{m}: delay {s['delay']:.1f} ms is {100 * err:+.1f}% from the "
                            f"paper's {ref['delay_ms']} ms (tolerance {100 * TOLERANCE[m]:.0f}%)")
    return failures


def write_markdown(path, a, table, stats, sizes, failures):
    def pct(value, reference):
        err = relative_error(value, reference)
        return "" if math.isnan(err) else f"{100 * err:+.1f}%"

    lines = [
        "# The paper's table from simulated handovers",
        "",
        f"Regenerate with: `{cr.command_line()}`  ",
        f"Commit `{cr.git_describe()}`, profile `{a.profile}`, seed {a.seed}, ns-3 runs "
        f"1..{a.chunks} per scenario ({' + '.join(map(str, sizes))} handovers), each handover at "
        "a random phase of the 50 ms probe.",
        "",
        "Delay = security set-up delay (new CoA formed to new SA pair installed at MN and "
        "gateway), mean with 95% CI (Student's t) over the completed handovers. Messages and "
        "bytes = security signalling frames on the MN's access link per handover (Ethernet II "
        "header, no FCS). The paper's values are references, never model inputs; `fitted` rows "
        "are the ones the profile's free parameters are fitted on, `predicted` is not fitted.",
        "",
        "| scenario | handovers | delay (ms) | paper (ms) | error | probe estimate (ms) | lost "
        "probes | messages | paper | bytes | paper | error | fit | tolerance |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in table:
        m = row["scenario"]
        s = stats[m]
        ok = not any(f.startswith(m + ":") and "delay" in f for f in failures)
        delay = f"{row['delay_ms']} ± {row['delay_ci95_ms']}" if row["delay_ci95_ms"] else \
            row["delay_ms"]
        mean_bytes = sum(s["bytes"]) / len(s["bytes"]) if s["bytes"] else math.nan
        lines.append(
            f"| {m} | {row['handovers']} | {delay} | {row['paper_delay_ms']} | "
            f"{pct(s['delay'], PAPER[m]['delay_ms'])} | {row['probe_delay_ms']} | "
            f"{row['lost_probes_mean']} | {row['messages']} | {row['paper_messages']} | "
            f"{row['bytes']} | {row['paper_bytes']} | {pct(mean_bytes, PAPER[m]['bytes'])} | "
            f"{row['fit']} | ±{100 * TOLERANCE[m]:.0f}% {'ok' if ok else 'out'} |")
    lines += ["", "Check (`--check`): " + ("passed." if not failures else "not reproduced:"), ""]
    lines += [f"- {f}" for f in failures]
    lines += ["", "Simulator runs (outputs in `paper-table-runs/`):", "", "```"]
    for k, size in enumerate(sizes):
        for m in SCENARIOS:
            lines.append(" ".join(shlex.quote(c) for c in cr.sim_command(
                cr.rel(a.sim), os.path.join(cr.rel(a.out), "paper-table-runs", m, f"run-{k + 1}"),
                sim_options((m, k + 1, size), a.profile, a.seed))))
    lines += ["```", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))


def plot_timeline(path, a, rows):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.patches
    import matplotlib.pyplot as plt

    caption = "\n".join(textwrap.fill(text, 190) for text in (
        "\u03b1 = t_mip \u2212 t_attach: the Mobile IPv6 handover, from the L2 attach to the "
        "Binding Ack (RA, CoA formed by SLAAC, DAD, BU/BA with the home agent); it proceeds "
        "whatever the IPsec state, and the paper's table leaves it out.",
        "\u03b2, \u03b3, \u03b4 = the security set-up delay t_sec \u2212 t_coa_formed, from the "
        "new CoA formed to the new SA pair installed at the MN and the new gateway, named as in "
        "the paper: \u03b2 context transfer (one CTAR, sent as soon as the CoA is formed), "
        "\u03b3 IKEv1 aggressive mode, \u03b4 IKEv1 main mode (IKE must wait for DAD before it "
        "may use the CoA: hatched). Beside each: the simulated delay, messages and bytes on the "
        "access link, and the paper's values (MobiArch'08; black mark: the paper's delay)."))
    segments = [  # (from, to, label, colour); times relative to L2 detach
        ("t_detach_s", "t_attach_s", "L2 handover", "0.75"),
        ("t_attach_s", "t_coa_formed_s", "RA, CoA formed", "tab:olive"),
        ("t_coa_formed_s", "t_coa_s", "DAD, CoA usable", "tab:orange"),
        ("t_coa_s", "t_mip_s", "BU/BA", "tab:blue"),
    ]
    fig, ax = plt.subplots(figsize=(12, 1.9 + 1.3 * len(SCENARIOS)), constrained_layout=True)
    labels = []
    hatched = False
    for i, m in enumerate(SCENARIOS):
        done = [r for r in rows[m] if r["complete"] == "1"]
        y = len(SCENARIOS) - 1 - i
        labels.append((y, f"{m}\n({len(done)} handovers)"))
        if not done:
            continue

        def mean(col):
            return sum(float(r[col]) - float(r["t_detach_s"]) for r in done) / len(done) * 1e3

        for start, end, label, colour in segments:
            s, e = mean(start), mean(end)
            ax.barh(y + 0.18, e - s, left=s, height=0.3, color=colour, edgecolor="black",
                    lw=0.5, label=label if i == 0 else None)
        attach, coa, mip, sec = mean("t_attach_s"), mean("t_coa_formed_s"), mean("t_mip_s"), \
            mean("t_sec_s")
        ax.barh(y - 0.18, sec - coa, left=coa, height=0.3, color="tab:red", edgecolor="black",
                lw=0.5, label="security set-up" if i == 0 else None)
        usable = mean("t_coa_s")
        if sec > usable > coa:  # the method waited for DAD before it could use the CoA
            ax.barh(y - 0.18, usable - coa, left=coa, height=0.3, fill=False, hatch="//",
                    edgecolor="white", lw=0)
            hatched = True
        ax.annotate("", xy=(attach, y + 0.42), xytext=(mip, y + 0.42),
                    arrowprops=dict(arrowstyle="<->", lw=0.8))
        ax.text((attach + mip) / 2, y + 0.45, f"\u03b1 = {mip - attach:.0f} ms", ha="center",
                va="bottom", fontsize=8)
        paper = PAPER[m]
        messages = integer_or_mean([int(r["messages"]) for r in done])
        ax.plot([coa + paper["delay_ms"]] * 2, [y - 0.36, y], color="black", lw=1.5,
                label="paper's delay" if i == 0 else None)
        ax.text(max(sec, coa + paper["delay_ms"]) + 8, y - 0.18,
                f"{GREEK[m]} = {sec - coa:.0f} ms (paper {paper['delay_ms']} ms)\n"
                f"{messages} message{'' if messages == '1' else 's'}, "
                f"{integer_or_mean([int(r['bytes']) for r in done])} B (paper "
                f"{paper['messages']}, {paper['bytes']} B)", ha="left", va="center", fontsize=8)
    ax.set_yticks([y for y, _ in labels])
    ax.set_yticklabels([t for _, t in labels])
    ax.set_ylim(-0.6, len(SCENARIOS) - 0.2)
    ax.set_xlabel("time since L2 detach (ms), mean over the handovers")
    ax.grid(True, axis="x", alpha=0.3)
    handles, names = ax.get_legend_handles_labels()
    if hatched:
        handles.append(matplotlib.patches.Patch(facecolor="tab:red", edgecolor="white",
                                                hatch="//"))
        names.append("of which waiting for DAD")
    ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=7,
              fontsize=8)
    xmax = ax.get_xlim()[1]
    ax.set_xlim(0, xmax * 1.3)
    fig.supxlabel(caption, fontsize=8, ha="left", x=0.01)
    ax.set_title(f"Handover timeline (cxtp-ipsec-sim, profile {a.profile}, seed {a.seed}): "
                 "\u03b1 = MIPv6 handover, then the security set-up", fontsize=10)
    fig.savefig(path, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_main(main))
