#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Known-answer vectors for the IKEv2 SK payload (RFC 7296 §3.14; AES-GCM: RFC 5282).

Builds two IKE_AUTH requests from fixed SPIs, keys, IVs and inner payloads, with nothing
from the C++ module: the payloads are packed here from the RFC 7296 §3 figures, AES comes
from the `cryptography` package of Debian's /usr/bin/python3 (python3-cryptography, OpenSSL
underneath), HMAC from the standard library.

  1. AES-CBC-128 with HMAC-SHA2-256-128: header | SK{IDi, AUTH, N(INITIAL_CONTACT), SA, TSi,
     TSr}; padding minimal and zero; ICV = first 16 octets of HMAC-SHA-256(SK_ai, header
     through the ciphertext).
  2. AES-GCM-16 with a 128-bit key: header | V (a clear Vendor ID) | SK{the same payloads};
     nonce = salt | IV; associated data = header through the SK generic header, the clear
     payload included (RFC 5282 §5.1); no padding, Pad Length 0.

Run: /usr/bin/python3 ikev2-sk-vectors.py. It prints the inputs and each message in hex; the
suite cxtp-ipsec-ikev2-protection (ikev2-protection-test-suite.cc) holds the output and checks
that Ikev2Protection builds the same octets and opens them.
"""

import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SPI_I = bytes.fromhex("0102030405060708")
SPI_R = bytes.fromhex("1112131415161718")
IKE_AUTH, FLAG_I, MESSAGE_ID = 35, 0x08, 1
IDI, AUTH, NOTIFY, SA, TSI, TSR, SK, VID, NONE = 35, 39, 41, 33, 44, 45, 46, 43, 0


def generic(next_payload, body):
    """Generic payload header (§3.2), C bit 0, and the body."""
    return struct.pack(">BBH", next_payload, 0, 4 + len(body)) + body


def ipv6_range_ts():
    """TS_IPV6_ADDR_RANGE (§3.13.1): 2001:db8::/64, any protocol, all ports; 40 octets."""
    start = bytes.fromhex("20010db8000000000000000000000000")
    end = bytes.fromhex("20010db800000000ffffffffffffffff")
    return struct.pack(">BBHHH", 8, 0, 40, 0, 65535) + start + end


def esp_proposal():
    """One ESP proposal (§3.3.1): SPI c0ffee01; AES-CBC 128 (Key Length, §3.3.5),
    HMAC-SHA2-256-128, no ESN."""
    transforms = [(3, 1, 12, struct.pack(">HH", 0x8000 | 14, 128)),  # ENCR_AES_CBC
                  (3, 3, 12, b""),                                   # AUTH_HMAC_SHA2_256_128
                  (0, 5, 0, b"")]                                    # NO_ESN
    body = b"".join(struct.pack(">BBHBBH", last, 0, 8 + len(attrs), ttype, 0, tid) + attrs
                    for last, ttype, tid, attrs in transforms)
    spi = bytes.fromhex("c0ffee01")
    return struct.pack(">BBHBBBB", 0, 0, 8 + len(spi) + len(body), 1, 3, len(spi),
                       len(transforms)) + spi + body


def inner_payloads():
    """IDi | AUTH | N(INITIAL_CONTACT) | SA | TSi | TSr, chained (§3.2)."""
    idi = struct.pack(">B3x", 5) + bytes.fromhex("20010db8000000000000000000000001")
    auth = struct.pack(">B3x", 2) + bytes(range(0xa0, 0xc0))
    notify = struct.pack(">BBH", 0, 0, 16384)
    ts = struct.pack(">B3x", 1) + ipv6_range_ts()
    chain = [(IDI, idi), (AUTH, auth), (NOTIFY, notify), (SA, esp_proposal()), (TSI, ts),
             (TSR, ts)]
    out = b""
    for i, (_, body) in enumerate(chain):
        following = chain[i + 1][0] if i + 1 < len(chain) else NONE
        out += generic(following, body)
    return out


def header(next_payload, length):
    """IKE header (§3.1)."""
    return SPI_I + SPI_R + struct.pack(">BBBBII", next_payload, 0x20, IKE_AUTH, FLAG_I,
                                       MESSAGE_ID, length)


def cbc_vector():
    sk_e = bytes(range(0x00, 0x10))
    sk_a = bytes(range(0x20, 0x40))
    iv = bytes(range(0x50, 0x60))
    inner = inner_payloads()
    pad = (-(len(inner) + 1)) % 16
    plaintext = inner + bytes(pad) + bytes([pad])
    sk_length = 4 + len(iv) + len(plaintext) + 16
    start = header(SK, 28 + sk_length) + struct.pack(">BBH", IDI, 0, sk_length)
    encryptor = Cipher(algorithms.AES(sk_e), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(plaintext) + encryptor.finalize()
    message = start + iv + ciphertext
    icv = hmac.new(sk_a, message, hashlib.sha256).digest()[:16]
    return {"SK_ei": sk_e, "SK_ai": sk_a, "IV": iv, "inner": inner, "message": message + icv}


def gcm_vector():
    key, salt = bytes(range(0x60, 0x70)), bytes.fromhex("c0c1c2c3")
    iv = bytes.fromhex("d0d1d2d3d4d5d6d7")
    inner = inner_payloads()
    plaintext = inner + bytes([0])  # block size 1: no padding, Pad Length 0
    vid = generic(SK, b"cxtp-ipsec")
    sk_length = 4 + len(iv) + len(plaintext) + 16
    aad = header(VID, 28 + len(vid) + sk_length) + vid + struct.pack(">BBH", IDI, 0, sk_length)
    sealed = AESGCM(key).encrypt(salt + iv, plaintext, aad)  # ciphertext | 16-octet tag
    return {"SK_ei": key + salt, "IV": iv, "message": aad + iv + sealed}


def main():
    for name, vector in (("AES-CBC-128 + HMAC-SHA2-256-128", cbc_vector()),
                         ("AES-GCM-16 128", gcm_vector())):
        print(name)
        for field, value in vector.items():
            print(f"  {field} ({len(value)} octets): {value.hex()}")


if __name__ == "__main__":
    main()
