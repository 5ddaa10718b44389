#!/usr/bin/python3
"""Slurm backend of scripts/sweep.py (--backend slurm): the points of the grid as sbatch job arrays.

The points still to run become the tasks of one job array (several when there are more than the
cluster's MaxArraySize). Each task runs this file with --run-task: it looks its point up by
SLURM_ARRAY_TASK_ID in a manifest written at submission and runs cxtp_results.run_sim, so a task
runs the very command line of the local backend and writes the same point directory with the
same atomic completion marker (OUT/<method>/rate-<r>/run-<n>/ for the default grid, one level per
grid key with --grid; with command.txt and summary.csv, renamed into place when complete). Points done by either backend are therefore skipped by both.

Waiting, the progress bar comes from those completion markers; a task whose simulation fails
writes <job>_<task>.failed next to its stderr file; squeue (never sacct, which needs accounting
storage) only tells which tasks are still queued or running, so that a task killed without a
word (time limit, memory, node failure) is reported too.

Shared file system: as on every Slurm cluster, the compute nodes are assumed to see this
machine's files at the same paths. The tasks run the simulator (--sim), read the cost profile,
run these scripts and write into --out. Before submitting, check_shared_fs() refuses paths on a
file system local to this machine (tmpfs, or the root file system) when the partition has other
nodes than this one (--no-fs-check skips that); each task checks again on its node.

Files under OUT/.slurm/:
  submission.json                 the latest submission: its jobs and manifests (for --collect)
  <stamp>/tasks-<c>.json          manifest of the c-th job array: one entry per task
  <stamp>/<job>_<task>.out, .err  each task's stdout and stderr
  <stamp>/<job>_<task>.failed     written by a failed task: its one-line error
"""

import argparse
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cxtp_results as cr  # noqa: E402

TOOLS = ("sbatch", "squeue", "sinfo", "scontrol")
# sbatch options that the backend sets itself.
RESERVED = {"array", "output", "error", "input", "wrap", "parsable", "wait", "chdir", "test-only"}
# Job states after which a task runs no more (anything else: still queued or running).
FINISHED = {"BOOT_FAIL", "CANCELLED", "COMPLETED", "DEADLINE", "FAILED", "NODE_FAIL",
            "OUT_OF_MEMORY", "PREEMPTED", "TIMEOUT"}
# File systems that are this machine's own, and shared ones that may hold the root file system.
LOCAL_FS = {"tmpfs", "ramfs"}
SHARED_FS = {"nfs", "nfs4", "lustre", "gpfs", "beegfs", "ceph", "cephfs", "glusterfs",
             "fuse.glusterfs", "cifs", "smb3", "panfs", "wekafs", "pvfs2", "orangefs", "afs"}
POLL_S = 2       # completion markers are looked at this often
SQUEUE_S = 5     # squeue is asked this often
GRACE_S = 30     # a task out of the queue without any marker is failed after this long (NFS caches)
JOB_NAME = "cxtp-sweep"


def sbatch_option(text):
    """argparse type of --slurm-opt: NAME=VALUE (or a bare NAME), an sbatch long option without
    its dashes; returned as --NAME=VALUE."""
    body = text[2:] if text.startswith("--") else text
    name, eq, value = body.partition("=")
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not an sbatch long option such as partition=NAME, time=30:00, mem=1G "
            "or account=NAME")
    if name in RESERVED:
        raise argparse.ArgumentTypeError(f"'{name}' is set by the sweep itself")
    if eq and not value:
        raise argparse.ArgumentTypeError(f"'{text}' has an empty value")
    return f"--{name}={value}" if eq else f"--{name}"


def check_tools():
    """Exits with status 2 and one line if a Slurm client command is missing."""
    for tool in TOOLS:
        if shutil.which(tool) is None:
            cr.die(f"--backend slurm: '{tool}' not found on PATH (Slurm's client commands are "
                   "needed on this machine)")


def slurm(*args):
    """Runs a Slurm client command; returns its stdout, or exits with status 1 and its error."""
    try:
        p = subprocess.run(list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        cr.die(f"{args[0]}: {e}", 1)
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]
        cr.die(f"{args[0]} failed: {re.sub(r'^[a-z_]+: error: ', '', last)}", 1)
    return p.stdout


def max_array_size():
    """The cluster's MaxArraySize (array indices run from 0 to MaxArraySize - 1)."""
    m = re.search(r"^MaxArraySize\s*=\s*(\d+)", slurm("scontrol", "show", "config"), re.M)
    return max(1, int(m.group(1))) if m else 1001


