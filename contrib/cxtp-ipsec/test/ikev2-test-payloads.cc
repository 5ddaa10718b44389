/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-test-payloads.h"

#include "cxtp-test-hex.h"

namespace ns3
{

std::vector<uint8_t>
Ikev2TestPayloads::Seq(size_t n, uint8_t first)
{
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i)
    {
        v[i] = static_cast<uint8_t>(first + i);
    }
    return v;
}

Ikev2TrafficSelector
Ikev2TestPayloads::Ipv6Prefix()
{
    return Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8::"),
                                           Ipv6Address("2001:db8::ffff:ffff:ffff:ffff"));
}

std::vector<Ikev2Payload>
Ikev2TestPayloads::AuthRequest()
{
    Ikev2IdiPayload idi;
    idi.idType = Ikev2IdType::ID_IPV6_ADDR;
    idi.data = CxtpTestFromHex("20010db8000000000000000000000001");
    Ikev2AuthPayload auth;
    auth.method = Ikev2AuthMethod::SHARED_KEY_MIC;
    auth.data = Seq(32, 0xa0);
    Ikev2NotifyPayload contact;
    contact.type = Ikev2NotifyType::INITIAL_CONTACT;
    Ikev2Proposal esp;
    esp.number = 1;
    esp.protocolId = Ikev2ProtocolId::ESP;
    esp.spi = CxtpTestFromHex("c0ffee01");
    esp.transforms = {Ikev2Transform::Encr(Ikev2EncrId::ENCR_AES_CBC, 128),
                      Ikev2Transform::Integ(Ikev2IntegId::AUTH_HMAC_SHA2_256_128),
                      Ikev2Transform::Esn(Ikev2EsnId::NO_ESN)};
    Ikev2SaPayload sa;
    sa.proposals = {esp};
    Ikev2TsiPayload tsi;
    tsi.selectors = {Ipv6Prefix()};
    Ikev2TsrPayload tsr;
    tsr.selectors = {Ipv6Prefix()};
    return {idi, auth, contact, sa, tsi, tsr};
}

std::vector<Ikev2Payload>
Ikev2TestPayloads::EveryPayload()
{
    Ikev2Proposal ike;
    ike.protocolId = Ikev2ProtocolId::IKE;
    ike.transforms = {Ikev2Transform::Encr(Ikev2EncrId::ENCR_AES_GCM_16, 256),
                      Ikev2Transform::Prf(Ikev2PrfId::PRF_HMAC_SHA2_256),
                      Ikev2Transform::Dh(Ikev2DhId::CURVE25519)};
    Ikev2Proposal ike2 = ike;
    ike2.number = 2;
    ike2.spi = Seq(8, 0x10);
    ike2.transforms[0].attributes.push_back(Ikev2Attribute{0x1234, false, 0, Seq(3, 1)});
    Ikev2SaPayload sa;
    sa.proposals = {ike, ike2};
    Ikev2IdrPayload idr;
    idr.idType = Ikev2IdType::ID_FQDN;
    idr.data = {'g', 'w', '.', 'e', 'x'};
    Ikev2NotifyPayload rekey{Ikev2ProtocolId::ESP,
                             CxtpTestFromHex("0a0b0c0d"),
                             Ikev2NotifyType::REKEY_SA,
                             {}};
    Ikev2DeletePayload del{Ikev2ProtocolId::ESP,
                           4,
                           {CxtpTestFromHex("01020304"), CxtpTestFromHex("05060708")}};
    Ikev2TsrPayload tsr;
    tsr.selectors = {Ikev2TrafficSelector::Ipv4Range(Ipv4Address("10.0.0.1"),
                                                     Ipv4Address("10.0.0.9"),
                                                     17,
                                                     500,
                                                     4500),
                     Ipv6Prefix()};
    Ikev2TsiPayload tsi;
    Ikev2CpPayload cp{Ikev2CfgType::CFG_REPLY, {{8, Seq(17, 0x20)}, {10, {}}}};
    Ikev2EapPayload eap{CxtpTestFromHex("01 07 000b 04 05 c0ffee00 11")};
    return {sa,
            Ikev2KePayload{Ikev2DhId::MODP_2048, Seq(256, 0)},
            Ikev2IdiPayload{{Ikev2IdType::ID_IPV6_ADDR, Seq(16, 0x20)}},
            idr,
            Ikev2CertPayload{Ikev2CertEncoding::X509_SIGNATURE, Seq(40, 0x30)},
            Ikev2CertReqPayload{Ikev2CertEncoding::X509_SIGNATURE, Seq(20, 0x40)},
            Ikev2AuthPayload{Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE, Seq(64, 0x50)},
            Ikev2NoncePayload{Seq(32, 0x60)},
            rekey,
            del,
            Ikev2DeletePayload{Ikev2ProtocolId::IKE, 0, {}},
            Ikev2VendorIdPayload{Seq(16, 0x70)},
            tsi,
            tsr,
            cp,
            eap,
            Ikev2EapPayload{CxtpTestFromHex("03 07 0004")},
            Ikev2UnknownPayload{static_cast<Ikev2PayloadType>(200), Seq(5, 0x80), false}};
}

} // namespace ns3
