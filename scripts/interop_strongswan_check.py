#!/usr/bin/python3
"""Checks one case of scripts/interop-strongswan: charon's log against the model's files.

Reads charon's file log (ike = 4, chd = 4, knl = 2, mgr = 2: it holds the derived keys), the
model's output directory (ikev1_decryption_table, esp_sa, ikev1_quick_modes.csv, summary.csv)
and the pcap of the model's FdNetDevice, and checks:

1. charon established the IKE_SA (main or aggressive mode, as asked);
2. charon went through the quick mode: selected the documented ESP proposal and derived the
   CHILD_SA keys, which it does once it has accepted the last quick-mode message it needs
   (QM3 as responder, QM2 as initiator); the CHILD_SA itself is established only if charon could
   install it in its kernel;
3. the phase-1 encryption key (and the initiator cookie) charon logged equal the model's
   ikev1_decryption_table entry;
4. the four ESP keys and both SPIs charon logged equal the model's: its installed SAs (esp_sa)
   when it installed them, and always the keys of its quick-mode state (ikev1_quick_modes.csv);
5. every ESP packet the model sent verifies (ICV good) and decrypts to its UDP probe in tshark
   with keys and SPIs taken from charon's log only, and there are as many as probes sent.

Prints one "  ok:"/"  FAIL:"/"  note:" line per check and a last "PASS <case>: ..." or
"FAIL <case>: ..." line; exit status 0 on PASS.
"""

import argparse
import csv
import ipaddress
import re
import subprocess
import sys

ESP_PROPOSAL = "ESP:3DES_CBC/HMAC_SHA1_96/MODP_768/NO_EXT_SEQ"
IKE_PROPOSAL = "IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024"
WS_ENC = "TripleDES-CBC [RFC2451]"
WS_INT = "HMAC-SHA-1-96 [RFC2404]"
PROBE_TEXT = b"cxtp-ipsec interop probe"

# "12:34:56 08[IKE] message" (file logger with time_format = %T)
LINE = re.compile(r"^\S+ \d+\[(?P<group>[A-Z]+)\] (?P<text>.*)$")
DUMP_HEAD = re.compile(r"^(?P<label>.*\S) => (?P<length>\d+) bytes @ ")
DUMP_LINE = re.compile(r"^\s*(?P<offset>\d+): (?P<hex>(?:[0-9A-F]{2} ?)+)")


class Report:
    """Collects the check lines."""

    def __init__(self):
        self.failures = []

    def ok(self, text):
        print(f"  ok: {text}")

    def fail(self, text):
        print(f"  FAIL: {text}")
        self.failures.append(text)

    @staticmethod
    def note(text):
        print(f"  note: {text}")

    def check(self, condition, good, bad):
        if condition:
            self.ok(good)
        else:
            self.fail(bad)
        return condition

    def verdict(self, case, summary):
        """Prints the case's verdict line: FAIL with the first three failures, or PASS with
        the summary; returns the exit status (1 or 0)."""
        if self.failures:
            reasons = [f.splitlines()[0].rstrip(":") for f in self.failures]
            more = f" (+{len(reasons) - 3} more)" if len(reasons) > 3 else ""
            print(f"FAIL {case}: " + "; ".join(reasons[:3]) + more)
            return 1
        print(f"PASS {case}: " + ", ".join(summary))
        return 0


def parse_charon_events(path):
    """charon's file log as one ordered list of events: ("msg", text, group) for each line (the
    first line of a hex dump included) and ("dump", label, bytes) for each hex dump, after the
    line that follows it. Both check scripts read charon's log through it."""
    events = []
    current = None

    def flush():
        nonlocal current
        if current is not None:
            events.append(("dump", current[0], bytes(current[1][: current[2]])))
            current = None

    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            group, text = m.group("group"), m.group("text")
            line = DUMP_LINE.match(text)
            if current is not None and line and int(line.group("offset")) == len(current[1]):
                current[1].extend(bytes.fromhex(line.group("hex").replace(" ", "")))
                continue
            flush()
            head = DUMP_HEAD.match(text)
            if head:
                current = (head.group("label"), bytearray(), int(head.group("length")))
                if current[2] == 0:
                    flush()
            events.append(("msg", text, group))
    flush()
    return events


