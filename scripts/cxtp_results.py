"""Shared helpers of the cxtp-ipsec scripts: running cxtp-ipsec-sim, reading its CSV files,
means with Student-t 95% confidence intervals, a plain-text progress bar and a parallel runner.

Used by scripts/sweep.py, scripts/paper_table.py and scripts/breakdown.py (Debian's
/usr/bin/python3; standard library only, matplotlib is imported by the scripts that plot).
"""

import argparse
import concurrent.futures
import csv
import importlib.util
import math
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SIM = os.path.join(ROOT, "build", "bin", "cxtp-ipsec-sim")
PROFILE_DIR = os.path.join(ROOT, "contrib", "cxtp-ipsec", "profiles")

# Two-sided 95% quantiles t_{0.975, df} of Student's t distribution, df = 1..30.
_T975 = [
    12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851,
    2.364624252, 2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830,
    2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040,
    2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
    2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
]


def t975(df):
    """t_{0.975, df}: exact table up to 30 degrees of freedom, beyond it the Cornish-Fisher
    expansion around the normal quantile (error < 1e-6 for df > 30)."""
    if df < 1:
        raise ValueError("Student's t needs at least one degree of freedom")
    if df <= len(_T975):
        return _T975[df - 1]
    z = 1.959963984540054
    n = float(df)
    return (z + (z**3 + z) / (4 * n) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * n**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * n**3)
            + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * n**4))


def mean_ci95(values):
    """(mean, half-width of the 95% confidence interval with Student's t) of a sample; the
    half-width is NaN with fewer than two values, both are NaN for an empty sample."""
    values = [float(v) for v in values]
    n = len(values)
    if n == 0:
        return math.nan, math.nan
    mean = math.fsum(values) / n
    if n < 2:
        return mean, math.nan
    var = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, t975(n - 1) * math.sqrt(var / n)


def read_csv(path):
    """Rows of a CSV file with a header line, as dicts of strings."""
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    """Writes a CSV file: the header line first, then one line per row (sequence or dict)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([row[h] for h in header] if isinstance(row, dict) else row)
    os.replace(tmp, path)


def fmt(value, digits=3):
    """A number for a CSV cell: fixed decimals, empty for NaN or None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def num(text):
    """A CSV cell as a float (NaN when empty)."""
    return float(text) if text not in ("", None) else math.nan


def rel(path):
    """A path relative to the repository root when it lies inside it (for printed commands)."""
    path = os.path.abspath(path)
    return os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path


def command_line():
    """The command that was run, as a user would type it from the repository root."""
    script = rel(sys.argv[0])
    args = [rel(a) if os.path.isabs(a) else a for a in sys.argv[1:]]
    return " ".join(shlex.quote(a) for a in ["/usr/bin/python3", script] + args)


class SimError(RuntimeError):
    """cxtp-ipsec-sim failed (crash, invalid option, missing output); stderr holds everything the
    simulator wrote there (the message itself has its last line only)."""

    def __init__(self, message, stderr=""):
        super().__init__(message)
        self.stderr = stderr


_running = set()  # simulator processes running now
_running_lock = threading.Lock()
_stopping = threading.Event()


def _stop_all():
    """Stops scheduling and terminates the simulator processes this script started."""
    with _running_lock:
        _stopping.set()
        for proc in _running:
            if proc.poll() is None:
                proc.terminate()


def _sigterm(signum, frame):
    raise KeyboardInterrupt


def lock_directory(path):
    """Takes an exclusive lock on path/.lock for the life of the process; exits with status 1
    if another process holds it (two sweeps writing the same points would clobber each other)."""
    import fcntl
    os.makedirs(path, exist_ok=True)
    f = open(os.path.join(path, ".lock"), "w")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        die(f"another process is writing into {path} (lock {path}/.lock)", 1)
    _locks.append(f)


_locks = []


def sim_command(sim, out_dir, options):
    """The argument list of one cxtp-ipsec-sim run; options is a dict of long option names."""
    return [sim] + [f"--{k}={v}" for k, v in options.items()] + [f"--outputDir={out_dir}"]


