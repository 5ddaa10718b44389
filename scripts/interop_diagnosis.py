#!/usr/bin/python3
"""What a failed interop case did, in a few short lines for a CI log.

scripts/interop-strongswan and scripts/interop-freeradius print this under a FAIL verdict, so
that a failure can be read from the CI log alone (the case's files stay on the CI machine):

- the model's event log: the last "[+...ms]" lines of model.out (the model's simulated clock,
  real time from the start of its simulation; the wall-clock time of the model's start comes
  from --model-start);
- the peer's packet log: the last lines of charon.log or radiusd.log that match --peer-pattern
  (sent and received messages, retransmissions, socket errors);
- the model's capture (the pcap of its FdNetDevice, what the model read from and wrote to the
  tap; the same clock as model.out): one line per IKE or RADIUS message (time, source,
  destination, exchange or code, message ID or Identifier, response flag, length), and per
  ICMPv6 Neighbor Solicitation/Advertisement or error, with counts of what is left out;
- with --tap-pcap (the tap captured on its Linux side, wall-clock times): the messages one side
  of the tap carried and the other did not (sent by the kernel but never read by the model's
  device, or written by the model but never received by the kernel), and the model's UDP
  datagrams with a bad checksum (one of 0 is "none", which IPv6 forbids: Linux drops them);
- with --kernel (the tap's counters and /proc/net/snmp6 of the namespace at the end of the
  case): the tap's packets and drops (frames the kernel sent while no program read the tap
  count as dropped), the non-zero IPv6, UDP and ICMPv6 error counters (Udp6InCsumErrors: the
  kernel dropped datagrams for their checksum).

Each part is at most --lines lines; every line is indented and cut to --width characters.
"""

import argparse
import datetime
import re
import subprocess

IKEV2_EXCHANGES = {34: "IKE_SA_INIT", 35: "IKE_AUTH", 36: "CREATE_CHILD_SA",
                   37: "INFORMATIONAL"}
IKEV1_EXCHANGES = {2: "ID_PROT", 4: "AGGRESSIVE", 5: "INFORMATIONAL", 32: "QUICK_MODE"}
RADIUS_CODES = {1: "Access-Request", 2: "Access-Accept", 3: "Access-Reject",
                11: "Access-Challenge", 4: "Accounting-Request", 5: "Accounting-Response"}
ICMPV6_TYPES = {1: "unreachable", 2: "too big", 3: "time exceeded", 4: "param problem",
                135: "NS", 136: "NA"}
ICMPV6_DISPLAY = "(icmpv6.type >= 1 && icmpv6.type <= 4) || icmpv6.type == 135 || icmpv6.type == 136"
FIELDS = ["frame.time_epoch", "eth.dst", "ipv6.src", "ipv6.dst", "icmpv6.type", "icmpv6.nd.ns.target_address",
          "icmpv6.nd.na.target_address", "ipv6.nxt", "udp.srcport", "udp.dstport",
          "isakmp.version", "isakmp.exchangetype", "isakmp.messageid", "isakmp.flag_r",
          "isakmp.flag_e", "isakmp.length", "radius.code", "radius.id", "radius.length"]


def cut(text, width):
    return text if len(text) <= width else text[: width - 3] + "..."


def model_events(path, count):
    """The model's last events; without any (it did not start), the last lines of its output."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [line.strip() for line in f if line.strip()]
    except OSError as e:
        return [], f"{path}: {e.strerror}"
    events = [line for line in lines if line.startswith("[+")]
    if not events:
        return lines[-3:], f"no events; the last {min(3, len(lines))} of {len(lines)} lines"
    shown = events[-count:]
    return shown, f"{len(shown)} of {len(events)}"


def peer_lines(path, pattern, count):
    """The peer's last lines that match pattern."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [line.rstrip("\n") for line in f if re.search(pattern, line)]
    except OSError as e:
        return [], f"{path}: {e.strerror}"
    # charon: "15:36:01.123 11[NET] text" -> "15:36:01.123 NET text"
    lines = [re.sub(r"^(\S+) \d+\[([A-Z]+)\] ", r"\1 \2 ", line) for line in lines]
    shown = lines[-count:]
    return shown, f"{len(shown)} of {len(lines)} lines"


