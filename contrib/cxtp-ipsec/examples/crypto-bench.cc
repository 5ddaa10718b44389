/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/**
 * \file
 * \ingroup cxtp-ipsec
 * \brief Measures this host's OpenSSL for the operations of ns3::CryptoCostModel and writes a
 * cost profile ("host") in the module's INI format.
 *
 * Measured with std::chrono::steady_clock (the only program of the module that reads a wall
 * clock; the simulator itself never does):
 * - dh.modpN_keygen: draw a private value x of N-1 bits and compute g^x mod p (g = 2), as
 *   racoon does with OpenSSL's DH_generate_key when the private length is left at 0;
 *   dh.modpN_shared: y^x mod p for a random public value y. Primes: RFC 2409 §6.1/6.2 (768,
 *   1024 bits) and RFC 3526 §2-4 (1536, 2048, 3072 bits) through OpenSSL's BN_get_rfc*
 *   functions; constant-time Montgomery exponentiation with a cached Montgomery context, as
 *   OpenSSL's DH.
 * - dh.ecp256_* and dh.curve25519_*: the module's own CryptoDiffieHellman (RFC 5903 P-256 with
 *   OpenSSL's EC_POINT_mul, RFC 8031 X25519 through EVP), keygen = MakePrivate + ComputePublic,
 *   shared = ComputeShared with a fixed peer value.
 * - prf.hmac_H_call / _per_byte (MD5, SHA-1, SHA-256, SHA-384, SHA-512): EVP_MAC HMAC (new key each
 * call) on 64 B and 4096 B messages; the line through both points gives per-call and per-byte
 * costs.
 * - cipher.C_call / _per_byte: EVP CBC encryption (new key and IV each call, no padding) on
 *   64 B and 4096 B, fitted the same way; for aes128-gcm and aes256-gcm, EVP AES-GCM sealing
 *   (new key and 12-byte IV each call, no associated data, 16-byte tag read out).
 * - rsa.sign_N / rsa.verify_N (N = 1024, 2048, 3072, 4096): EVP_DigestSign / EVP_DigestVerify,
 *   RSASSA-PKCS1-v1_5 with SHA-256 over 512 B (the size of IKEv2's signed octets), with a key
 *   made once (EVP_RSA_gen, e = 65537) and kept loaded, as a daemon keeps its own.
 * - pki.certificate_check: the module's CryptoX509::VerifyChain of a path of one certificate
 *   (end entity under a self-signed root) and of four (end entity and three intermediate CAs),
 *   all RSA-2048 with SHA-256 and made here; a third of the difference is what one more
 *   certificate costs (its DER parsing, path building, name, validity and constraint checks, its
 *   signature), and less rsa.verify_2048 what it costs besides its signature.
 * - aka.milenage: the module's CryptoMilenage::GenerateVector (3GPP TS 35.206 f1 to f5: six
 *   AES-128 blocks, each through a new EVP context) with fixed K, OPc and RAND.
 * Each measurement runs batches of at least --minTime (0.2 s; 0.01 s with --quick) and keeps the
 * median of 5 batches. Keys that cannot be measured here (daemon, kernel, cxtp) are written as 0
 * with the provenance "not measurable here: 0"; the RADIUS client's and the AAA server's
 * (radius.packet_processing, aaa.radius_processing, aaa.database_lookup) are written as the
 * estimates for this class of host that profiles/host.ini argues.
 *
 * Options: --output FILE (default: standard output), --quick, --minTime SECONDS, --help.
 */

#include "program/cxtp-program-options.h"

#include "ns3/crypto-cost-model.h"
#include "ns3/crypto-diffie-hellman.h"
#include "ns3/crypto-milenage.h"
#include "ns3/crypto-random.h"
#include "ns3/crypto-x509.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief Times an operation: batches of at least minSeconds, median of 5 batches.
 * \param operation the operation
 * \param minSeconds minimum batch duration
 * \return the median time per operation in nanoseconds
 */
double
MeasureNs(const std::function<void()>& operation, double minSeconds)
{
    using Clock = std::chrono::steady_clock;
    auto runBatch = [&operation](uint64_t n) {
        auto start = Clock::now();
        for (uint64_t i = 0; i < n; ++i)
        {
            operation();
        }
        return std::chrono::duration<double>(Clock::now() - start).count();
    };
    uint64_t n = 1;
    double elapsed = runBatch(n);
    while (elapsed < minSeconds)
    {
        double factor = elapsed > 0 ? 1.2 * minSeconds / elapsed : 10.0;
        n = static_cast<uint64_t>(n * std::min(std::max(factor, 2.0), 100.0)) + 1;
        elapsed = runBatch(n);
    }
    std::vector<double> perOperation;
    for (int batch = 0; batch < 5; ++batch)
    {
        perOperation.push_back(runBatch(n) * 1e9 / n);
    }
    std::sort(perOperation.begin(), perOperation.end());
    return perOperation[2];
}

