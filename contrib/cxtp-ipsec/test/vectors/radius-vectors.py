#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Independent EAP and RADIUS vectors for the cxtp-ipsec-eap-codec and cxtp-ipsec-radius-codec
test suites.

Uses only the Python standard library (hashlib, hmac, struct), written from the RFC text:
RFC 2865 §3 (packet layout, Response Authenticator = MD5(Code|ID|Length|RequestAuth|
Attributes|Secret)), RFC 3579 §3.1 (EAP-Message) and §3.2 (Message-Authenticator = HMAC-MD5
over the packet with the attribute zeroed, responses with the Request Authenticator),
RFC 2548 §2.4.2-2.4.3 (MS-MPPE-Send/Recv-Key: Salt with the high bit, key length byte, zero
padding to 16, MD5 chain over Secret|RequestAuth|Salt), RFC 3748 §5.4 with RFC 1994 §4.1
(EAP-MD5 response = MD5(Identifier|secret|challenge)) and RFC 4187 §8.1, §10.15 (EAP-AKA
attributes, AT_MAC = HMAC-SHA1-128 with K_aut over the packet with the MAC zeroed).

Run from the repository root, then commit both files:

    /usr/bin/python3 contrib/cxtp-ipsec/test/vectors/radius-vectors.py \
        > contrib/cxtp-ipsec/test/vectors/radius-vectors.txt