def first(value):
    """tshark's first occurrence of a field (an ICMPv6 error holds two IPv6 headers)."""
    return value.split(",")[0] if value else ""


def describe(row, args):
    """One frame: its kind and the text after its addresses."""
    f = dict(zip(FIELDS, row))
    kind, text = describe_payload(f, args.protocol)
    # The model's capture is promiscuous: a unicast frame to another MAC is in it, but its
    # device does not take it.
    mac = f["eth.dst"].lower()
    if mac and not mac.startswith("33:33:") and mac != args.model_mac and \
            first(f["ipv6.dst"]) == args.model_address:
        text += f" - to MAC {mac}, not the model's"
    return kind, text


def describe_payload(f, protocol):
    """One frame's IPv6 payload: its kind and text."""
    kind = first(f["icmpv6.type"])
    if kind:
        name = ICMPV6_TYPES.get(int(kind), f"type {kind}")
        if kind in ("135", "136"):
            return "ndp", f"ICMPv6 {name} {f['icmpv6.nd.ns.target_address'] or f['icmpv6.nd.na.target_address']}"
        # the error's own addresses first, then the offending packet's
        inner = f["ipv6.src"].split(",")[1:2], f["ipv6.dst"].split(",")[1:2]
        about = f" about {inner[0][0]} > {inner[1][0]}" if inner[0] and inner[1] else ""
        nxt = f["ipv6.nxt"].split(",")
        return "icmp", f"ICMPv6 {name}{about}" + (f" proto {nxt[-1]}" if len(nxt) > 1 else "")
    ports = f"{f['udp.srcport']}>{f['udp.dstport']}"
    if protocol == "ike":
        version = first(f["isakmp.version"])
        exchange = int(first(f["isakmp.exchangetype"]) or -1)
        length = first(f["isakmp.length"])
        mid = first(f["isakmp.messageid"])
        if version == "0x20":
            flag = "response" if first(f["isakmp.flag_r"]) in ("1", "True") else "request"
            mid = int(mid, 16) if mid else "?"
            name = IKEV2_EXCHANGES.get(exchange, f"exchange {exchange}")
            return "ike", f"{name} #{mid} {flag} {length} B ({ports})"
        if version == "0x10":
            encrypted = " E" if first(f["isakmp.flag_e"]) in ("1", "True") else ""
            name = IKEV1_EXCHANGES.get(exchange, f"exchange {exchange}")
            return "ike", f"{name} {mid or '?'}{encrypted} {length} B ({ports})"
        # on UDP 500 but not ISAKMP: e.g. charon's UDP-encapsulated ESP (no non-ESP marker)
        return "other", f"not IKE on UDP ({ports})"
    code = int(first(f["radius.code"]) or -1)
    return "radius", (f"{RADIUS_CODES.get(code, f'code {code}')} id {first(f['radius.id'])} "
                      f"{first(f['radius.length'])} B ({ports})")


def capture(args, pcap):
    """The frames of pcap: (time, source, destination, kind, text), and counts by kind."""
    if args.protocol == "ike":
        display = f"isakmp || {ICMPV6_DISPLAY}"
    else:
        display = f"radius || {ICMPV6_DISPLAY}"
    command = [args.tshark, "-n", "-r", pcap, "-Y", display, "-T", "fields",
               "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"]
    for field in FIELDS:
        command += ["-e", field]
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=True,
                             timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as e:
        error = (getattr(e, "stderr", "") or str(e)).strip().splitlines()
        raise RuntimeError(f"tshark on {pcap}: {error[-1] if error else e}") from e
    frames = []
    kinds = {}
    for line in out.splitlines():
        row = (line.split("|") + [""] * len(FIELDS))[: len(FIELDS)]
        kind, text = describe(row, args)
        kinds[kind] = kinds.get(kind, 0) + 1
        frames.append((float(row[0] or 0), first(row[2]), first(row[3]), kind, text))
    return frames, kinds