def run_sim(sim, out_dir, options):
    """Runs cxtp-ipsec-sim into out_dir, atomically: it writes into a sibling temporary directory
    that is renamed to out_dir once handovers.csv and summary.csv exist. Exit status 1 (some
    handover did not complete) is a valid result; anything else raises SimError. Returns the
    argument list that was run (also saved as out_dir/command.txt)."""
    tmp = out_dir.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    cmd = sim_command(sim, tmp, options)
    with _running_lock:
        if _stopping.is_set():
            raise SimError("interrupted")
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _running.add(proc)
    try:
        out, err = proc.communicate()
    finally:
        with _running_lock:
            _running.discard(proc)
    ok = proc.returncode in (0, 1) and all(
        os.path.exists(os.path.join(tmp, f)) for f in ("handovers.csv", "summary.csv"))
    if not ok:
        last = (err.strip().splitlines() or ["(no message)"])[-1]
        raise SimError(f"{' '.join(shlex.quote(c) for c in cmd)}: exit {proc.returncode}: {last}",
                       err)
    with open(os.path.join(tmp, "stdout.txt"), "w") as f:
        f.write(out)
    with open(os.path.join(tmp, "command.txt"), "w") as f:
        f.write(" ".join(shlex.quote(c) for c in sim_command(sim, out_dir, options)) + "\n")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.replace(tmp, out_dir)
    return cmd


def is_done(out_dir, sim, options):
    """True if out_dir holds a finished run made with exactly these options."""
    try:
        with open(os.path.join(out_dir, "command.txt")) as f:
            recorded = f.read().strip()
    except OSError:
        return False
    wanted = " ".join(shlex.quote(c) for c in sim_command(sim, out_dir, options))
    return recorded == wanted and os.path.exists(os.path.join(out_dir, "summary.csv"))


class Progress:
    """A plain-text progress bar on stderr: '[#####-----] 12/35 label'. Redrawn in place on a
    terminal, one line per step otherwise (logs, CI)."""

    def __init__(self, total, width=30, stream=sys.stderr):
        self.total = max(total, 1)
        self.done = 0
        self.width = width
        self.stream = stream
        self.tty = stream.isatty()
        self.lock = threading.Lock()

    def step(self, label):
        with self.lock:
            self.done += 1
            filled = self.width * self.done // self.total
            line = f"[{'#' * filled}{'-' * (self.width - filled)}] {self.done}/{self.total} {label}"
            if self.tty:
                self.stream.write("\r\033[K" + line + ("\n" if self.done >= self.total else ""))
            else:
                self.stream.write(line + "\n")
            self.stream.flush()

    def note(self, text):
        with self.lock:
            self.stream.write(("\r\033[K" if self.tty else "") + text + "\n")
            self.stream.flush()


def run_parallel(jobs, n_workers, label_of, run_one, progress=None):
    """Runs run_one(job) for every job on n_workers threads (each starts one sim process), in
    the order given (put the longest first). Returns (results in job order, errors as strings).
    Ctrl-C or SIGTERM stops scheduling and terminates the running simulations (their temporary
    directories are left behind and replaced on the next run), then raises KeyboardInterrupt."""
    results = [None] * len(jobs)
    errors = []
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _sigterm)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, n_workers)) as pool:
        futures = {pool.submit(run_one, job): i for i, job in enumerate(jobs)}
        try:
            for fut in concurrent.futures.as_completed(futures):
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except SimError as e:
                    errors.append(str(e))
                    if progress:
                        progress.note(f"FAILED {label_of(jobs[i])}: {e}")
                if progress:
                    progress.step(label_of(jobs[i]))
        except KeyboardInterrupt:
            for fut in futures:
                fut.cancel()
            _stop_all()
            raise
    return results, errors


def run_main(main):
    """Runs a script's main(): its return value is the exit status; Ctrl-C or SIGTERM gives one
    line and status 130."""
    try:
        return main()
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{os.path.basename(sys.argv[0])}: interrupted; finished runs are "
                         "kept\n")
        return 130


def check_sim(sim):
    """Exits with status 2 and one line if the simulator is not there."""
    if not (os.path.isfile(sim) and os.access(sim, os.X_OK)):
        die(f"simulator '{sim}' not found or not executable (build it with ./scripts/build, "
            "or give --sim PATH)")