def parse_charon_log(path):
    """Returns the log's messages (group, text) and its hex dumps (label, bytes), in order."""
    events = parse_charon_events(path)
    messages = [(e[2], e[1]) for e in events if e[0] == "msg"]
    dumps = [(e[1], e[2]) for e in events if e[0] == "dump"]
    return messages, dumps


def child_sas(dumps, model_is_qm_initiator, model, peer):
    """charon's CHILD_SA key sets: one dict per quick mode whose keys it derived.

    derive_child_keys() logs "DH secret" (with PFS), "initiator SA seed" = [g^qm xy |] protocol |
    SPI_r | Ni | Nr, "responder SA seed" (with SPI_i), then the four keys. The initiator's keys
    protect initiator -> responder traffic, sent to the responder's SPI (RFC 2409 §5.5).
    """
    result = []
    secret = b""
    seeds = {}
    keys = {}
    for label, data in dumps:
        if label == "DH secret":
            secret = data
        elif label in ("initiator SA seed", "responder SA seed"):
            seeds[label] = data
        elif label in (
            "encryption initiator key",
            "encryption responder key",
            "integrity initiator key",
            "integrity responder key",
        ):
            keys[label] = data
            if len(keys) == 4 and len(seeds) == 2:
                offset = len(secret) + 1  # after g^qm xy and the protocol byte
                spi_r = int.from_bytes(seeds["initiator SA seed"][offset : offset + 4], "big")
                spi_i = int.from_bytes(seeds["responder SA seed"][offset : offset + 4], "big")
                qm_i, qm_r = (model, peer) if model_is_qm_initiator else (peer, model)
                result.append(
                    {
                        "pfs": len(secret),
                        "sas": [
                            # (source, destination, SPI, encryption key, integrity key)
                            (qm_i, qm_r, spi_r, keys["encryption initiator key"],
                             keys["integrity initiator key"]),
                            (qm_r, qm_i, spi_i, keys["encryption responder key"],
                             keys["integrity responder key"]),
                        ],
                    }
                )
                secret, seeds, keys = b"", {}, {}
    return result


def note_retransmissions(report, logged, sent=True):
    """Retransmissions in charon's log (RFC 7296 §2.1, RFC 2409 §5), one note per kind: a
    request the model sent again (charon's response did not reach the model in time: lost
    between charon and the model, or read late), a response the model sent again (IKEv1: charon's
    next message did not reach it, or charon sent none), and unless not sent, a message charon
    sent again (the model's answer did not reach charon in time, or there was none). Not failures
    in themselves: the model did what RFC 7296 §2.1 asks, the exchange recovers, and what it
    established is checked by the other checks. Returns the number of retransmissions noted."""
    count = 0
    kinds = (
            (r"received retransmit of request with ID (\d+)",
             "charon received {n} request(s) from the model again (ID {ids}): charon's response "
             "did not reach the model in time (lost between charon and the model, or read late)"),
            (r"received retransmit of response with ID (\d+)",
             "charon received {n} response(s) from the model again (ID {ids}): charon's next "
             "message did not reach the model in time, or charon sent none"),
            (r"retransmit \d+ of (?:request|response)(?: with)? message ID (\d+)",
             "charon sent {n} message(s) again (ID {ids}): the model's answer did not reach "
             "charon in time (lost, late, or not sent)"))
    for pattern, what in kinds if sent else kinds[:2]:
        seen = [re.search(pattern, t).group(1) for t in logged(pattern)]
        if seen:
            ids = {i: seen.count(i) for i in seen}
            report.note(what.format(n=len(seen), ids=", ".join(
                i + (f" x{c}" if c > 1 else "") for i, c in ids.items())))
            count += len(seen)
    return count