def merge(lines):
    """Runs of equal lines (after their first word, the time) as one line with a count."""
    merged = []
    for line in lines:
        rest = line.split(" ", 1)[-1]
        if merged and merged[-1][1] == rest:
            merged[-1][2] += 1
        else:
            merged.append([line, rest, 1])
    return [line + (f" (x{n})" if n > 1 else "") for line, _, n in merged]


def pair(model, tap):
    """The model's frames matched to the tap's in order (source, destination and text): the
    pairs (model time, tap time, source), and the frames of each side the other has not."""
    left = {}
    for i, (_, src, dst, _, text) in enumerate(tap):
        left.setdefault((src, dst, text), []).append(i)
    pairs = []
    only_model = []
    used = set()
    for frame in model:
        indices = left.get((frame[1], frame[2], frame[4]))
        if indices:
            i = indices.pop(0)
            used.add(i)
            pairs.append((frame[0], tap[i][0], frame[1]))
        else:
            only_model.append(frame)
    only_tap = [frame for i, frame in enumerate(tap) if i not in used]
    return pairs, only_model, only_tap


def bad_checksums(args, pcap):
    """The model's UDP datagrams whose checksum does not verify, or is 0 (RFC 8200 §8.1)."""
    command = [args.tshark, "-n", "-r", pcap, "-o", "udp.check_checksum:TRUE", "-Y",
               f"ipv6.src == {args.model_address} && udp && (udp.checksum.status == 0 || "
               "udp.checksum == 0)", "-T", "fields", "-E", "separator=|", "-e",
               "frame.time_epoch", "-e", "ipv6.dst", "-e", "udp.dstport", "-e", "udp.length",
               "-e", "udp.checksum"]
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=True,
                             timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    rows = [line.split("|") for line in out.splitlines()]
    return [f"{wall(float(r[0]))} {args.model_address} > {r[1]} UDP to port {r[2]}, {r[3]} B, "
            + ("checksum 0 (none: IPv6 drops it)" if int(r[4], 16) == 0 else
               f"bad checksum {r[4]}") for r in rows if len(r) == 5]


KERNEL_ERRORS = re.compile(r"^(?P<name>Ip6In\w*(Errors|Discards|NoRoutes|TruncatedPkts)|Ip6Out"
                           r"(Discards|NoRoutes)|Icmp6(In|Out)\w*Errors|Udp6\w*(Errors|NoPorts))"
                           r"\s+(?P<value>\d+)$")