/**
 * \brief Stops the program if an OpenSSL call failed.
 * \param ok the call's success
 * \param what the call, for the message
 */
void
Check(bool ok, const char* what)
{
    if (!ok)
    {
        std::cerr << "crypto-bench: OpenSSL call failed: " << what << std::endl;
        std::exit(1);
    }
}

/// \brief One measured profile line.
struct Line
{
    std::string section;    ///< INI section
    std::string name;       ///< key within the section
    double value;           ///< value in the unit below
    std::string unit;       ///< ms, us, ns/B
    std::string provenance; ///< text after ';'
};

/**
 * \brief Measures DH key generation and shared secret for one MODP group.
 * \param bits the modulus size
 * \param prime the RFC prime (owned by the caller)
 * \param minSeconds batch duration
 * \param [out] keygenNs key generation time
 * \param [out] sharedNs shared secret time
 */
void
MeasureDh(uint32_t bits, const BIGNUM* prime, double minSeconds, double& keygenNs, double& sharedNs)
{
    BN_CTX* ctx = BN_CTX_new();
    BN_MONT_CTX* mont = BN_MONT_CTX_new();
    BIGNUM* g = BN_new();
    BIGNUM* x = BN_new();
    BIGNUM* y = BN_new();
    BIGNUM* r = BN_new();
    Check(ctx && mont && g && x && y && r, "BN allocation");
    Check(BN_MONT_CTX_set(mont, prime, ctx), "BN_MONT_CTX_set");
    Check(BN_set_word(g, 2), "BN_set_word");
    // Peer's public value: 2^z mod p for a random z.
    Check(BN_priv_rand(x, bits - 1, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY), "BN_priv_rand");
    Check(BN_mod_exp_mont(y, g, x, prime, ctx, mont), "BN_mod_exp_mont");
    keygenNs = MeasureNs(
        [&]() {
            Check(BN_priv_rand(x, bits - 1, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY), "BN_priv_rand");
            BN_set_flags(x, BN_FLG_CONSTTIME);
            Check(BN_mod_exp_mont_consttime(r, g, x, prime, ctx, mont), "modexp");
        },
        minSeconds);
    sharedNs = MeasureNs(
        [&]() {
            BN_set_flags(x, BN_FLG_CONSTTIME);
            Check(BN_mod_exp_mont_consttime(r, y, x, prime, ctx, mont), "modexp");
        },
        minSeconds);
    BN_free(r);
    BN_free(y);
    BN_free(x);
    BN_free(g);
    BN_MONT_CTX_free(mont);
    BN_CTX_free(ctx);
}

/**
 * \brief Measures the module's elliptic-curve Diffie-Hellman for one group.
 * \param group ECP_256 or CURVE25519
 * \param minSeconds batch duration
 * \param [out] keygenNs private value draw and public value
 * \param [out] sharedNs shared secret with a fixed peer value
 */
void
MeasureEcDh(CryptoDhGroup group, double minSeconds, double& keygenNs, double& sharedNs)
{
    Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
    std::vector<uint8_t> x = CryptoDiffieHellman::MakePrivate(group, *rng);
    std::vector<uint8_t> peer;
    std::vector<uint8_t> y;
    std::vector<uint8_t> shared;
    Check(CryptoDiffieHellman::ComputePublic(group,
                                             CryptoDiffieHellman::MakePrivate(group, *rng),
                                             peer),
          "CryptoDiffieHellman::ComputePublic");
    keygenNs = MeasureNs(
        [&]() {
            x = CryptoDiffieHellman::MakePrivate(group, *rng);
            Check(CryptoDiffieHellman::ComputePublic(group, x, y),
                  "CryptoDiffieHellman::ComputePublic");
        },
        minSeconds);
    sharedNs = MeasureNs(
        [&]() {
            Check(CryptoDiffieHellman::ComputeShared(group, x, peer, shared),
                  "CryptoDiffieHellman::ComputeShared");
        },
        minSeconds);
    rng->Dispose();
}

/**
 * \brief Fits time = call + perByte * bytes through two points.
 * \param small time for 64 B (ns)
 * \param large time for 4096 B (ns)
 * \param [out] callNs per-call cost (clamped at 0)
 * \param [out] perByteNs per-byte cost (clamped at 0)
 */
