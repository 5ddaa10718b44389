#!/usr/bin/python3
"""Decomposition of the security set-up delay of each method by ablation.

The delay of a method (mean security_delay_ms of cxtp-ipsec-sim over N handovers: from the new CoA
formed to the new SA pair installed at MN and gateway, t_sec - t_coa_formed; see "Timeline" in
contrib/cxtp-ipsec/doc/mipv6-handover.rst)
is split into components by rerunning the simulator with copies of the cost profile in which the
costs of some categories are set to zero (same seed and run for every variant, so the handovers
happen at the same instants):

  category      profile keys (section.key; '*' = every key of the section)
  crypto        dh.*, prf.*, cipher.*, rsa.*, pki.*, aka.*
                                                 Diffie-Hellman, PRF/HMAC, IKE payload ciphers,
                                                 RSA signatures, certificate checks
  processing    daemon.message_processing, daemon.ikev2_message_processing,
                cxtp.message_processing, radius.*, aaa.*
                                                 per-message work of the IKE and CXTP daemons,
                                                 of a gateway's RADIUS client and the AAA server
  installation  kernel.*, cxtp.context_install   PF_KEY SA/policy installation, context install
  other         any key not matched above (reported, with a warning, so nothing is lost)

Components:
  network       delay with every cost zero and DAD off: link propagation, transmission and
                queueing of the signalling, and protocol timers.
  waiting       delay with every cost zero (DAD as --dad) minus network: time spent waiting on
                address state (DAD) inside the set-up.
  crypto, processing, installation, other
                the Shapley value of the category over the 2^k variants (k cost categories): the
                mean, over every order of switching the categories on from the zero profile, of
                the delay each adds. They sum exactly to delay(full profile) - delay(zero profile),
                even where costs overlap or run in parallel on two nodes.

So network + waiting + crypto + processing + installation (+ other) = delay with the full profile.
Outputs: --csv (default results/delay-breakdown.csv; columns method,component,delay_ms,share,
handovers,profile,seed,run; share = component / total; one 'total' row per method) and --plot
(default results/delay-breakdown.png: per method, each component's delay on a log axis with its
value, so that the small ones show, and the components stacked as shares of the total).
The ablated profiles and the simulator outputs stay in --runs (default results/breakdown-runs/).
"""

import itertools
import math
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cxtp_results as cr  # noqa: E402

# (section, key or '*', category); the first match wins, so exact keys come before wildcards.
CATEGORY_RULES = [
    ("daemon", "message_processing", "processing"),
    ("daemon", "ikev2_message_processing", "processing"),
    ("cxtp", "message_processing", "processing"),
    ("radius", "*", "processing"),
    ("aaa", "*", "processing"),
    ("cxtp", "context_install", "installation"),
    ("kernel", "*", "installation"),
    ("dh", "*", "crypto"),
    ("prf", "*", "crypto"),
    ("cipher", "*", "crypto"),
    ("rsa", "*", "crypto"),
    ("pki", "*", "crypto"),
    ("aka", "*", "crypto"),
]
COST_CATEGORIES = ["crypto", "processing", "installation", "other"]
COMPONENTS = ["network", "waiting"] + COST_CATEGORIES
COLOURS = {"network": "tab:blue", "waiting": "tab:orange", "crypto": "tab:red",
           "processing": "tab:green", "installation": "tab:purple", "other": "0.6"}
DEFAULT_METHODS = ["ikev1-main", "ikev1-aggressive", "ikev1-ct"]

_SECTION = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]\s*$")
_KEY = re.compile(r"^(\s*)([A-Za-z0-9_.-]+)(\s*=\s*)([-+0-9.eE]+)(\s*[^;\s]+)(\s*;.*)$")


def category_of(section, key):
    for s, k, category in CATEGORY_RULES:
        if s == section and (k == "*" or k == key):
            return category
    return "other"