The output is "name = hex" lines (inputs first, then results) that the C++ tests read.
"""

import hashlib
import hmac
import struct


def seq(start, n, step=1):
    return bytes((start + i * step) & 0xFF for i in range(n))


def attr(t, value):
    return bytes([t, 2 + len(value)]) + value


def eap(code, ident, typ, data):
    return struct.pack("!BBHB", code, ident, 5 + len(data), typ) + data


def aka_attr(t, body):
    """body: everything after Type and Length, padded to a multiple of 4 with Type/Length."""
    total = 2 + len(body)
    total += (-total) % 4
    return bytes([t, total // 4]) + body + bytes(total - 2 - len(body))


def radius(code, ident, auth, attrs):
    return struct.pack("!BBH", code, ident, 20 + len(attrs)) + auth + attrs


def sign_message_authenticator(pkt, offset, auth_for_mac, secret):
    """Fills the Message-Authenticator value at offset (RFC 3579 §3.2)."""
    work = bytearray(pkt)
    work[4:20] = auth_for_mac
    work[offset:offset + 16] = bytes(16)
    mac = hmac.new(secret, bytes(work), hashlib.md5).digest()
    out = bytearray(pkt)
    out[offset:offset + 16] = mac
    return bytes(out), mac


def response_authenticator(pkt, request_auth, secret):
    """RFC 2865 §3."""
    return hashlib.md5(pkt[0:4] + request_auth + pkt[20:] + secret).digest()


def mppe_encrypt(key, secret, request_auth, salt):
    """RFC 2548 §2.4.2."""
    a = struct.pack("!H", salt | 0x8000)
    p = bytes([len(key)]) + key
    p += bytes((-len(p)) % 16)
    out = b""
    prev = request_auth + a
    for i in range(0, len(p), 16):
        b = hashlib.md5(secret + prev).digest()
        c = bytes(x ^ y for x, y in zip(p[i:i + 16], b))
        out += c
        prev = c
    return a + out


def vsa_ms(vendor_type, data):
    return attr(26, struct.pack("!IBB", 311, vendor_type, 2 + len(data)) + data)


def main():
    v = []
    secret = b"cxtp-radius-shared-secret"
    request_auth = seq(0x10, 16, 7)
    v += [("secret", secret), ("request_auth", request_auth)]

    # Access-Request: User-Name, NAS-IPv6-Address, EAP-Message (Response/Identity),
    # Message-Authenticator (RFC 3579 §3.2: required with EAP-Message).
    identity = b"0001010123456789@wlan.mnc001.mcc001.3gppnetwork.org"
    eap_identity = eap(2, 0x01, 1, identity)
    nas_ip6 = bytes.fromhex("20010db8000000000000000000000001")
    attrs = attr(1, identity) + attr(95, nas_ip6) + attr(79, eap_identity)
    ma_offset = 20 + len(attrs) + 2
    attrs += attr(80, bytes(16))
    request = radius(1, 0x2A, request_auth, attrs)
    request, request_mac = sign_message_authenticator(request, ma_offset, request_auth, secret)
    v += [("identity", identity), ("nas_ipv6", nas_ip6), ("access_request", request),
          ("access_request.message_authenticator", request_mac)]

    # Access-Challenge: EAP-Message (Request/MD5-Challenge), State, Message-Authenticator,
    # signed with the Request Authenticator (RFC 3579 §3.2, RFC 2865 §3).
    challenge = seq(0xA0, 16, 3)
    eap_md5 = eap(1, 0x02, 4, bytes([len(challenge)]) + challenge + b"aaa.example")
    state = seq(0x30, 8, 5)
    attrs = attr(79, eap_md5) + attr(24, state)
    ma_offset = 20 + len(attrs) + 2
    attrs += attr(80, bytes(16))
    chal = radius(11, 0x2A, bytes(16), attrs)
    chal, chal_mac = sign_message_authenticator(chal, ma_offset, request_auth, secret)
    resp_auth = response_authenticator(chal, request_auth, secret)
    chal = chal[0:4] + resp_auth + chal[20:]
    v += [("md5_challenge", challenge), ("state", state), ("access_challenge", chal),
          ("access_challenge.message_authenticator", chal_mac),
          ("access_challenge.response_authenticator", resp_auth)]

    # EAP-MD5 response (RFC 1994 §4.1): MD5(Identifier | secret | challenge).
    md5_secret = b"cxtp-eap-md5-password"
    v += [("md5_secret", md5_secret),
          ("md5_response", hashlib.md5(bytes([0x02]) + md5_secret + challenge).digest())]

    # Access-Accept with MS-MPPE-Recv-Key / Send-Key (RFC 2548 §2.4.2-2.4.3).
    recv_key = seq(0x40, 32, 1)
    send_key = seq(0x80, 32, 3)
    recv_enc = mppe_encrypt(recv_key, secret, request_auth, 0x0123)
    send_enc = mppe_encrypt(send_key, secret, request_auth, 0x0456)
    attrs = vsa_ms(17, recv_enc) + vsa_ms(16, send_enc) + attr(79, struct.pack("!BBH", 3, 2, 4))
    ma_offset = 20 + len(attrs) + 2
    attrs += attr(80, bytes(16))
    accept = radius(2, 0x2B, bytes(16), attrs)
    accept, _ = sign_message_authenticator(accept, ma_offset, request_auth, secret)
    accept = accept[0:4] + response_authenticator(accept, request_auth, secret) + accept[20:]
    v += [("mppe_recv_key", recv_key), ("mppe_send_key", send_key),
          ("mppe_recv_key.salt0123", recv_enc), ("mppe_send_key.salt0456", send_enc),
          ("access_accept", accept)]

    # EAP-Request/AKA-Challenge with AT_RAND, AT_AUTN, AT_MAC (RFC 4187 §9.3, §10.15).
    k_aut = seq(0x55, 16, 11)
    rand = seq(0x01, 16, 1)
    autn = seq(0xF0, 16, 13)
    body = bytes([1, 0, 0])  # Subtype Challenge, Reserved
    body += aka_attr(1, bytes(2) + rand) + aka_attr(2, bytes(2) + autn)
    mac_offset = 5 + len(body) + 4
    body += aka_attr(11, bytes(2) + bytes(16))
    pkt = eap(1, 0x03, 23, body)
    mac = hmac.new(k_aut, pkt, hashlib.sha1).digest()[:16]
    pkt = pkt[:mac_offset] + mac + pkt[mac_offset + 16:]
    v += [("aka_k_aut", k_aut), ("aka_rand", rand), ("aka_autn", autn),
          ("aka_challenge", pkt), ("aka_challenge.mac", mac)]

    # EAP-Response/AKA-Reauthentication-like MAC with extra data (NONCE_S, §9.8): AT_COUNTER,
    # AT_MAC, MAC over the packet followed by NONCE_S.
    nonce_s = seq(0x99, 16, 5)
    body = bytes([13, 0, 0]) + aka_attr(19, struct.pack("!H", 7))
    mac_offset = 5 + len(body) + 4
    body += aka_attr(11, bytes(2) + bytes(16))
    pkt = eap(2, 0x04, 23, body)
    mac = hmac.new(k_aut, pkt + nonce_s, hashlib.sha1).digest()[:16]
    pkt = pkt[:mac_offset] + mac + pkt[mac_offset + 16:]
    v += [("aka_nonce_s", nonce_s), ("aka_reauth_response", pkt)]

    print("# Generated by radius-vectors.py (Python standard library only: hashlib, hmac,")
    print("# struct) from fixed inputs; do not edit. See the script for the RFC sections.")
    for name, value in v:
        print(f"{name} = {value.hex()}")


if __name__ == "__main__":
    main()