void
FitLine(double small, double large, double& callNs, double& perByteNs)
{
    perByteNs = std::max(0.0, (large - small) / (4096.0 - 64.0));
    callNs = std::max(0.0, small - 64.0 * perByteNs);
}

/**
 * \brief Measures one HMAC (EVP_MAC, new key per call) on a message of some length.
 * \param digest the OpenSSL digest name
 * \param bytes the message length
 * \param minSeconds batch duration
 * \return ns per HMAC
 */
double
MeasureHmac(const char* digest, size_t bytes, double minSeconds)
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    Check(mac, "EVP_MAC_fetch");
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    Check(ctx, "EVP_MAC_CTX_new");
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
        OSSL_PARAM_construct_end()};
    std::vector<unsigned char> key(20, 0x0b);
    std::vector<unsigned char> data(bytes, 0x5a);
    unsigned char out[EVP_MAX_MD_SIZE];
    double ns = MeasureNs(
        [&]() {
            size_t outLength = 0;
            Check(EVP_MAC_init(ctx, key.data(), key.size(), params), "EVP_MAC_init");
            Check(EVP_MAC_update(ctx, data.data(), data.size()), "EVP_MAC_update");
            Check(EVP_MAC_final(ctx, out, &outLength, sizeof(out)), "EVP_MAC_final");
            key[0] = out[0]; // a new key each call, as for a PRF chain
        },
        minSeconds);
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    return ns;
}

/**
 * \brief Measures one CBC encryption (new key and IV per call) of some length.
 * \param cipherName the OpenSSL cipher name
 * \param bytes the data length (a multiple of the block size)
 * \param minSeconds batch duration
 * \return ns per encryption
 */
double
MeasureCipher(const char* cipherName, size_t bytes, double minSeconds)
{
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, cipherName, nullptr);
    Check(cipher, "EVP_CIPHER_fetch");
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    Check(ctx, "EVP_CIPHER_CTX_new");
    std::vector<unsigned char> key(EVP_CIPHER_get_key_length(cipher), 0x42);
    std::vector<unsigned char> iv(EVP_CIPHER_get_iv_length(cipher), 0x24);
    std::vector<unsigned char> in(bytes, 0x5a);
    std::vector<unsigned char> out(bytes + 32);
    double ns = MeasureNs(
        [&]() {
            int length = 0;
            int finalLength = 0;
            Check(EVP_EncryptInit_ex2(ctx, cipher, key.data(), iv.data(), nullptr),
                  "EVP_EncryptInit_ex2");
            EVP_CIPHER_CTX_set_padding(ctx, 0);
            Check(EVP_EncryptUpdate(ctx, out.data(), &length, in.data(), in.size()),
                  "EVP_EncryptUpdate");
            Check(EVP_EncryptFinal_ex(ctx, out.data() + length, &finalLength),
                  "EVP_EncryptFinal_ex");
            iv[0] = out[0];
        },
        minSeconds);
    EVP_CIPHER_CTX_free(ctx);
    EVP_CIPHER_free(cipher);
    return ns;
}

/**
 * \brief Measures one AES-GCM seal (new key and IV per call, no associated data) of some length.
 * \param cipherName the OpenSSL cipher name ("AES-128-GCM", "AES-256-GCM")
 * \param bytes the plaintext length
 * \param minSeconds batch duration
 * \return ns per seal
 */
double
MeasureGcm(const char* cipherName, size_t bytes, double minSeconds)
{
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, cipherName, nullptr);
    Check(cipher, "EVP_CIPHER_fetch");
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    Check(ctx, "EVP_CIPHER_CTX_new");
    std::vector<unsigned char> key(EVP_CIPHER_get_key_length(cipher), 0x42);
    std::vector<unsigned char> iv(12, 0x24); // the default GCM IV length, as RFC 5282 uses
    std::vector<unsigned char> in(bytes, 0x5a);
    std::vector<unsigned char> out(bytes + 16);
    unsigned char tag[16];
    double ns = MeasureNs(
        [&]() {
            int length = 0;
            int finalLength = 0;
            Check(EVP_EncryptInit_ex2(ctx, cipher, key.data(), iv.data(), nullptr),
                  "EVP_EncryptInit_ex2");
            Check(EVP_EncryptUpdate(ctx, out.data(), &length, in.data(), in.size()),
                  "EVP_EncryptUpdate");
            Check(EVP_EncryptFinal_ex(ctx, out.data() + length, &finalLength),
                  "EVP_EncryptFinal_ex");
            Check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, sizeof(tag), tag),
                  "EVP_CTRL_GCM_GET_TAG");
            iv[0] = tag[0];
        },
        minSeconds);
    EVP_CIPHER_CTX_free(ctx);
    EVP_CIPHER_free(cipher);
    return ns;
}