def read_profile(path):
    """(lines, {line index: (section, key, value, category)}) of a profile INI."""
    with open(path) as f:
        lines = f.read().splitlines()
    keys = {}
    section = ""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        m = _SECTION.match(line)
        if m:
            section = m.group(1)
            continue
        m = _KEY.match(line)
        if not m:
            cr.die(f"{path}:{i + 1}: cannot read '{stripped}' (expected 'key = value unit ; "
                   "provenance')")
        keys[i] = (section, m.group(2), float(m.group(4)), category_of(section, m.group(2)))
    return lines, keys


def write_variant(path, lines, keys, kept, source):
    """A copy of the profile with every key whose category is not in kept set to 0 (same unit;
    the provenance says what was zeroed)."""
    out = []
    for i, line in enumerate(lines):
        if i in keys and keys[i][3] not in kept:
            m = _KEY.match(line)
            line = (f"{m.group(1)}{m.group(2)}{m.group(3)}0{m.group(5)} ; zeroed by "
                    f"scripts/breakdown.py (category {keys[i][3]}) from {source}")
        out.append(line)
    header = [f"# Ablation of {source} by scripts/breakdown.py: categories kept: "
              f"{', '.join(sorted(kept)) or 'none'}; every other cost is 0."]
    with open(path, "w") as f:
        f.write("\n".join(header + out) + "\n")


def parse_args():
    p = cr.ArgumentParser(
        description="Decompose each method's security set-up delay into network, waiting (DAD), "
        "crypto, processing and installation by ablation of the cost profile; writes "
        "delay-breakdown.csv and delay-breakdown.png. Categories and method: see the top of this "
        "script or contrib/cxtp-ipsec/doc/cxtp-ipsec.rst ('Delay breakdown').",
        epilog="Example: /usr/bin/python3 scripts/breakdown.py --handovers 20")
    p.add_argument("--methods", default=",".join(DEFAULT_METHODS),
                   help="comma-separated methods (default %(default)s)")
    p.add_argument("--profile", default="testbed-2008",
                   help="cost profile name or INI path (default testbed-2008)")
    p.add_argument("--handovers", type=cr.positive_int, default=20,
                   help="handovers per simulation (default 20)")
    p.add_argument("--seed", type=cr.positive_int, default=1, help="ns-3 seed (default 1)")
    p.add_argument("--run", type=cr.positive_int, default=1, help="ns-3 run number (default 1)")
    p.add_argument("--dad", default="on", choices=["on", "off", "optimistic"],
                   help="the MN's DAD mode of the decomposed delay (default on)")
    p.add_argument("--jobs", type=cr.positive_int, default=os.cpu_count() or 1,
                   help="simulations run at once (default: all cores, %(default)s)")
    p.add_argument("--csv", default=os.path.join(cr.ROOT, "results", "delay-breakdown.csv"),
                   help="output CSV (default results/delay-breakdown.csv)")
    p.add_argument("--plot", default=os.path.join(cr.ROOT, "results", "delay-breakdown.png"),
                   help="output plot (default results/delay-breakdown.png); 'none' to skip")
    p.add_argument("--runs", default=os.path.join(cr.ROOT, "results", "breakdown-runs"),
                   help="directory for the ablated profiles and simulator outputs")
    p.add_argument("--sim", default=cr.DEFAULT_SIM,
                   help="cxtp-ipsec-sim binary (default build/bin/cxtp-ipsec-sim)")
    a = p.parse_args()
    methods = [m.strip() for m in a.methods.split(",")]
    if not all(methods) or len(set(methods)) != len(methods):
        cr.die(f"--methods: empty or repeated item in '{a.methods}'")
    if a.plot != "none":
        cr.require_matplotlib()
    cr.check_sim(a.sim)
    known = cr.sim_methods(a.sim)
    for m in methods:
        if known and m not in known:
            cr.die(f"--methods: unknown method '{m}' ({', '.join(known)})")
    a.methods = methods
    a.profile_path = cr.resolve_profile(a.profile)
    if not os.path.isfile(a.profile_path):
        cr.die(f"--profile: no such profile '{a.profile}' ({a.profile_path})")
    a.runs = os.path.abspath(a.runs)
    return a


