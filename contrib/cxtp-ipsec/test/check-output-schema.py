#!/usr/bin/python3
"""The one output schema of the handover programs (HandoverReport).

Runs cxtp-ipsec-sim, cxtp-ipsec-context-transfer and cxtp-ipsec-mipv6-handover with small, unusual
settings and checks that each writes handovers.csv and summary.csv with exactly the column lists
below, that every row is complete, that the configuration columns hold the settings the run was
given (including one given as an ns-3 attribute, which no program option may override), and that
they are the same on every row of a file.

Usage: check-output-schema.py BIN_DIR WORK_DIR
"""

import csv
import os
import shutil
import subprocess
import sys

CONFIGURATION = ["program", "commit", "method", "ct_mode", "ct_transport", "ike_auth", "profile",
                 "dad", "ra_min_ms", "ra_max_ms", "l2_delay_ms", "access_delay_ms",
                 "core_delay_ms", "aaa_delay_ms", "probe_interval_ms", "handover_period_ms",
                 "seed", "run"]
HANDOVERS = CONFIGURATION + [
    "handover", "path", "complete", "handover_s", "t_initial_mip_s", "t_detach_s", "t_attach_s",
    "t_coa_formed_s", "t_coa_s", "t_mip_s", "t_sec_s", "alpha_ms", "movement_detection_ms",
    "dad_wait_ms", "registration_ms", "security_delay_ms", "probe_delay_ms", "outage_ms",
    "outage_down_ms", "outage_up_ms", "sent_down", "lost_down", "sent_up", "lost_up", "messages",
    "bytes", "core_messages", "core_bytes", "cycle_ms", "tunnel_down_ms", "cycle_sent_probes",
    "cycle_lost_probes"]
SUMMARY = CONFIGURATION + ["metric", "n", "mean", "ci95"]

COMMON = ["--handovers=2", "--coreDelay=7ms", "--dad=off", "--seed=5", "--run=3",
          "--handoverPeriod=3s"]
RUNS = {
    "cxtp-ipsec-sim": (["--method=ikev1-ct", "--ns3::HandoverSecurityCt::Mode=reactive"],
                       {"method": "ikev1-ct", "ct_mode": "reactive", "ct_transport": "udp",
                        "profile": "testbed-2008"}),
    "cxtp-ipsec-context-transfer": (["--ctTransport=icmpv6", "--profile=zero"],
                                    {"method": "ikev1-ct", "ct_mode": "predictive",
                                     "ct_transport": "icmpv6", "profile": "zero"}),
    "cxtp-ipsec-mipv6-handover": (["--method=none"],
                                  {"method": "none", "ct_mode": "", "ct_transport": "",
                                   "profile": ""}),
}


def read(path, columns, failures):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader if len(r) == len(header)]
    if header != columns:
        failures.append(f"{path}: columns {header}, want {columns}")
    return rows


def main():
    bin_dir, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    failures = []
    for program, (extra, want) in RUNS.items():
        out = os.path.join(work, program)
        cmd = [os.path.join(bin_dir, program), f"--outputDir={out}"] + COMMON + extra
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            failures.append(f"{' '.join(cmd)}: exit {done.returncode}: {done.stderr.strip()}")
            continue
        want = dict(want, program=program, dad="off", core_delay_ms="7.000", seed="5", run="3",
                    handover_period_ms="3000.000")
        for name, columns in (("handovers.csv", HANDOVERS), ("summary.csv", SUMMARY)):
            rows = read(os.path.join(out, name), columns, failures)
            if not rows:
                failures.append(f"{program}/{name}: no rows")
                continue
            for key in CONFIGURATION:
                values = {r[key] for r in rows}
                if len(values) != 1:
                    failures.append(f"{program}/{name}: {key} differs between rows: {values}")
            for key, value in want.items():
                if rows[0][key] != value:
                    failures.append(f"{program}/{name}: {key} = '{rows[0][key]}', want '{value}'")
            if not rows[0]["commit"]:
                failures.append(f"{program}/{name}: empty commit")
        handovers = read(os.path.join(out, "handovers.csv"), HANDOVERS, [])
        if len(handovers) != 2:
            failures.append(f"{program}: {len(handovers)} handover rows, want 2")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(RUNS)} programs, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