/// Frees an EVP_PKEY.
struct PkeyDeleter
{
    /// \param key the key (may be null)
    void operator()(EVP_PKEY* key) const
    {
        EVP_PKEY_free(key);
    }
};

/// An owned EVP_PKEY.
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

/**
 * \brief Measures RSASSA-PKCS1-v1_5 with SHA-256 over 512 bytes with a loaded key.
 * \param key the RSA key pair
 * \param minSeconds batch duration
 * \param [out] signNs one signature
 * \param [out] verifyNs one verification
 */
void
MeasureRsa(EVP_PKEY* key, double minSeconds, double& signNs, double& verifyNs)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    Check(ctx, "EVP_MD_CTX_new");
    std::vector<unsigned char> data(512, 0x5a);
    std::vector<unsigned char> signature(EVP_PKEY_get_size(key));
    size_t length = signature.size();
    signNs = MeasureNs(
        [&]() {
            length = signature.size();
            Check(EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1,
                  "EVP_DigestSignInit");
            Check(EVP_DigestSign(ctx, signature.data(), &length, data.data(), data.size()) == 1,
                  "EVP_DigestSign");
            data[0] = signature[0]; // new data each call
        },
        minSeconds);
    Check(EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
              EVP_DigestSign(ctx, signature.data(), &length, data.data(), data.size()) == 1,
          "EVP_DigestSign");
    verifyNs = MeasureNs(
        [&]() {
            Check(EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1,
                  "EVP_DigestVerifyInit");
            Check(EVP_DigestVerify(ctx, signature.data(), length, data.data(), data.size()) == 1,
                  "EVP_DigestVerify");
        },
        minSeconds);
    EVP_MD_CTX_free(ctx);
}

/// Validity of the benchmark's certificates: 2020-01-01 to 2040-01-01, checked at 2030-01-01.
const int64_t CERT_NOT_BEFORE = 1577836800;
const int64_t CERT_NOT_AFTER = 2208988800;
const int64_t CERT_CHECK_TIME = 1893456000;

/**
 * \brief Makes an X.509 v3 certificate signed with SHA-256, of the usual shape for IKE: CA
 * certificates with basicConstraints CA:TRUE and keyUsage keyCertSign, cRLSign; end-entity
 * certificates with CA:FALSE, digitalSignature and a subjectAltName.
 * \param subject the subject's common name
 * \param subjectKey the certified key
 * \param issuer the issuer's common name (the subject's for a self-signed certificate)
 * \param issuerKey the signing key
 * \param isCa true for a CA certificate
 * \param serial the serial number
 * \return the certificate, DER
 */
std::vector<uint8_t>
MakeCertificate(const std::string& subject,
                EVP_PKEY* subjectKey,
                const std::string& issuer,
                EVP_PKEY* issuerKey,
                bool isCa,
                long serial)
{
    X509* cert = X509_new();
    X509_NAME* subjectName = X509_NAME_new();
    X509_NAME* issuerName = X509_NAME_new();
    Check(cert && subjectName && issuerName, "X509_new");
    auto cn = [](X509_NAME* name, const std::string& text) {
        Check(X509_NAME_add_entry_by_txt(name,
                                         "CN",
                                         MBSTRING_ASC,
                                         reinterpret_cast<const unsigned char*>(text.c_str()),
                                         -1,
                                         -1,
                                         0) == 1,
              "X509_NAME_add_entry_by_txt");
    };
    cn(subjectName, subject);
    cn(issuerName, issuer);
    Check(X509_set_version(cert, X509_VERSION_3) == 1 &&
              ASN1_INTEGER_set(X509_get_serialNumber(cert), serial) == 1 &&
              ASN1_TIME_set(X509_getm_notBefore(cert), CERT_NOT_BEFORE) != nullptr &&
              ASN1_TIME_set(X509_getm_notAfter(cert), CERT_NOT_AFTER) != nullptr &&
              X509_set_subject_name(cert, subjectName) == 1 &&
              X509_set_issuer_name(cert, issuerName) == 1 && X509_set_pubkey(cert, subjectKey) == 1,
          "X509 fields");
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, nullptr, cert, nullptr, nullptr, 0);
    const std::vector<std::pair<int, std::string>> extensions =
        isCa ? std::vector<std::pair<int, std::string>>{{NID_basic_constraints, "critical,CA:TRUE"},
                                                        {NID_key_usage,
                                                         "critical,keyCertSign,cRLSign"}}
             : std::vector<std::pair<int, std::string>>{
                   {NID_basic_constraints, "critical,CA:FALSE"},
                   {NID_key_usage, "critical,digitalSignature"},
                   {NID_subject_alt_name, "DNS:" + subject + ".example"}};
    for (const auto& extension : extensions)
    {
        X509_EXTENSION* ext =
            X509V3_EXT_conf_nid(nullptr, &v3, extension.first, extension.second.c_str());
        Check(ext && X509_add_ext(cert, ext, -1) == 1, "X509V3_EXT_conf_nid");
        X509_EXTENSION_free(ext);
    }
    Check(X509_sign(cert, issuerKey, EVP_sha256()) > 0, "X509_sign");
    int length = i2d_X509(cert, nullptr);
    Check(length > 0, "i2d_X509");
    std::vector<uint8_t> der(length);
    unsigned char* p = der.data();
    Check(i2d_X509(cert, &p) == length, "i2d_X509");
    X509_NAME_free(issuerName);
    X509_NAME_free(subjectName);
    X509_free(cert);
    return der;
}