def shapley(categories, value):
    """Shapley value of each category for the set function value(frozenset)."""
    k = len(categories)
    phi = {}
    for c in categories:
        others = [x for x in categories if x != c]
        total = 0.0
        for size in range(k):
            weight = math.factorial(size) * math.factorial(k - size - 1) / math.factorial(k)
            for subset in itertools.combinations(others, size):
                s = frozenset(subset)
                total += weight * (value(s | {c}) - value(s))
        phi[c] = total
    return phi


def main():
    a = parse_args()
    started = time.monotonic()
    lines, keys = read_profile(a.profile_path)
    unmatched = sorted({f"{s}.{k}" for s, k, _, c in keys.values() if c == "other"})
    if unmatched:
        sys.stderr.write("breakdown: warning: keys without a category, counted as 'other': "
                         + ", ".join(unmatched) + "\n")
    categories = [c for c in COST_CATEGORIES if any(v[3] == c for v in keys.values())]
    cr.lock_directory(a.runs)
    profiles_dir = os.path.join(a.runs, "profiles")
    os.makedirs(profiles_dir, exist_ok=True)
    subsets = [frozenset(s) for size in range(len(categories) + 1)
               for s in itertools.combinations(categories, size)]

    def variant_name(subset):
        return "+".join(c for c in categories if c in subset) or "zero"

    for s in subsets:
        write_variant(os.path.join(profiles_dir, variant_name(s) + ".ini"), lines, keys, s,
                      cr.rel(a.profile_path))
    # (method, variant, dad)
    jobs = [(m, variant_name(s), a.dad) for m in a.methods for s in subsets]
    jobs += [(m, "zero", "off") for m in a.methods]
    jobs = list(dict.fromkeys(jobs))  # with --dad=off the last ones are already there

    def directory(job):
        return os.path.join(a.runs, job[0], f"{job[1]}-dad-{job[2]}")

    def options(job):
        return {"method": job[0], "handovers": a.handovers,
                "profile": os.path.join(profiles_dir, job[1] + ".ini"), "dad": job[2],
                "seed": a.seed, "run": a.run}

    progress = cr.Progress(len(jobs))
    _, errors = cr.run_parallel(jobs, a.jobs, lambda j: f"{j[0]} {j[1]} dad={j[2]}",
                                lambda j: cr.run_sim(a.sim, directory(j), options(j)), progress)
    if errors:
        cr.die("simulation failed: " + errors[0], 1)

    def delay(job):
        rows = cr.read_csv(os.path.join(directory(job), "handovers.csv"))
        done = [float(r["security_delay_ms"]) for r in rows if r["complete"] == "1"]
        if len(done) < len(rows):
            sys.stderr.write(f"breakdown: warning: {job[0]} {job[1]} dad={job[2]}: "
                             f"{len(rows) - len(done)} of {len(rows)} handovers incomplete\n")
        return cr.mean_ci95(done)[0], len(done)

    out = []
    for m in a.methods:
        full, n = delay((m, variant_name(frozenset(categories)), a.dad))
        zero, _ = delay((m, "zero", a.dad))
        network, _ = delay((m, "zero", "off"))
        phi = shapley(categories, lambda s: delay((m, variant_name(s), a.dad))[0])
        parts = {"network": network, "waiting": zero - network}
        parts.update({c: phi.get(c, 0.0) for c in COST_CATEGORIES if c in categories})
        for component, value in list(parts.items()) + [("total", full)]:
            out.append({"method": m, "component": component, "delay_ms": cr.fmt(value),
                        "share": cr.fmt(value / full if full else math.nan, 4), "handovers": n,
                        "profile": a.profile, "seed": a.seed, "run": a.run})
        residual = full - sum(parts.values())
        if abs(residual) > 1e-6 * max(1.0, abs(full)):
            sys.stderr.write(f"breakdown: warning: {m}: components miss {residual:.6f} ms\n")
    header = ["method", "component", "delay_ms", "share", "handovers", "profile", "seed", "run"]
    cr.write_csv(a.csv, header, out)
    print(f"Wrote {cr.rel(a.csv)}")
    if a.plot != "none":
        plot(a, out)
        print(f"Wrote {cr.rel(a.plot)}")
    print(f"breakdown: {len(jobs)} simulations in {time.monotonic() - started:.1f} s wall time")
    return 0