def kernel(path):
    """The kernel's side at the end of the case, from the file the script wrote: the tap's
    packets and drops, the non-zero error counters."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        return [f"({e.strerror})"]
    tap = []
    for i, line in enumerate(lines):
        # ip -s link: a "RX:"/"TX:" heading, then its numbers
        m = re.match(r"^\s*(RX|TX):\s+bytes\s+packets\s+errors\s+dropped", line)
        numbers = lines[i + 1].split() if m and i + 1 < len(lines) else []
        if len(numbers) >= 4:
            tap.append(f"{m.group(1)} {numbers[1]} packets ({numbers[2]} errors, "
                       f"{numbers[3]} dropped)")
    errors = [f"{m['name']} {m['value']}" for m in map(KERNEL_ERRORS.match, lines)
              if m and m["value"] != "0"]
    return [f"tap {', '.join(tap) or '?'}", "error counters: " + (", ".join(errors) or "all 0")]


def wall(time):
    return datetime.datetime.fromtimestamp(time).strftime("%H:%M:%S.%f")[:-3]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-out", required=True, help="the model's model.out")
    parser.add_argument("--model-start", default="", help="wall-clock time the model started")
    parser.add_argument("--peer", required=True, help="the peer's name (charon, FreeRADIUS)")
    parser.add_argument("--peer-log", required=True)
    parser.add_argument("--peer-pattern", required=True, help="regex of the peer's lines to show")
    parser.add_argument("--pcap", required=True, help="the model's capture")
    parser.add_argument("--tap-pcap", default="", help="the tap captured on its Linux side")
    parser.add_argument("--kernel", default="", help="the kernel's counters at the end")
    parser.add_argument("--model-address", default="fd00:11::100")
    parser.add_argument("--model-mac", default="02:00:00:00:11:02",
                        help="the model's MAC (the interop programs' default --mac)")
    parser.add_argument("--model-end", type=float, default=0.0,
                        help="when the model had exited (seconds since the epoch)")
    parser.add_argument("--protocol", choices=["ike", "radius"], required=True)
    parser.add_argument("--lines", type=int, default=12, help="lines per part at most")
    parser.add_argument("--width", type=int, default=108, help="characters per line at most")
    parser.add_argument("--tshark", default="tshark")
    args = parser.parse_args()

    def show(heading, lines):
        print(cut(f"  {heading}", args.width))
        for line in lines:
            print(cut(f"    {line}", args.width))

    events, what = model_events(args.model_out, args.lines)
    start = f", started at {args.model_start}" if args.model_start else ""
    show(f"model events ({what}{start}):", events)
    lines, what = peer_lines(args.peer_log, args.peer_pattern, args.lines)
    show(f"{args.peer} ({what}):", lines)
    try:
        frames, kinds = capture(args, args.pcap)
        lines = merge([f"+{t:.3f}s {src} > {dst} {text}" for t, src, dst, _, text in frames])
        shown = lines[-args.lines:]
        counts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        show(f"model's capture ({len(shown)} of {len(lines)} lines; {counts or 'no frames'}):",
             shown)
    except RuntimeError as e:
        frames = None
        show(f"model's capture: {e}", [])
    if args.kernel:
        show("kernel at the end (namespace):", kernel(args.kernel))
    if args.tap_pcap:
        compare(args, frames, show)


def compare(args, frames, show):
    """The tap's Linux side against the model's capture (frames, None if it has none)."""
    try:
        tap, _ = capture(args, args.tap_pcap)
    except RuntimeError as e:
        show(f"tap's Linux side: {e}", [])
        return
    checksums = bad_checksums(args, args.tap_pcap)
    if frames is None:
        show(f"tap's Linux side ({len(tap)} frames; the model's capture is missing):",
             checksums + merge([f"{wall(t)} {src} > {dst} {text}"
                                for t, src, dst, _, text in tap])[-args.lines // 2:])
        return
    pairs, unseen, unread = pair(frames, tap)
    # The model's clock against the wall clock: a frame the model wrote is on the tap at once
    # (its capture time is the simulated time it was sent at: the difference beyond the least
    # one is how far the real-time simulator was behind), one it read was on the tap first (its
    # capture time is the real time its reader thread took it in).
    written = [tw - tm for tm, tw, src in pairs if src == args.model_address]
    heading = f"tap's Linux side ({len(tap)} frames"
    if written:
        offset = min(written)
        # (frames on the tap before the model's clock started, e.g. while it made its keys, are
        # read at its start: not late)
        lags = [tm + offset - tw for tm, tw, src in pairs
                if src != args.model_address and tw >= offset] or [0]
        heading += (f"; model +0 = {wall(offset)}, late <= {(max(written) - offset) * 1000:.0f}"
                    f" ms writing, {max(0, max(lags)) * 1000:.0f} ms reading")
    ended = [f for f in unread if args.model_end and f[0] > args.model_end - 0.1]
    unread = [f for f in unread if f not in ended]
    lines = [f"{wall(t)} {src} > {dst} {text} - not read by the model"
             for t, src, dst, _, text in unread]
    lines += [f"+{t:.3f}s {src} > {dst} {text} - written by the model, not on the tap"
              for t, src, dst, _, text in unseen]
    if ended:
        lines.append(f"({len(ended)} frames after the model stopped, not compared)")
    heading += ")" + (": same frames" if not lines and not checksums else ":")
    room = max(1, args.lines // 2 - len(checksums))
    show(heading, checksums + lines[-room:])


if __name__ == "__main__":
    main()