def queue_states(jobs):
    """{(job id, task index): state} of the tasks of these jobs that slurmctld still knows
    (as strings), or None when squeue fails."""
    try:
        p = subprocess.run(["squeue", "-h", "-r", "-t", "all", "-j", ",".join(jobs),
                            "-o", "%F %K %T"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if p.returncode != 0:
        # All of them purged from slurmctld's memory already (MinJobAge): none is left.
        return {} if "Invalid job id" in p.stderr else None
    states = {}
    for line in p.stdout.splitlines():
        fields = line.split()
        if len(fields) == 3:
            states[(fields[0], fields[1])] = fields[2]
    return states


# ---- Submission record -----------------------------------------------------------------------

def record_path(out):
    return os.path.join(out, ".slurm", "submission.json")


def write_text(path, text):
    """Writes a file atomically (a temporary sibling renamed into place)."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def write_json(path, data):
    write_text(path, json.dumps(data, indent=1) + "\n")


def load_record(out):
    try:
        with open(record_path(out)) as f:
            return json.load(f)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        cr.die(f"cannot read {cr.rel(record_path(out))}: {e}", 1)


def identity(out_dir):
    """Which completion marker a point directory holds now (None: none), to tell a rerun's
    marker from the one it replaces (--force)."""
    try:
        st = os.stat(os.path.join(out_dir, "command.txt"))
    except OSError:
        return None
    return [st.st_ino, st.st_mtime_ns]


def task_key(task):
    return (task["out_dir"], task["sim"], json.dumps(task["options"]))


class Entry:
    """One array task: its point (label, sim, out_dir, options) and where Slurm runs it."""

    def __init__(self, task, job, index, directory):
        self.task = task
        self.job = job
        self.index = index
        self.directory = directory

    @property
    def label(self):
        return self.task["label"]

    def path(self, suffix):
        return os.path.join(self.directory, f"{self.job}_{self.index}.{suffix}")

    def complete(self):
        t = self.task
        return (cr.is_done(t["out_dir"], t["sim"], t["options"])
                and identity(t["out_dir"]) != t.get("before"))

    def failure(self):
        """The task's own error line, if it wrote one."""
        try:
            with open(self.path("failed")) as f:
                return f.read().strip() or "(no message)"
        except OSError:
            return None


def recorded_entries(record):
    entries = []
    for job in record["jobs"]:
        try:
            with open(job["manifest"]) as f:
                tasks = json.load(f)["tasks"]
        except (OSError, ValueError, KeyError) as e:
            cr.die(f"cannot read the manifest of Slurm job {job['job']}: {e}", 1)
        entries += [Entry(t, job["job"], i, os.path.dirname(job["manifest"]))
                    for i, t in enumerate(tasks)]
    return entries


def check_no_live_jobs(out):
    """Exits with status 1 if tasks of the recorded submission into out are still queued or
    running (a second submission, or the local backend, would run their points twice)."""
    record = load_record(out)
    if not record or not record["jobs"] or shutil.which("squeue") is None:
        return
    states = queue_states([j["job"] for j in record["jobs"]]) or {}
    live = sorted({job for (job, _), state in states.items() if state not in FINISHED})
    if live:
        cr.die(f"Slurm job(s) {', '.join(live)} of an earlier submission into {cr.rel(out)} are "
               f"still queued or running: wait for them with --backend slurm --collect, or "
               f"cancel them with scancel {' '.join(live)}", 1)


# ---- Shared file system ----------------------------------------------------------------------

def mounts():
    """(mount point, file system type) of this process's mounts, in mount order."""
    result = []
    try:
        with open("/proc/self/mountinfo") as f:
            for line in f:
                left, _, right = line.partition(" - ")
                point = left.split()[4].encode().decode("unicode_escape")
                result.append((point, right.split()[0]))
    except (OSError, IndexError):
        pass
    return result


def node_local(path, table):
    """Why path is on a file system of this machine only, or '' (as far as one can tell)."""
    real = os.path.realpath(path)
    best = ("", "")
    for point, fstype in table:
        if (real == point or real.startswith(point.rstrip("/") + "/")) and len(point) >= len(
                best[0]):
            best = (point, fstype)
    point, fstype = best
    if fstype in LOCAL_FS:
        return f"a {fstype} file system ({point})"
    if point == "/" and fstype not in SHARED_FS:
        return f"this machine's root file system ({fstype})"
    return ""


def check_shared_fs(a):
    """Exits with status 2 and one line if something the tasks need is on a file system local to
    this machine while the partition has other nodes."""
    if a.no_fs_check:
        return
    partitions = None  # the default one
    for opt in a.slurm_opt:
        if opt.startswith("--partition="):
            partitions = set(opt.split("=", 1)[1].split(","))
    nodes = set()
    for line in slurm("sinfo", "-h", "-N", "-o", "%N %P").splitlines():
        node, partition = line.split()
        if (partition.rstrip("*") in partitions) if partitions else partition.endswith("*"):
            nodes.add(node)
    host = socket.gethostname()
    others = sorted(nodes - {host, host.split(".")[0], "localhost"})
    if not others:
        return  # the only compute node is this machine
    profiles = [cr.resolve_profile(p) for p in a.grid.get("profile", [a.profile])]
    needed = ([("--sim", a.sim)] + [("--profile", p) for p in profiles]
              + [("the scripts", os.path.dirname(os.path.abspath(__file__))), ("--out", a.out)])
    if not (os.path.isabs(a.sim) and all(os.path.isabs(p) for p in profiles)):
        needed.append(("the working directory", os.getcwd()))
    table = mounts()
    for what, path in needed:
        why = node_local(path, table)
        if why:
            cr.die(f"{what} {path} is on {why}, which compute nodes such as {others[0]} do not "
                   "see: the Slurm backend needs the simulator, profile, scripts and --out on a "
                   "file system shared with the compute nodes (--no-fs-check if it is)")


# ---- Submit and wait -------------------------------------------------------------------------

def sbatch(a, manifest, count, directory):
    """Submits one job array of count tasks; returns its job id."""
    array = f"0-{count - 1}" + (f"%{a.jobs}" if a.jobs else "")
    task = [sys.executable, os.path.abspath(__file__), "--run-task", manifest]
    cmd = (["sbatch", "--parsable", f"--job-name={JOB_NAME}", f"--array={array}", "--ntasks=1",
            "--cpus-per-task=1", f"--chdir={os.getcwd()}",
            f"--output={directory}/%A_%a.out", f"--error={directory}/%A_%a.err"]
           + a.slurm_opt + ["--wrap", "exec " + shlex.join(task)])
    return slurm(*cmd).strip().split(";")[0]


def submit(a, todo):
    """Submits the tasks (dicts: label, sim, out_dir, options) as job arrays of at most
    MaxArraySize tasks each; records the submission; returns its entries."""
    size = max_array_size()
    directory = os.path.join(a.out, ".slurm", time.strftime("%Y%m%d-%H%M%S-") + str(os.getpid()))
    os.makedirs(directory)
    record = {"command": cr.command_line(), "directory": directory, "jobs": []}
    entries = []
    for c, start in enumerate(range(0, len(todo), size)):
        tasks = [dict(t, before=identity(t["out_dir"])) for t in todo[start:start + size]]
        manifest = os.path.join(directory, f"tasks-{c}.json")
        write_json(manifest, {"tasks": tasks})
        try:
            job = sbatch(a, manifest, len(tasks), directory)
        except SystemExit:
            if record["jobs"]:
                ids = " ".join(j["job"] for j in record["jobs"])
                sys.stderr.write(f"sweep: job(s) {ids} were submitted before: collect them with "
                                 f"--collect or cancel them with scancel {ids}\n")
            else:
                shutil.rmtree(directory, ignore_errors=True)
            raise
        record["jobs"].append({"job": job, "manifest": manifest, "tasks": len(tasks)})
        write_json(record_path(a.out), record)
        entries += [Entry(t, job, i, directory) for i, t in enumerate(tasks)]
    jobs = ", ".join(j["job"] for j in record["jobs"])
    sys.stderr.write(f"sweep: submitted {len(todo)} task(s) as Slurm job array(s) {jobs} "
                     f"(at most {size} tasks each; logs in {cr.rel(directory)})\n")
    return entries


def wait(entries):
    """Waits until every task has its completion marker or has failed, with a progress bar;
    returns the failures as (entry, message)."""
    progress = cr.Progress(len(entries))
    jobs = sorted({e.job for e in entries}, key=int)
    left, failures, gone = list(entries), [], {}
    next_queue, squeue_failed = 0.0, False

    def fail(e, message):
        failures.append((e, message))
        progress.note(f"FAILED {e.label}: {message}")
        progress.step(e.label)

    while left:
        states = None
        if time.monotonic() >= next_queue:
            states = queue_states(jobs)
            next_queue = time.monotonic() + SQUEUE_S
            if states is None and not squeue_failed:
                progress.note("sweep: note: squeue failed; waiting for the completion markers")
            squeue_failed = states is None
        still = []
        for e in left:  # after squeue: a task that left the queue has written its marker
            if e.complete():
                progress.step(e.label)
                continue
            message = e.failure()
            if message is not None:
                fail(e, message)
                continue
            if states is not None:
                state = states.get((e.job, str(e.index)))
                if state is None or state in FINISHED:
                    first = gone.setdefault(e, time.monotonic())
                    if time.monotonic() - first >= GRACE_S:
                        fail(e, f"the Slurm task ended ({state or 'no longer in the queue'}) "
                             "without a result")
                        continue
                else:
                    gone.pop(e, None)
            still.append(e)
        left = still
        if left:
            time.sleep(POLL_S)
    return failures


def run(a, tasks, todo):
    """The Slurm backend of sweep.py for the grid's tasks (dicts: label, sim, out_dir, options)
    of which todo are not done: submits todo (or with --collect finds the recorded submission),
    waits and reports. Returns an exit status, or None once every point is done."""
    if a.collect:
        record = load_record(a.out)
        by_key = {task_key(e.task): e for e in (recorded_entries(record) if record else [])}
        entries = [by_key[task_key(t)] for t in tasks
                   if task_key(t) in by_key and not by_key[task_key(t)].complete()]
        missing = [t for t in todo if task_key(t) not in by_key]
        if missing:
            where = "are not in the Slurm submission recorded" if record else (
                "are not done, and no Slurm submission is recorded")
            cr.die(f"--collect: {len(missing)} point(s) of this grid ({missing[0]['label']}, ...) "
                   f"{where} in {cr.rel(a.out)}: submit them first (the same command without "
                   "--collect)", 1)
        if entries:
            sys.stderr.write(f"sweep: waiting for {len(entries)} task(s) of Slurm job(s) "
                             f"{', '.join(sorted({e.job for e in entries}, key=int))}\n")
    else:
        if not todo:
            return None
        check_no_live_jobs(a.out)
        check_shared_fs(a)
        entries = submit(a, todo)
        if a.submit_only:
            collect = cr.command_line().replace(" --submit-only", " --collect")
            print(f"Submitted; once the tasks have run (squeue -j "
                  f"{','.join(sorted({e.job for e in entries}, key=int))}), collect with:\n"
                  f"  {collect}")
            return 0
    try:
        failures = wait(entries)
    except KeyboardInterrupt:
        jobs = " ".join(sorted({e.job for e in entries}, key=int))
        sys.stderr.write(f"\nsweep: stopped waiting; Slurm job(s) {jobs} keep running: collect "
                         f"them with --collect, or cancel them with scancel {jobs}\n")
        return 130
    if failures:
        sys.stderr.write(f"sweep: {len(failures)} of {len(entries)} Slurm task(s) failed; the "
                         "others are kept, rerun to retry:\n")
        for e, message in failures:
            sys.stderr.write(f"  {e.label}: {message}\n    stderr: {cr.rel(e.path('err'))}\n")
        return 1
    return None


# ---- The array task --------------------------------------------------------------------------

def run_task(manifest):
    """One array task: runs the point at index SLURM_ARRAY_TASK_ID of the manifest exactly like
    the local backend (cxtp_results.run_sim). On failure, writes the simulator's stderr and one
    line to stderr, the line also to <job>_<task>.failed, and exits with status 1."""
    index = int(os.environ["SLURM_ARRAY_TASK_ID"])
    job = os.environ.get("SLURM_ARRAY_JOB_ID", "0")
    host = socket.gethostname()
    started = time.monotonic()
    try:
        with open(manifest) as f:
            t = json.load(f)["tasks"][index]
        profile = cr.resolve_profile(t["options"]["profile"])
        absent = [p for p in (t["sim"], profile) if not os.path.exists(p)]
        if absent:
            raise cr.SimError(f"{', '.join(absent)} not found on node {host}: the Slurm backend "
                              "needs it on a file system shared with the compute nodes")
        cr.run_sim(t["sim"], t["out_dir"], t["options"])
    except (cr.SimError, OSError, ValueError, LookupError) as e:
        message = " ".join(str(e).split()) or type(e).__name__
        if getattr(e, "stderr", ""):
            sys.stderr.write(e.stderr.rstrip("\n") + "\n")
        sys.stderr.write(f"sweep task {job}_{index} on {host}: FAILED: {message}\n")
        try:
            write_text(os.path.join(os.path.dirname(manifest), f"{job}_{index}.failed"),
                            message + "\n")
        except OSError:
            pass
        return 1
    print(f"{t['label']}: done on {host} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--run-task":
        sys.exit(run_task(sys.argv[2]))
    sys.exit("usage: sweep_slurm.py --run-task MANIFEST  (the array tasks of "
             "scripts/sweep.py --backend slurm run this)")