/// \return "model name" from /proc/cpuinfo, or "unknown CPU"
std::string
CpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
    {
        if (line.rfind("model name", 0) == 0)
        {
            size_t colon = line.find(':');
            if (colon != std::string::npos)
            {
                size_t start = line.find_first_not_of(' ', colon + 1);
                return start == std::string::npos ? "unknown CPU" : line.substr(start);
            }
        }
    }
    return "unknown CPU";
}

/// \return the host name
std::string
HostName()
{
    char name[256] = {};
    if (gethostname(name, sizeof(name) - 1) != 0)
    {
        return "unknown-host";
    }
    return name;
}

/// \return today's date (UTC) as YYYY-MM-DD
std::string
Today()
{
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%d", &utc);
    return text;
}

/**
 * \param value a number
 * \param decimals digits after the point
 * \return the number in fixed notation
 */
std::string
Fixed(double value, int decimals)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(decimals) << value;
    return os.str();
}

/**
 * \brief Measures ECP-256 and Curve25519 and adds their profile lines.
 * \param minSeconds batch duration
 * \param provenance the measurement's provenance
 * \param [in,out] lines the profile lines by key
 */
void
AddEcDhLines(double minSeconds, const std::string& provenance, std::map<std::string, Line>& lines)
{
    for (CryptoDhGroup group : {CryptoDhGroup::ECP_256, CryptoDhGroup::CURVE25519})
    {
        double keygen = 0;
        double shared = 0;
        MeasureEcDh(group, minSeconds, keygen, shared);
        const std::string base = CryptoCostModel::GetDhName(group);
        const std::string through = provenance + " (through CryptoDiffieHellman)";
        lines["dh." + base + "_keygen"] = Line{"dh", base + "_keygen", keygen / 1e3, "us", through};
        lines["dh." + base + "_shared"] = Line{"dh", base + "_shared", shared / 1e3, "us", through};
        std::cerr << "dh " << base << ": keygen " << Fixed(keygen / 1e3, 1) << " us, shared "
                  << Fixed(shared / 1e3, 1) << " us" << std::endl;
    }
}

/**
 * \brief Measures the RSA lines and the certificate check and adds their profile lines.
 * \param minSeconds batch duration
 * \param provenance the measurement's provenance
 * \param [in,out] lines the profile lines by key
 */