def short(value):
    """A delay in ms for a label: 1500, 17.8, 0.32, 0.003."""
    if value == 0 or abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}" if abs(value) >= 1 else f"{value:.2g}"


def plot(a, rows):
    """Left: each component's delay as its own bar on a log axis, labelled with its value, so
    that the small ones (network, installation, context transfer) show; right: the components
    stacked as shares of the total."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def value(m, component, key):
        cell = [r[key] for r in rows if r["method"] == m and r["component"] == component]
        return float(cell[0]) if cell and cell[0] else 0.0

    components = [c for c in COMPONENTS if any(r["component"] == c for r in rows)]
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5.2), constrained_layout=True,
                                      gridspec_kw={"width_ratios": [3, 2]})
    x = list(range(len(a.methods)))
    width = 0.84 / len(components)
    positive = [value(m, c, "delay_ms") for m in a.methods for c in components
                if value(m, c, "delay_ms") > 0]
    bottom = 10 ** math.floor(math.log10(min(positive) / 2)) if positive else 1e-3
    for j, component in enumerate(components):
        xs = [i - 0.42 + width * (j + 0.5) for i in x]
        values = [value(m, component, "delay_ms") for m in a.methods]
        left.bar(xs, [v if v > 0 else 0 for v in values], width=width, bottom=0,
                 color=COLOURS[component], edgecolor="black", lw=0.5, label=component)
        for xi, v in zip(xs, values):
            left.text(xi, max(v, bottom), short(v), ha="center", va="bottom", fontsize=7)
    left.set_yscale("log")
    left.set_ylim(bottom, max(positive or [1]) * 8)
    left.set_xticks(x)
    left.set_xticklabels([f"{m}\ntotal {value(m, 'total', 'delay_ms'):.1f} ms"
                          for m in a.methods])
    left.set_ylabel("delay of the component (ms, log scale)")
    left.grid(True, axis="y", alpha=0.3)

    up = [0.0] * len(x)
    down = [0.0] * len(x)
    for component in components:
        values = [value(m, component, "share") for m in a.methods]
        if not any(values):
            continue
        bottoms = [up[i] if v >= 0 else down[i] for i, v in enumerate(values)]
        right.bar(x, values, bottom=bottoms, color=COLOURS[component], edgecolor="black",
                  lw=0.5)
        for i, v in enumerate(values):
            if v >= 0:
                up[i] += v
            else:
                down[i] += v
    right.axhline(0, color="black", lw=0.5)
    right.set_xticks(x)
    right.set_xticklabels(a.methods)
    right.set_ylabel("share of the delay (stacked)")
    right.grid(True, axis="y", alpha=0.3)
    left.legend(loc="upper right", fontsize=8, ncol=len(components))
    fig.suptitle(f"Security set-up delay by component (ablation of profile {a.profile}, "
                 f"{a.handovers} handovers, seed {a.seed}, run {a.run}, DAD {a.dad}); the "
                 "components add up to the total", fontsize=10)
    os.makedirs(os.path.dirname(os.path.abspath(a.plot)), exist_ok=True)
    fig.savefig(a.plot, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_main(main))