def read_uat(path):
    """Non-comment lines of a Wireshark UAT file."""
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def parse_esp_sa(lines):
    """The model's esp_sa lines as (source, destination, SPI, encryption key, integrity key)."""
    result = []
    for line in lines:
        fields = next(csv.reader([line]))
        result.append(
            (
                str(ipaddress.IPv6Address(fields[1])),
                str(ipaddress.IPv6Address(fields[2])),
                int(fields[3], 16),
                bytes.fromhex(fields[5][2:]),
                bytes.fromhex(fields[7][2:]),
            )
        )
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", required=True)
    parser.add_argument("--role", choices=["initiator", "responder"], required=True)
    parser.add_argument("--mode", choices=["main", "aggressive"], required=True)
    parser.add_argument("--model", required=True, help="the model's address")
    parser.add_argument("--peer", required=True, help="charon's address")
    parser.add_argument("--model-status", type=int, required=True)
    parser.add_argument("--charon-log", required=True)
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--pcap", required=True)
    parser.add_argument("--tshark", default="tshark")
    args = parser.parse_args()
    model = str(ipaddress.IPv6Address(args.model))
    peer = str(ipaddress.IPv6Address(args.peer))
    report = Report()
    summary = []

    try:
        messages, dumps = parse_charon_log(args.charon_log)
    except OSError as e:
        print(f"FAIL {args.case}: no charon log ({e})")
        return 1
    texts = [t for _, t in messages]

    def logged(pattern):
        return [t for t in texts if re.search(pattern, t)]

    # 1. IKE_SA
    exchange = "ID_PROT" if args.mode == "main" else "AGGRESSIVE"
    established = logged(r"IKE_SA \S+ established between")
    report.check(
        established and logged(rf"\b{exchange} (request|response) 0 \["),
        f"charon: {established[0] if established else ''} ({exchange})",
        f"charon did not log an established IKE_SA in {exchange} "
        f"({(logged('IKE_SA|authentication|failed|no proposal') or ['nothing'])[-1]})",
    )
    report.check(
        logged(re.escape(f"selected proposal: {IKE_PROPOSAL}")),
        f"charon selected {IKE_PROPOSAL}",
        f"charon did not select {IKE_PROPOSAL}",
    )
    if established:
        summary.append("IKE_SA established")

    # 2. Quick mode
    model_is_qm_initiator = args.role == "initiator"
    children = child_sas(dumps, model_is_qm_initiator, model, peer)
    installed = logged(r"CHILD_SA \S+ established with SPIs")
    install_failure = logged(r"unable to install .*IPsec (SA \(SAD\)|policies \(SPD\)) in kernel")
    report.check(
        logged(re.escape(f"selected proposal: {ESP_PROPOSAL}")),
        f"charon selected {ESP_PROPOSAL}",
        f"charon did not select {ESP_PROPOSAL}",
    )
    if report.check(
        children,
        f"charon derived the CHILD_SA keys ({len(children)} quick mode(s), quick mode accepted "
        f"up to {'QM3' if model_is_qm_initiator else 'QM2'})",
        "charon derived no CHILD_SA keys: the quick mode did not complete at charon",
    ):
        summary.append("quick mode done")
    if installed:
        report.ok(f"charon: {installed[0]}")
    elif install_failure:
        report.note(
            f"charon: '{install_failure[0]}' - this kernel has no ESP (CONFIG_INET6_ESP), so "
            "charon cannot install its CHILD_SA and tears it down"
            + ("" if model_is_qm_initiator else " before sending QM3")
        )
        summary.append("charon cannot install (no kernel ESP)")
    else:
        report.fail("charon logged neither an established CHILD_SA nor an installation failure")

    error_pattern = (r"verification failed|parsing .*failed|invalid HASH|HASH .*(mismatch|invalid)"
                     r"|decryption failed|message .*dropped|received .* error notify"
                     r"|could not decrypt payloads|processing failed")
    errors = logged(error_pattern)
    # charon's worker threads may take the INITIAL-CONTACT informational that the model (as
    # phase-1 responder) sends right after MM6 before MM6 itself: it cannot decrypt it yet (the
    # phase-1 IV is not updated) and ignores it. Only errors logged before charon parsed the
    # last phase-1 message, on an ignored INFORMATIONAL, are that race.
    last_phase1 = max((i for i, t in enumerate(texts)
                       if re.search(rf"parsed {exchange} response 0", t)), default=None)
    early = [i for i, t in enumerate(texts) if re.search(error_pattern, t)]
    race = (errors and last_phase1 is not None and all(i < last_phase1 for i in early)
            and logged(r"ignore malformed INFORMATIONAL request"))
    if race:
        report.note(f"charon: '{errors[0]}' - an INFORMATIONAL taken before the last phase-1 "
                    "message by another worker thread (charon's race; the model's keys are right)")
        errors = []
    report.check(not errors, "no message rejected by charon", f"charon: {errors[:1]}")
    for ignored in logged(r"ignoring \S+ request while phase 1 is incomplete"):
        # charon's worker threads may take the messages that follow AM3 (INITIAL-CONTACT,
        # QM1, sent at once) before AM3 itself: it drops QM1, and the model retransmits it.
        report.note(f"charon: '{ignored}' (the message was retransmitted)")
    note_retransmissions(report, logged)

    # Model side
    model_summary = {}
    try:
        with open(f"{args.model_dir}/summary.csv", encoding="utf-8") as f:
            model_summary = {row["metric"]: row["value"] for row in csv.DictReader(f)}
    except OSError:
        pass
    report.check(
        args.model_status == 0 and model_summary.get("phase1_established") == "1",
        "model: phase 1 established, program succeeded",
        f"model: exit status {args.model_status}, summary {model_summary or 'missing'}",
    )

    # 3. Phase-1 key
    ka = [data for label, data in dumps if label == "encryption key Ka"]
    cookies = set()
    for t in texts:
        m = re.search(r"SPIs ([0-9a-f]{16})_i", t)
        if m and m.group(1) != "0" * 16:
            cookies.add(m.group(1))
    try:
        table = [line.split(",") for line in read_uat(f"{args.model_dir}/ikev1_decryption_table")]
    except OSError:
        table = []
    if report.check(
        len(table) == 1 and len(ka) >= 1,
        "one ISAKMP SA on each side",
        f"ISAKMP SAs: {len(table)} in the model's table, {len(ka)} keys in charon's log",
    ):
        cookie, key = table[0][0].lower(), bytes.fromhex(table[0][1])
        if report.check(
            ka[-1] == key,
            f"phase-1 key identical ({len(key)} bytes: {key.hex()})",
            f"phase-1 key differs: charon {ka[-1].hex()}, model {key.hex()}",
        ):
            summary.append("IKE key identical")
        report.check(
            cookie in cookies,
            f"initiator cookie identical ({cookie})",
            f"initiator cookie {cookie} not in charon's log ({sorted(cookies)})",
        )

    # 4. ESP keys
    try:
        esp_sa = parse_esp_sa(read_uat(f"{args.model_dir}/esp_sa"))
    except (OSError, ValueError, IndexError) as e:
        esp_sa = []
        report.fail(f"model's esp_sa unreadable: {e}")
    try:
        with open(f"{args.model_dir}/ikev1_quick_modes.csv", encoding="utf-8") as f:
            quick_modes = list(csv.DictReader(f))
    except OSError:
        quick_modes = []
    charon_sas = [sa for child in children for sa in child["sas"]]
    if children:
        report.check(
            all(child["pfs"] == 96 for child in children),
            "PFS with MODP-768 (96-byte g(qm)^xy) in charon's key derivation",
            "charon's quick mode used no PFS or another group",
        )
    # Compare each of charon's SAs with the model's quick-mode keys.
    model_qm_sas = []
    for qm in quick_modes:
        inbound = (peer, model, int(qm["inbound_spi"], 16),
                   bytes.fromhex(qm["inbound_encryption_key"]),
                   bytes.fromhex(qm["inbound_integrity_key"]))
        outbound = (model, peer, int(qm["outbound_spi"], 16),
                    bytes.fromhex(qm["outbound_encryption_key"]),
                    bytes.fromhex(qm["outbound_integrity_key"]))
        model_qm_sas += [inbound, outbound]
    if charon_sas and report.check(
        all(sa in model_qm_sas for sa in charon_sas),
        f"charon's {len(charon_sas)} ESP SAs (SPIs, 2 encryption + 2 integrity keys each "
        "direction) identical to the model's quick-mode keys",
        "charon's ESP keys differ from the model's quick-mode keys:\n"
        + "\n".join(f"    charon {s[0]} -> {s[1]} spi {s[2]:08x} enc {s[3].hex()} int {s[4].hex()}"
                    for s in charon_sas)
        + "\n"
        + "\n".join(f"    model  {s[0]} -> {s[1]} spi {s[2]:08x} enc {s[3].hex()} int {s[4].hex()}"
                    for s in model_qm_sas),
    ):
        summary.append("4 ESP keys identical")
    model_installed = model_summary.get("sa_pair_installed") == "1"
    if model_installed:
        report.check(
            esp_sa and all(sa in charon_sas for sa in esp_sa),
            f"the model's installed SAs (esp_sa, {len(esp_sa)}) identical to charon's",
            "the model's esp_sa differs from charon's keys",
        )
    elif model_is_qm_initiator or not install_failure:
        report.fail("model: no SA pair installed")
    else:
        report.note(
            "model: SA pair not installed - as quick-mode responder it installs on QM3, which "
            "charon never sends after failing to install its own SAs"
        )

    # charon tears down the CHILD_SA it could not install with a DELETE naming its own inbound
    # SPI, the model's outbound one or, as quick-mode responder, the model's inbound one.
    deletes = [
        int(m.group(1), 16)
        for m in (re.search(r"sending DELETE for ESP CHILD_SA with SPI ([0-9a-f]{8})", t)
                  for t in texts)
        if m
    ]
    if deletes and model_installed:
        report.check(
            model_summary.get("sad_entries_at_end") == "0",
            f"the model removed its SA pair on charon's DELETE (SPI {deletes[0]:08x})",
            f"the model kept {model_summary.get('sad_entries_at_end')} SAs after charon's DELETE "
            f"(SPI {deletes[0]:08x})",
        )

    # 5. ESP packets from the model, decrypted with charon's keys only
    esp_sent = int(model_summary.get("esp_packets_sent", "0"))
    uat = []
    for src, dst, spi, enc, integ in charon_sas:
        uat += ["-o", f'uat:esp_sa:"IPv6","{src}","{dst}","0x{spi:08x}","{WS_ENC}",'
                f'"0x{enc.hex()}","{WS_INT}","0x{integ.hex()}"']
    try:
        fields = subprocess.run(
            [args.tshark, "-n", "-r", args.pcap,
             "-o", "esp.enable_encryption_decode:TRUE",
             "-o", "esp.enable_authentication_check:TRUE", *uat,
             # not the copies quoted in ICMPv6 errors (Linux has no ESP and says so)
             "-Y", f"esp && !icmpv6 && ipv6.src == {model}",
             "-T", "fields", "-E", "separator=|", "-e", "frame.number", "-e", "esp.spi",
             "-e", "esp.icv_good", "-e", "udp.dstport", "-e", "data.data"],
            capture_output=True, text=True, check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError) as e:
        report.fail(f"tshark failed on {args.pcap}: {e}")
        fields = []
    good = 0
    for row in fields:
        number, spi, icv_good, port, data = (row.split("|") + [""] * 5)[:5]
        payload = bytes.fromhex(data.replace(":", "")) if data else b""
        if icv_good in ("1", "True") and PROBE_TEXT in payload:
            good += 1
        else:
            report.fail(f"frame {number} (SPI {spi}): ICV good={icv_good or '?'}, inner UDP port "
                        f"{port or '?'}, payload {payload[:32]!r}")
    if model_installed or esp_sent:
        if report.check(
            len(fields) > 0 and good == len(fields) and len(fields) == esp_sent,
            f"{good}/{len(fields)} ESP packets from the model: ICV good and decrypted to the "
            f"probe with charon's keys (the model sent {esp_sent})",
            f"ESP from the model: {len(fields)} packets in the capture, {good} good, "
            f"{esp_sent} sent by the model",
        ):
            summary.append(f"{good}/{len(fields)} ESP packets ICV good + decrypted")
    else:
        if report.check(
            not fields, "no ESP from the model (no SA pair)", "ESP packets without an SA pair"
        ):
            summary.append("no ESP to check (charon sends no QM3 here)")

    # The model's ESP against its QM3 on the wire (a responder installs its inbound SA on QM3).
    if model_is_qm_initiator and fields:
        try:
            qm = subprocess.run(
                [args.tshark, "-n", "-r", args.pcap, "-Y",
                 f"isakmp.exchangetype == 32 && ipv6.src == {model}",
                 "-T", "fields", "-E", "separator=|",
                 "-e", "frame.number", "-e", "isakmp.messageid"],
                capture_output=True, text=True, check=True,
            ).stdout.splitlines()
        except (OSError, subprocess.CalledProcessError):
            qm = []
        sent_by_id = {}
        for row in qm:
            number, mid = row.split("|")[:2]
            sent_by_id.setdefault(mid, []).append(int(number))
        qm3 = [frames[1] for frames in sent_by_id.values() if len(frames) >= 2]
        first_esp = min(int(row.split("|")[0]) for row in fields)
        if qm3 and first_esp < min(qm3):
            report.note(
                f"the model sent ESP (frame {first_esp}) before its QM3 (frame {min(qm3)}): it "
                "installs its SAs before sending QM3, and a responder installs its inbound SA "
                "only on QM3 (RFC 2409 §5.5)"
            )

    return report.verdict(args.case, summary)


if __name__ == "__main__":
    sys.exit(main())