void
AddPublicKeyLines(double minSeconds,
                  const std::string& provenance,
                  std::map<std::string, Line>& lines)
{
    const std::string rsaText =
        provenance + " (RSASSA-PKCS1-v1_5, SHA-256 over 512 B, key loaded, e = 65537)";
    std::map<uint32_t, PkeyPtr> keys;
    std::map<uint32_t, double> verifyNs;
    for (uint32_t bits : CryptoCostModel::GetRsaModulusSizes())
    {
        keys[bits] = PkeyPtr(EVP_RSA_gen(bits));
        Check(keys[bits] != nullptr, "EVP_RSA_gen");
        double sign = 0;
        MeasureRsa(keys[bits].get(), minSeconds, sign, verifyNs[bits]);
        const std::string size = std::to_string(bits);
        lines["rsa.sign_" + size] = Line{"rsa", "sign_" + size, sign / 1e3, "us", rsaText};
        lines["rsa.verify_" + size] =
            Line{"rsa", "verify_" + size, verifyNs[bits] / 1e3, "us", rsaText};
        std::cerr << "rsa " << size << ": sign " << Fixed(sign / 1e3, 1) << " us, verify "
                  << Fixed(verifyNs[bits] / 1e3, 1) << " us" << std::endl;
    }

    // Paths of one certificate (leaf <- root) and of four (leaf <- ca3 <- ca2 <- ca1 <- root),
    // all RSA-2048: the slope is what each certificate adds, without what a validation costs
    // once (the store, the trust anchor's parsing), which a daemon holding its anchors loaded
    // does not pay per certificate; over three certificates so that it is not lost in noise.
    EVP_PKEY* rootKey = keys.at(2048).get();
    std::vector<PkeyPtr> caKeys;
    std::vector<std::vector<uint8_t>> cas; // ca1 (under the root), ca2, ca3
    const std::vector<uint8_t> root = MakeCertificate("root", rootKey, "root", rootKey, true, 1);
    std::string issuer = "root";
    EVP_PKEY* issuerKey = rootKey;
    for (int i = 1; i <= 3; ++i)
    {
        caKeys.emplace_back(EVP_RSA_gen(2048));
        Check(caKeys.back() != nullptr, "EVP_RSA_gen");
        const std::string name = "ca" + std::to_string(i);
        cas.push_back(MakeCertificate(name, caKeys.back().get(), issuer, issuerKey, true, 1 + i));
        issuer = name;
        issuerKey = caKeys.back().get();
    }
    PkeyPtr leafKey(EVP_RSA_gen(2048));
    Check(leafKey != nullptr, "EVP_RSA_gen");
    const std::vector<uint8_t> leaf =
        MakeCertificate("leaf", leafKey.get(), "root", rootKey, false, 5);
    const std::vector<uint8_t> deepLeaf =
        MakeCertificate("leaf", leafKey.get(), issuer, issuerKey, false, 6);
    std::string error;
    const double oneNs = MeasureNs(
        [&]() {
            Check(CryptoX509::VerifyChain(leaf, {}, {root}, CERT_CHECK_TIME, error),
                  "CryptoX509::VerifyChain");
        },
        minSeconds);
    const double fourNs = MeasureNs(
        [&]() {
            Check(CryptoX509::VerifyChain(deepLeaf, cas, {root}, CERT_CHECK_TIME, error),
                  "CryptoX509::VerifyChain");
        },
        minSeconds);
    const double certificateNs = (fourNs - oneNs) / 3;
    const double checkNs = std::max(0.0, certificateNs - verifyNs.at(2048));
    lines["pki.certificate_check"] =
        Line{"pki",
             "certificate_check",
             checkNs / 1e3,
             "us",
             provenance + " (CryptoX509::VerifyChain of 1 and 4 certificates under a root, " +
                 Fixed(oneNs / 1e3, 1) + " and " + Fixed(fourNs / 1e3, 1) +
                 " us, RSA-2048: a certificate less rsa.verify_2048)"};
    std::cerr << "pki: paths of 1 and 4 certificates " << Fixed(oneNs / 1e3, 1) << " and "
              << Fixed(fourNs / 1e3, 1) << " us, certificate_check " << Fixed(checkNs / 1e3, 1)
              << " us" << std::endl;
}

} // namespace

