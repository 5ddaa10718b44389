#!/usr/bin/python3
"""Checks one case of scripts/interop-freeradius: FreeRADIUS's debug log against the model's files.

Reads FreeRADIUS's debug log (radiusd -X: every packet with its attributes, the reply's
MS-MPPE keys in clear before they are encrypted), the model's summary.csv
(cxtp-ipsec-radius-interop: the outcome, the RADIUS packets, RadiusClient's drops, the MSK
RadiusClient decrypted and the MSK the EapPeer derived) and the pcap of the model's FdNetDevice,
and checks:

1. the outcome on both sides: FreeRADIUS logged "Login OK" and sent Access-Accept with
   EAP-Success, the model got ACCEPT and its EapPeer ended with SUCCESS; or, for a wrong
   password, FreeRADIUS's EAP-MD5 digests did not match, it sent Access-Reject with EAP-Failure,
   the model got REJECT and its EapPeer ended with FAILURE;
2. FreeRADIUS received every Access-Request the model sent (User-Name, Calling-Station-Id,
   NAS-Identifier and a Message-Authenticator it requires and checks, RFC 3579 §3.2), dropped
   none, and the model received every answer FreeRADIUS sent, each verified (RadiusClient
   dropped nothing: Response Authenticator and Message-Authenticator good); tshark, given the
   shared secret, validates every Response Authenticator in the capture too;
3. the EAP method FreeRADIUS ran: EAP-MD5; or EAP-TLS after the peer's Legacy Nak of
   FreeRADIUS's default EAP-MD5 (RFC 3748 §5.3.1), TLS 1.2 with ECDHE-RSA-AES128-GCM-SHA256 and
   the model's client certificate;
4. the keys: for EAP-TLS, MS-MPPE-Recv-Key | MS-MPPE-Send-Key as FreeRADIUS logged them (RFC
   5216 §2.3: MSK(0,31), MSK(32,63)) equal the MSK RadiusClient decrypted (RFC 2548 §2.4.2-3)
   and the MSK the model's EapPeer derived; for EAP-MD5 there are no MPPE keys and no MSK.

Prints one "  ok:"/"  FAIL:"/"  note:" line per check and a last "PASS <case>: ..." or
"FAIL <case>: ..." line; exit status 0 on PASS.
"""

import argparse
import csv
import re
import subprocess
import sys

from interop_strongswan_check import Report

CIPHER = "ECDHE-RSA-AES128-GCM-SHA256"
CLIENT_CN = "cxtp interop model"
# "(3) Sent Access-Challenge Id 76 from [fd00:11::1]:1812 to ..." / "(3)   MS-MPPE-Recv-Key = 0x.."
PACKET = re.compile(r"^\((\d+)\) (Received|Sent) (Access-\w+) Id (\d+) from ")
ATTRIBUTE = re.compile(r"^\((\d+)\)\s+(&?[\w:-]+) :?= (.*)$")


