#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Enumerates racoon-like IKEv1 configurations and the frame bytes they give on the MN's access
link (doc/cxtp-ipsec.rst, "Message counts and sizes").

Fixed: phase 1 chosen transform 3DES-CBC / SHA-1 / PSK / MODP-1024 (the 286 B main-aggressive
difference needs a 64-bit block cipher and a 20-byte hash, see the same section), racoon padding
(1..8 bytes), ID_IPV6_ADDR phase-1 IDs, two INITIAL-CONTACT informationals, Ethernet II framing
(14 + 40 + 8 = 62 B per message). Varied: the racoon knobs listed in KNOBS. Prints every
combination that gives 11 messages / 2182 B (main) and 8 / 1896 B (aggressive), fewest
departures from racoon's defaults first.

Usage: ikev1-size-combinations.py [--all] [--target MAIN AGGRESSIVE]
"""
import argparse
import itertools

FRAME = 14 + 40 + 8  # Ethernet II + IPv6 + UDP
HDR = 28  # ISAKMP header
HASH = 4 + 20  # SHA-1 hash payload
P1_ID = 8 + 16  # ID_IPV6_ADDR, phase 1
QM_IDS = (8 + 16) + (8 + 32)  # IDci ID_IPV6_ADDR (CoA/128) + IDcr ID_IPV6_ADDR_SUBNET (::/0)
VID = 4 + 16  # RFC 3706 DPD vendor ID
NOTIFY_IC = 12 + 16  # INITIAL-CONTACT, SPI = both cookies
KE = {0: 0, 1: 4 + 96, 2: 4 + 128, 5: 4 + 192}  # by MODP group (0 = no KE)


def pad8(n):
    """racoon: 1..8 pad bytes (a whole block when already aligned)."""
    return n + 8 - n % 8


def p1_transform(aes, tlv_life):
    # life type, life duration, enc, [key length], auth method, hash, group
    return 8 + 4 * 6 + (4 if aes else 0) + (4 if tlv_life else 0)


def esp_transform(aes, tlv_life, pfs):
    # life type, life duration, encapsulation, [key length], auth alg, [group]
    return 8 + 4 * 4 + (4 if aes else 0) + (4 if tlv_life else 0) + (4 if pfs else 0)


def flows(c):
    """Per-message ISAKMP sizes of both flows for configuration c (a dict)."""
    p1_all = [p1_transform(a, c["p1_tlv"]) for a in [False] + c["p1_extra"]]
    sa1_i = 12 + 8 + sum(p1_all)
    sa1_r = 12 + 8 + p1_all[0]  # the responder returns the chosen (3DES) transform only
    pfs = c["pfs"]
    esp_all = [esp_transform(a, c["p2_tlv"], pfs) for a in [False] + c["esp_extra"]]
    sa2_i = 12 + 8 + 4 + sum(esp_all)
    sa2_r = 12 + 8 + 4 + esp_all[0]
    nonce = 4 + c["nonce"]
    vid = VID if c["dpd"] else 0
    ids = QM_IDS if c["qm_ids"] else 0
    ke1 = KE[2]
    qm = [
        HDR + pad8(HASH + sa2_i + nonce + KE[pfs] + ids),
        HDR + pad8(HASH + sa2_r + nonce + KE[pfs] + ids),
        HDR + pad8(HASH),
    ]
    info = [HDR + pad8(HASH + NOTIFY_IC)] * 2
    main = [
        HDR + sa1_i + vid,
        HDR + sa1_r + vid,
        HDR + ke1 + nonce,
        HDR + ke1 + nonce,
        HDR + pad8(P1_ID + HASH),
        HDR + pad8(P1_ID + HASH),
    ] + qm + info
    aggressive = [
        HDR + sa1_i + ke1 + nonce + P1_ID + vid,
        HDR + sa1_r + ke1 + nonce + P1_ID + HASH + vid,
        HDR + HASH,
    ] + qm + info
    return main, aggressive


def frames(sizes):
    return len(sizes), sum(sizes) + FRAME * len(sizes)


# The starting point: racoon's defaults (DPD vendor ID, 16-byte nonces, 28800 s lifetimes, one
# proposal{} and one ESP transform, QM IDs in tunnel mode) with PFS in the phase-1 group.
REFERENCE = dict(dpd=True, qm_ids=True, pfs=2, nonce=16, p1_tlv=False, p2_tlv=False,
                 p1_extra=[], esp_extra=[])


def departures(c):
    """Changes from REFERENCE (tunnel mode: racoon always sends QM IDs)."""
    d = []
    if not c["dpd"]:
        d.append("dpd off")
    if not c["qm_ids"]:
        d.append("no QM IDs (not racoon in tunnel mode)")
    if c["pfs"] != 2:
        d.append("pfs_group %d" % c["pfs"] if c["pfs"] else "no PFS")
    if c["nonce"] != 16:
        d.append("nonce_size %d" % c["nonce"])
    if c["p1_tlv"]:
        d.append("phase-1 lifetime > 65535 s")
    if c["p2_tlv"]:
        d.append("phase-2 lifetime > 65535 s")
    if c["p1_extra"]:
        d.append("%d more proposal{} (%s)" % (len(c["p1_extra"]),
                 ",".join("aes" if a else "3des-like" for a in c["p1_extra"])))
    if c["esp_extra"]:
        d.append("%d more ESP transform(s) (%s)" % (len(c["esp_extra"]),
                 ",".join("aes" if a else "3des-like" for a in c["esp_extra"])))
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", nargs=2, type=int, default=[2182, 1896])
    ap.add_argument("--all", action="store_true", help="also combinations without QM IDs")
    args = ap.parse_args()
    extras = [list(x) for n in range(0, 3) for x in itertools.combinations_with_replacement(
        [False, True], n)]
    hits = []
    for dpd, ids, pfs, nonce, t1, t2, e1, e2 in itertools.product(
            [True, False], [True, False], [0, 1, 2, 5], range(8, 33, 4), [False, True],
            [False, True], extras, extras):
        c = dict(dpd=dpd, qm_ids=ids, pfs=pfs, nonce=nonce, p1_tlv=t1, p2_tlv=t2,
                 p1_extra=e1, esp_extra=e2)
        if not ids and not args.all:
            continue
        m, a = flows(c)
        if frames(m) == (11, args.target[0]) and frames(a) == (8, args.target[1]):
            hits.append(c)
    hits.sort(key=lambda c: (len(departures(c)), departures(c)))
    for c in hits:
        m, a = flows(c)
        print("%d | %s | main %s | aggressive %s" % (
            len(departures(c)), "; ".join(departures(c)), " ".join(map(str, m)),
            " ".join(map(str, a))))
    print("%d combinations" % len(hits))


if __name__ == "__main__":
    main()