int
main(int argc, char* argv[])
{
    CxtpProgramOptions opts("cxtp-ipsec-crypto-bench",
                            "Measures this host's OpenSSL for the operations of the crypto cost "
                            "model (DH, HMAC, CBC and GCM ciphers, RSA, certificates) and writes "
                            "a cost profile named "
                            "\"host\" in the module's INI format.");
    opts.Add().add_options()("output",
                             boost::program_options::value<std::string>()->default_value(""),
                             "profile file to write (default: standard output)")(
        "quick",
        boost::program_options::bool_switch(),
        "short measurements (0.01 s batches), for tests; less precise")(
        "minTime",
        boost::program_options::value<double>(),
        "minimum duration of one measurement batch in seconds (default 0.2)");
    auto vm = opts.Parse(argc, argv);
    double minSeconds = vm["quick"].as<bool>() ? 0.01 : 0.2;
    if (vm.count("minTime"))
    {
        minSeconds = vm["minTime"].as<double>();
        if (!(minSeconds > 0 && minSeconds <= 60))
        {
            opts.Fail("--minTime must be in (0, 60] seconds");
        }
    }
    std::string outputPath = vm["output"].as<std::string>();

    std::string provenance = "measured on " + HostName() + " " + CpuModel() + " with " +
                             OpenSSL_version(OPENSSL_VERSION) + " by cxtp-ipsec-crypto-bench on " +
                             Today();
    std::map<std::string, Line> lines;
    auto add = [&lines](const std::string& section,
                        const std::string& name,
                        double value,
                        const std::string& unit,
                        const std::string& text) {
        lines[section + "." + name] = Line{section, name, value, unit, text};
    };

    /// \brief A MODP group: size and the OpenSSL function returning its RFC prime.
    struct Group
    {
        uint32_t bits;           ///< modulus size
        BIGNUM* (*get)(BIGNUM*); ///< BN_get_rfc2409_prime_768 etc.
    };

    const Group groups[] = {{768, BN_get_rfc2409_prime_768},
                            {1024, BN_get_rfc2409_prime_1024},
                            {1536, BN_get_rfc3526_prime_1536},
                            {2048, BN_get_rfc3526_prime_2048},
                            {3072, BN_get_rfc3526_prime_3072}};
    for (const auto& group : groups)
    {
        BIGNUM* prime = group.get(nullptr);
        Check(prime, "BN_get_rfc prime");
        double keygen = 0;
        double shared = 0;
        MeasureDh(group.bits, prime, minSeconds, keygen, shared);
        BN_free(prime);
        std::string base = "modp" + std::to_string(group.bits);
        add("dh", base + "_keygen", keygen / 1e3, "us", provenance);
        add("dh", base + "_shared", shared / 1e3, "us", provenance);
        std::cerr << "dh " << base << ": keygen " << Fixed(keygen / 1e3, 1) << " us, shared "
                  << Fixed(shared / 1e3, 1) << " us" << std::endl;
    }

    AddEcDhLines(minSeconds, provenance, lines);

    const std::pair<const char*, const char*> hashes[] = {{"md5", "MD5"},
                                                          {"sha1", "SHA1"},
                                                          {"sha256", "SHA256"},
                                                          {"sha384", "SHA384"},
                                                          {"sha512", "SHA512"}};
    for (const auto& hash : hashes)
    {
        double small = MeasureHmac(hash.second, 64, minSeconds);
        double large = MeasureHmac(hash.second, 4096, minSeconds);
        double call = 0;
        double perByte = 0;
        FitLine(small, large, call, perByte);
        std::string fit = provenance + " (line through HMAC of 64 B and 4096 B)";
        add("prf", std::string("hmac_") + hash.first + "_call", call, "ns", fit);
        add("prf", std::string("hmac_") + hash.first + "_per_byte", perByte, "ns/B", fit);
        std::cerr << "hmac " << hash.first << ": " << Fixed(call, 1) << " ns + "
                  << Fixed(perByte, 3) << " ns/B" << std::endl;
    }

    /// \brief A cipher to measure: its profile name, OpenSSL's name and its mode.
    struct Cipher
    {
        const char* name;    ///< profile name
        const char* openssl; ///< OpenSSL cipher name
        bool gcm;            ///< AES-GCM sealing (else CBC encryption)
    };

    const Cipher ciphers[] = {{"3des-cbc", "DES-EDE3-CBC", false},
                              {"aes128-cbc", "AES-128-CBC", false},
                              {"aes256-cbc", "AES-256-CBC", false},
                              {"aes128-gcm", "AES-128-GCM", true},
                              {"aes256-gcm", "AES-256-GCM", true}};
    for (const auto& cipher : ciphers)
    {
        auto measure = [&cipher, minSeconds](size_t bytes) {
            return cipher.gcm ? MeasureGcm(cipher.openssl, bytes, minSeconds)
                              : MeasureCipher(cipher.openssl, bytes, minSeconds);
        };
        double small = measure(64);
        double large = measure(4096);
        double call = 0;
        double perByte = 0;
        FitLine(small, large, call, perByte);
        std::string fit =
            provenance + (cipher.gcm ? " (line through GCM sealing of 64 B and 4096 B)"
                                     : " (line through CBC encryption of 64 B and 4096 B)");
        add("cipher", std::string(cipher.name) + "_call", call, "ns", fit);
        add("cipher", std::string(cipher.name) + "_per_byte", perByte, "ns/B", fit);
        std::cerr << "cipher " << cipher.name << ": " << Fixed(call, 1) << " ns + "
                  << Fixed(perByte, 3) << " ns/B" << std::endl;
    }

    AddPublicKeyLines(minSeconds, provenance, lines);

    {
        const std::vector<uint8_t> k(CryptoMilenage::BLOCK_LENGTH, 0x46);
        const std::vector<uint8_t> opc(CryptoMilenage::BLOCK_LENGTH, 0xcd);
        const std::vector<uint8_t> rand(CryptoMilenage::BLOCK_LENGTH, 0x23);
        CryptoMilenage::Vector vector;
        const double ns = MeasureNs(
            [&]() {
                Check(CryptoMilenage::GenerateVector(k, opc, 1, 0x8000, rand, vector),
                      "CryptoMilenage::GenerateVector");
            },
            minSeconds);
        add("aka",
            "milenage",
            ns / 1e3,
            "us",
            provenance + " (CryptoMilenage::GenerateVector: f1 to f5, six AES-128 blocks)");
        std::cerr << "aka milenage: " << Fixed(ns / 1e3, 2) << " us" << std::endl;
    }

    // A daemon's packet handling is not timed here; the RADIUS client's and the AAA server's
    // lines are estimates for this class of host, written as profiles/host.ini argues them.
    add("radius",
        "packet_processing",
        20,
        "us",
        "estimate, not measured (the bench times primitives, not a daemon's packet handling): "
        "one RADIUS packet built and sent, or received and parsed, by a charon-like client on "
        "this class of host (x86-64 VM at 2-4 GHz, Linux): one sendto or recvfrom ~3-5 us with "
        "the syscall mitigations of a VM, ~10 attributes ~1 us, the Response Authenticator's MD5 "
        "under 1 us (prf.hmac_md5_per_byte), one log line ~5-10 us: ~10-15 us, rounded up");
    add("aaa",
        "radius_processing",
        100,
        "us",
        "estimate, not measured: one Access-Request read and answered by a FreeRADIUS-like "
        "server besides crypto, the testbed-2008 line's breakdown (~0.4 ms on a 1.6 GHz Pentium "
        "M) with each part ~4-5 times faster on a current core (syscalls ~10 us, decoding and "
        "module chains ~50 us, encoding and logging ~20 us): ~80 us, rounded up");
    add("aaa",
        "database_lookup",
        200,
        "us",
        "estimate, not measured: one primary-key SELECT from a current SQL server through a "
        "local socket (~50-100 us round trip with parse and index look-up) plus result "
        "conversion and pool hand-over (~20-50 us): ~150 us, rounded up");

    for (const auto& key : CryptoCostModel::GetRequiredKeys())
    {
        if (lines.count(key) == 0)
        {
            size_t dot = key.find('.');
            add(key.substr(0, dot), key.substr(dot + 1), 0, "ms", "not measurable here: 0");
        }
    }

    std::ostringstream os;
    os << "# host: this machine's OpenSSL speed for the operations of ns3::CryptoCostModel,\n"
       << "# written by cxtp-ipsec-crypto-bench (scripts/measure-host-profile); answers \"what\n"
       << "# would it cost today\". Format: key = value unit ; provenance (units s, ms, us, ns,\n"
       << "# ns/B). Daemon, kernel and CXTP processing are not measured and are 0.\n"
       << "# The radius.* and aaa.* lines (RADIUS client and AAA server) are estimates, not\n"
       << "# measurements: a daemon's packet handling, which the bench does not time.\n"
       << "# Method: median of 5 batches of at least " << minSeconds
       << " s each (std::chrono::steady_clock).\n";
    std::string section;
    // Keep the model's key order, grouped by section.
    for (const auto& key : CryptoCostModel::GetRequiredKeys())
    {
        const Line& line = lines.at(key);
        if (line.section != section)
        {
            section = line.section;
            os << "\n[" << section << "]\n";
        }
        int decimals = line.unit == "ns/B" ? 4 : (line.unit == "ms" ? 0 : 1);
        if (line.unit == "ns")
        {
            decimals = 1;
        }
        os << line.name << " = " << Fixed(line.value, decimals) << " " << line.unit << " ; "
           << line.provenance << "\n";
    }

    if (outputPath.empty())
    {
        std::cout << os.str();
        return 0;
    }
    std::ofstream out(outputPath);
    if (!out)
    {
        opts.Fail("cannot write " + outputPath);
    }
    out << os.str();
    out.close();
    if (!out)
    {
        opts.Fail("error writing " + outputPath);
    }
    std::string error;
    CryptoCostProfile check;
    if (!CryptoCostProfile::Load(outputPath, check, error))
    {
        opts.Fail("wrote an unreadable profile: " + error);
    }
    std::cerr << "wrote " << outputPath << std::endl;
    return 0;
}