def parse_radius_log(path):
    """FreeRADIUS's debug log: its lines, and its packets in order as dicts (direction, code,
    id, attributes: name -> list of values)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = [line.rstrip("\n") for line in f]
    packets = []
    current = None
    for line in lines:
        m = PACKET.match(line)
        if m:
            current = {"request": int(m.group(1)), "direction": m.group(2), "code": m.group(3),
                       "id": int(m.group(4)), "attributes": {}}
            packets.append(current)
            continue
        m = ATTRIBUTE.match(line)
        if current is not None and m and int(m.group(1)) == current["request"] \
                and not m.group(2).startswith("&"):
            current["attributes"].setdefault(m.group(2), []).append(m.group(3).strip('"'))
        else:
            current = None
    return lines, packets


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", required=True)
    parser.add_argument("--method", choices=["md5", "tls"], required=True)
    parser.add_argument("--expect", choices=["accept", "reject"], required=True)
    parser.add_argument("--identity", required=True)
    parser.add_argument("--model", required=True, help="the model's address")
    parser.add_argument("--server", required=True, help="FreeRADIUS's address")
    parser.add_argument("--secret", required=True, help="the RADIUS shared secret")
    parser.add_argument("--model-status", type=int, required=True)
    parser.add_argument("--radius-log", required=True)
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--pcap", required=True)
    parser.add_argument("--tshark", default="tshark")
    args = parser.parse_args()
    report = Report()
    summary = []

    try:
        lines, packets = parse_radius_log(args.radius_log)
    except OSError as e:
        print(f"FAIL {args.case}: no FreeRADIUS log ({e})")
        return 1
    model = {}
    try:
        with open(f"{args.model_dir}/summary.csv", encoding="utf-8") as f:
            model = {row["metric"]: row["value"] for row in csv.DictReader(f)}
    except OSError:
        pass

    def logged(pattern):
        return [line for line in lines if re.search(pattern, line)]

    received = [p for p in packets if p["direction"] == "Received"]
    sent = [p for p in packets if p["direction"] == "Sent"]
    sent_codes = [p["code"] for p in sent]
    identity = re.escape(args.identity)

    # 1. The outcome
    if args.expect == "accept":
        final = sent[-1] if sent else None
        report.check(
            logged(rf"Login OK: \[{identity}\]") and final and final["code"] == "Access-Accept"
            and final["attributes"].get("EAP-Message", [""])[0][:4] == "0x03",
            f"FreeRADIUS: Login OK for '{args.identity}', Access-Accept with EAP-Success",
            f"FreeRADIUS did not accept '{args.identity}' "
            f"({(logged(r'Login|Failed|ERROR') or ['nothing logged'])[-1]})",
        )
        if report.check(
            args.model_status == 0 and model.get("outcome") == "accept"
            and model.get("eap_status") == "success",
            "model: Access-Accept, its EapPeer ended with SUCCESS on the EAP-Success",
            f"model: exit status {args.model_status}, outcome {model.get('outcome')}, "
            f"EapPeer {model.get('eap_status')} ({model.get('eap_reason')})",
        ):
            summary.append("Access-Accept, EapPeer SUCCESS")
    else:
        final = sent[-1] if sent else None
        report.check(
            logged(r"EAP-MD5 digests do not match") and logged(rf"Login incorrect.*\[{identity}\]")
            and final and final["code"] == "Access-Reject"
            and final["attributes"].get("EAP-Message", [""])[0][:4] == "0x04",
            "FreeRADIUS: EAP-MD5 digests do not match, Access-Reject with EAP-Failure",
            "FreeRADIUS did not reject the wrong password "
            f"({(logged(r'Login|digests|Failed') or ['nothing logged'])[-1]})",
        )
        if report.check(
            args.model_status == 0 and model.get("outcome") == "reject"
            and model.get("eap_status") == "failure",
            f"model: Access-Reject, its EapPeer ended with FAILURE ({model.get('eap_reason')})",
            f"model: exit status {args.model_status}, outcome {model.get('outcome')}, "
            f"EapPeer {model.get('eap_status')}",
        ):
            summary.append("wrong password: Access-Reject, EapPeer FAILURE")

    # 2. Every packet each way, verified
    requests = [p for p in received if p["code"] == "Access-Request"]
    model_requests = int(model.get("access_requests", "0") or 0)
    well_formed = [
        p for p in requests
        if p["attributes"].get("User-Name") == [args.identity]
        and p["attributes"].get("Calling-Station-Id") == [args.model]
        and "NAS-Identifier" in p["attributes"] and "Message-Authenticator" in p["attributes"]
        and "EAP-Message" in p["attributes"]
    ]
    report.check(
        requests and len(requests) == model_requests and len(well_formed) == len(requests),
        f"FreeRADIUS received the model's {len(requests)} Access-Requests, each with User-Name, "
        "Calling-Station-Id, NAS-Identifier, EAP-Message and the Message-Authenticator it requires",
        f"Access-Requests: model sent {model_requests}, FreeRADIUS received {len(requests)}, "
        f"{len(well_formed)} with the expected attributes",
    )
    refused = logged(r"invalid Message-Authenticator|Dropping packet|Ignoring request|"
                     r"unknown client|Discarding|WARNING.*client")
    report.check(not refused, "FreeRADIUS dropped no request (Message-Authenticator good)",
                 f"FreeRADIUS: {refused[:2]}")
    model_answers = sum(int(model.get(k, "0") or 0)
                        for k in ("access_challenges", "access_accepts", "access_rejects"))
    discards = model.get("discards", "").strip('"')
    retransmissions = model.get("retransmissions", "0")
    if report.check(
        sent and len(sent) == model_answers and not discards,
        f"the model received FreeRADIUS's {len(sent)} answers ({', '.join(sent_codes)}), "
        "RadiusClient dropped none (Response Authenticator and Message-Authenticator verified)",
        f"FreeRADIUS sent {len(sent)}, the model received {model_answers}; "
        f"RadiusClient dropped: {discards or 'nothing'}",
    ):
        summary.append(f"{len(requests)} requests / {len(sent)} answers, all verified")
    if retransmissions != "0":
        report.note(f"RadiusClient retransmitted {retransmissions} time(s) (FreeRADIUS slow to "
                    "start?)")
    try:
        out = subprocess.run(
            [args.tshark, "-n", "-r", args.pcap, "-o", f"radius.shared_secret:{args.secret}",
             "-o", "radius.validate_authenticator:TRUE", "-Y", "radius.code != 1",
             "-T", "fields", "-e", "radius.code", "-e", "radius.authenticator.valid"],
            capture_output=True, text=True, check=True).stdout.split("\n")
        rows = [r.split("\t") for r in out if r]
        valid = [r for r in rows if len(r) > 1 and r[1] in ("1", "True")]
        report.check(
            rows and len(valid) == len(rows) == len(sent),
            f"tshark with the shared secret: {len(valid)}/{len(rows)} Response Authenticators "
            "in the capture valid",
            f"tshark: {len(valid)} of {len(rows)} responses with a valid Response Authenticator "
            f"({len(sent)} sent by FreeRADIUS)",
        )
    except (OSError, subprocess.CalledProcessError) as e:
        report.fail(f"tshark failed on {args.pcap}: {e}")

    # 3. The EAP method
    if args.method == "md5":
        report.check(
            logged(r"eap_md5: Issuing MD5 Challenge")
            and logged(r"Peer sent packet with method EAP MD5 \(4\)")
            and model.get("eap_request_types") == "MD5-Challenge",
            "FreeRADIUS ran EAP-MD5: one MD5-Challenge, answered by the model's EapPeer",
            f"no EAP-MD5 exchange (model saw: {model.get('eap_request_types')})",
        )
    else:
        nak = logged(r"Peer sent packet with method EAP NAK \(3\)")
        report.check(
            nak and logged(r"eap_tls: \(TLS\) Initiating new session")
            and model.get("eap_request_types", "").startswith("MD5-Challenge TLS"),
            "the model's EapPeer answered FreeRADIUS's default EAP-MD5 with a Legacy Nak for "
            "EAP-TLS, which FreeRADIUS then started",
            f"no Nak to EAP-TLS (model saw: {model.get('eap_request_types')})",
        )
        version = logged(r'TLS-Session-Version = "TLS 1\.2"')
        cipher = logged(rf'TLS-Session-Cipher-Suite = "{CIPHER}"')
        report.check(
            logged(r"\(TLS\) Connection Established") and version and cipher,
            f"FreeRADIUS (OpenSSL): TLS 1.2 with {CIPHER} established",
            f"no TLS 1.2 {CIPHER} handshake ({(logged('TLS-Session|alert|error') or ['?'])[:2]})",
        )
        report.check(
            logged(rf'TLS-Client-Cert-Common-Name := "{CLIENT_CN}"'),
            f"FreeRADIUS verified the model's client certificate (CN={CLIENT_CN}) against the CA",
            "FreeRADIUS did not take the model's client certificate",
        )
        summary.append("Nak to EAP-TLS, TLS 1.2 " + CIPHER)

    # 4. The keys
    accept = [p for p in sent if p["code"] == "Access-Accept"]
    recv = accept[-1]["attributes"].get("MS-MPPE-Recv-Key", []) if accept else []
    send = accept[-1]["attributes"].get("MS-MPPE-Send-Key", []) if accept else []
    msk_radius = model.get("msk_radius", "")
    msk_peer = model.get("msk_peer", "")
    if args.method == "tls" and args.expect == "accept":
        logged_msk = (recv[0][2:] + send[0][2:]).lower() if recv and send else ""
        if report.check(
            len(logged_msk) == 128 and logged_msk == msk_radius == msk_peer,
            "MSK: FreeRADIUS's MS-MPPE-Recv-Key | MS-MPPE-Send-Key (logged in clear) = the MSK "
            f"RadiusClient decrypted = the MSK the model's EapPeer derived ({logged_msk[:16]}...)",
            f"MSK differs: FreeRADIUS {logged_msk or 'none'}, RadiusClient {msk_radius or 'none'}, "
            f"EapPeer {msk_peer or 'none'}",
        ):
            summary.append("64-octet MSK identical on all three")
    else:
        report.check(
            not recv and not send and not msk_radius and not msk_peer,
            "no MS-MPPE keys and no MSK (EAP-MD5 makes none)",
            f"unexpected keys: FreeRADIUS {recv + send}, RadiusClient '{msk_radius}', "
            f"EapPeer '{msk_peer}'",
        )

    return report.verdict(args.case, summary)


if __name__ == "__main__":
    sys.exit(main())