def die(message, status=2):
    """One-line error on stderr and exit (2: invalid arguments)."""
    sys.stderr.write(f"{os.path.basename(sys.argv[0])}: error: {message}\n")
    sys.exit(status)


class ArgumentParser(argparse.ArgumentParser):
    """argparse with a one-line error message and exit status 2 on invalid arguments."""

    def error(self, message):
        die(message, 2)


def _int_at_least(text, minimum, what):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an integer") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"'{text}' {what}")
    return value


def positive_int(text):
    """argparse type: an integer >= 1."""
    return _int_at_least(text, 1, "must be at least 1")


def non_negative_int(text):
    """argparse type: an integer >= 0."""
    return _int_at_least(text, 0, "must not be negative")


def sim_help(sim):
    """The text of cxtp-ipsec-sim --help ('' if it cannot be had)."""
    try:
        return subprocess.run([sim, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


_HELP_OPTION = re.compile(r"^\s+(?:-\w \[ )?--([A-Za-z][A-Za-z0-9]*)(?: \])?(?: arg)?"
                          r"(?: \(=([^)]*)\))?(?:\s|$)")


def sim_options(sim):
    """{option name: its default, or None} of the options that cxtp-ipsec-sim --help lists under
    'Options:' (empty if unknown); ns-3 attributes (--ns3::Class::Attribute) are not among them."""
    options = {}
    section = False
    for line in sim_help(sim).splitlines():
        if line.strip() == "Options:":
            section = True
        elif section and not line.strip():
            break
        elif section:
            m = _HELP_OPTION.match(line)
            if m:
                options[m.group(1)] = m.group(2)
    return options


def check_sim_options(sim, options):
    """Whether cxtp-ipsec-sim takes these options (a dict, as for sim_command), without running a
    simulation: the simulator checks every option and the profile before it creates its output
    directory, and is given one it cannot create. Returns None, or the simulator's one-line
    complaint about the options."""
    impossible = os.path.join(os.devnull, "cxtp-option-check")
    try:
        p = subprocess.run(sim_command(sim, impossible, options), stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    last = (p.stderr.strip().splitlines() or [""])[-1]
    if p.returncode == 2 and "--outputDir" not in last:
        return last
    return None


def sim_methods(sim):
    """The method names that cxtp-ipsec-sim accepts, read from its --help (empty if unknown)."""
    text = " ".join(sim_help(sim).split())
    marker = "security re-establishment method:"
    if marker not in text:
        return []
    tail = text.split(marker, 1)[1]
    names = []
    for token in tail.replace(",", " ").split():
        if token.startswith("--") or token.startswith("("):
            break
        names.append(token)
    return names


def resolve_profile(name_or_path):
    """A profile name (testbed-2008) or INI path, as cxtp-ipsec-sim resolves it."""
    if "/" in name_or_path or name_or_path.endswith(".ini"):
        return name_or_path
    return os.path.join(PROFILE_DIR, name_or_path + ".ini")


def require_matplotlib():
    """Makes sure matplotlib can be imported: if this interpreter lacks it, re-runs the script
    with Debian's /usr/bin/python3 (which has it), else exits with status 2 and one line."""
    if importlib.util.find_spec("matplotlib") is not None:
        return
    debian = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(debian) and os.access(debian, os.X_OK):
        os.execv(debian, [debian] + sys.argv)
    die("matplotlib is not available; install Debian's python3-matplotlib and run with "
        "/usr/bin/python3")


def git_describe():
    """The repository's commit, with -dirty when files outside results/ differ from it (the
    outputs themselves do not make the model dirty), for provenance in the outputs."""
    def git(*args):
        return subprocess.run(["git", "-C", ROOT] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, timeout=10)
    try:
        commit = git("rev-parse", "--short", "HEAD").stdout.strip()
        if not commit:
            return "unknown"
        dirty = git("diff", "--quiet", "HEAD", "--", ".", ":(exclude)results").returncode != 0
        return commit + ("-dirty" if dirty else "")
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"