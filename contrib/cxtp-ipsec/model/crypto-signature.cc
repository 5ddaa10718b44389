/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-signature.h"

#include "crypto-openssl-internal.h"
#include "crypto-work-meter.h"

#include "ns3/log.h"

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoSignature");

namespace
{

/// An owned EVP_PKEY.
using PkeyPtr = CryptoPkeyPtr;
/// An owned EVP_MD_CTX.
using MdCtxPtr = CryptoMdCtxPtr;

/**
 * \param key a key
 * \return true if it is an RSA key
 */
bool
IsRsa(const EVP_PKEY* key)
{
    return key && EVP_PKEY_is_a(key, "RSA") == 1;
}

} // namespace

bool
CryptoSignature::SignRsa(CryptoHash hash,
                         const std::vector<uint8_t>& privateKeyDer,
                         const std::vector<uint8_t>& data,
                         std::vector<uint8_t>& signature)
{
    NS_LOG_FUNCTION(static_cast<int>(hash) << privateKeyDer.size() << data.size());
    signature.clear();
    // MD5 signs nothing here.
    const EVP_MD* md = hash == CryptoHash::MD5 ? nullptr : CryptoMac::GetEvpMd(hash);
    const unsigned char* p = privateKeyDer.data();
    PkeyPtr key(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(privateKeyDer.size())));
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by ctx
    if (!md || !IsRsa(key.get()) || !ctx ||
        EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
    {
        NS_LOG_LOGIC("not an RSA private key, or an unsupported hash");
        return false;
    }
    size_t length = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &length, data.data(), data.size()) != 1)
    {
        return false;
    }
    signature.resize(length);
    if (EVP_DigestSign(ctx.get(), signature.data(), &length, data.data(), data.size()) != 1)
    {
        signature.clear();
        return false;
    }
    signature.resize(length);
    CryptoWorkMeter::Record(
        {CryptoOperation::Kind::RSA_SIGN, static_cast<uint32_t>(EVP_PKEY_get_bits(key.get())), 0});
    return true;
}

bool
CryptoSignature::VerifyRsa(CryptoHash hash,
                           const std::vector<uint8_t>& publicKeyDer,
                           const std::vector<uint8_t>& data,
                           const std::vector<uint8_t>& signature)
{
    NS_LOG_FUNCTION(static_cast<int>(hash)
                    << publicKeyDer.size() << data.size() << signature.size());
    // MD5 signs nothing here.
    const EVP_MD* md = hash == CryptoHash::MD5 ? nullptr : CryptoMac::GetEvpMd(hash);
    const unsigned char* p = publicKeyDer.data();
    PkeyPtr key(d2i_PUBKEY(nullptr, &p, static_cast<long>(publicKeyDer.size())));
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by ctx
    if (!md || !IsRsa(key.get()) || !ctx || signature.empty() ||
        EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
    {
        NS_LOG_LOGIC("not an RSA public key, or an unsupported hash");
        return false;
    }
    // Recorded whether or not the signature verifies: the check costs the same.
    CryptoWorkMeter::Record({CryptoOperation::Kind::RSA_VERIFY,
                             static_cast<uint32_t>(EVP_PKEY_get_bits(key.get())),
                             0});
    return EVP_DigestVerify(ctx.get(),
                            signature.data(),
                            signature.size(),
                            data.data(),
                            data.size()) == 1;
}

} // namespace ns3
