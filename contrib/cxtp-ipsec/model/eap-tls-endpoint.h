/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_TLS_ENDPOINT_H
#define EAP_TLS_ENDPOINT_H

#include "crypto-tls-session.h"
#include "eap-tls-framing.h"
#include "eap-tls-reassembler.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief One end of an EAP-TLS conversation (RFC 5216), below the EAP packet: takes the
 * type-data of each packet received and gives the type-data of the packet to send. The peer
 * method (EapTlsPeerMethod, the TLS client) and the server method (EapTlsServerMethod, the TLS
 * server) wrap it.
 *
 * The conversation (RFC 5216 §2.1.1): the server sends an EAP-TLS Start (S flag, no data, §3.2);
 * the peer answers with its ClientHello; the server with ServerHello, Certificate,
 * ServerKeyExchange, CertificateRequest and ServerHelloDone; the peer with Certificate,
 * ClientKeyExchange, CertificateVerify, ChangeCipherSpec and Finished; the server with
 * ChangeCipherSpec and Finished; the peer with an empty EAP-TLS Response, after which the server
 * succeeds.
 *
 * Fragmentation (§2.1.5): each flight of TLS records is split by EapTlsFraming::Fragment into
 * packets of at most the fragment size of TLS data, L and the TLS Message Length on the first,
 * M on all but the last. The receiver acknowledges each fragment with M set by a packet with no
 * data and no flags, and EapTlsReassembler puts the flight back together. The sender sends its
 * next fragment only on such an acknowledgement.
 *
 * Anything unexpected ends the conversation with a reason, never an abort: type-data that does
 * not decode, a fragment stream that EapTlsReassembler refuses (no L on a first fragment with M,
 * a length that is exceeded or not met), data where an acknowledgement is due, a Start out of
 * place, a flight that ends inside a TLS record or leaves the handshake without anything to
 * answer, TLS records after the Finished message, and every TLS failure (certificate not
 * trusted or revoked, a bad signature or Finished). The TLS alert OpenSSL writes on a failure
 * is not sent: the end fails at once (the server then sends EAP-Failure; §2.1.3 has the alert
 * carried in EAP-TLS first).
 *
 * Certificates are checked at clockAtStart + Simulator::Now() (seconds since 1970).
 */
class EapTlsEndpoint
{
  public:
    /// The default fragment size, as EapServerConfig::tlsFragmentSize: RFC 5216 leaves it to
    /// the link; with 1020 octets of TLS data an EAP-TLS packet (EAP header 5, Flags 1, TLS
    /// Message Length 4) is at most 1030 octets.
    static constexpr uint32_t DEFAULT_FRAGMENT_SIZE = 1020;
    /// 2030-01-01T00:00:00Z, the default wall-clock time at simulation time zero (as
    /// EapServerConfig::clockAtStart and Ikev2Credentials).
    static constexpr int64_t DEFAULT_CLOCK_AT_START = 1893456000;
    /// The label of the key derivation (RFC 5216 §2.3).
    static constexpr const char* KEY_LABEL = "client EAP encryption";
    /// Octets of the MSK (RFC 5216 §2.3: the first 64 of the key material).
    static constexpr size_t MSK_LENGTH = 64;

    /// What to do after a packet.
    enum class Result : uint8_t
    {
        SEND,   ///< send the type-data given
        DONE,   ///< (server) the peer acknowledged our Finished: the peer is authenticated
        FAILED, ///< the conversation failed, with a reason
    };

    /**
     * \param tls our end (CLIENT: the EAP peer; SERVER: the EAP server) and credentials
     * \param rng the node's random source; the TLS session draws its stream key from it when
     *        the conversation starts (Start() on the server, the Start packet on the peer)
     */
    EapTlsEndpoint(const CryptoTlsSession::Config& tls, Ptr<CryptoRandom> rng);
    ~EapTlsEndpoint();

    /// \param size TLS octets per packet (aborts on 0)
    void SetFragmentSize(uint32_t size);
    /// \param seconds seconds since 1970 at simulation time zero
    void SetClockAtStart(int64_t seconds);

    /**
     * \brief (server) Makes the TLS session and gives the EAP-TLS Start.
     * \param [out] typeData the Start's type-data (flags S only)
     * \param [out] reason why not (FAILED: our credentials are unusable)
     * \return SEND or FAILED
     */
    Result Start(std::vector<uint8_t>& typeData, std::string& reason);
    /**
     * \brief Processes the type-data of a packet received from the other end.
     * \param typeData the type-data (EAP Type 13)
     * \param [out] reply the type-data to send (SEND)
     * \param [out] reason why the conversation failed (FAILED)
     * \return SEND, DONE or FAILED
     */
    Result Receive(const std::vector<uint8_t>& typeData,
                   std::vector<uint8_t>& reply,
                   std::string& reason);

    /// \return true once the TLS handshake is complete at our end (the other end's Finished
    ///         checked)
    bool IsHandshakeComplete() const;
    /// \return the MSK (RFC 5216 §2.3) once the handshake is complete, or empty
    const std::vector<uint8_t>& GetMsk() const;
    /// \return the session's NSS key log line (CryptoTlsSession::GetKeyLogLine), or empty
    std::string GetKeyLogLine() const;
    /// \return the session's protocol and cipher suite, or empty
    std::string GetDescription() const;

  private:
    /**
     * \param frame a frame received
     * \return true if it is an acknowledgement: no flags, no data (§2.1.5)
     */
    static bool IsAck(const EapTlsFrame& frame);
    /**
     * \brief Feeds a reassembled flight to TLS and decides the reply.
     * \param flight the TLS records
     * \param [out] reply the type-data to send
     * \param [out] reason why not
     * \return SEND or FAILED
     */
    Result Advance(const std::vector<uint8_t>& flight,
                   std::vector<uint8_t>& reply,
                   std::string& reason);
    /// \return "Request" (what the peer receives) or "Response" (the server)
    const char* Received() const;
    /// \return the time certificates are checked at now
    int64_t Now() const;

    CryptoTlsSession::Config m_tls;                 ///< our end and credentials
    Ptr<CryptoRandom> m_rng;                        ///< random source of the session
    uint32_t m_fragmentSize{DEFAULT_FRAGMENT_SIZE}; ///< TLS octets per packet
    int64_t m_clockAtStart{DEFAULT_CLOCK_AT_START}; ///< seconds since 1970 at time zero
    std::unique_ptr<CryptoTlsSession> m_session;    ///< once started
    EapTlsReassembler m_reassembler;                ///< the flight being received
    std::vector<EapTlsFrame> m_fragments;           ///< the flight being sent
    size_t m_nextFragment{0};                       ///< the next of them to send
    bool m_failed{false};                           ///< FAILED was returned
    std::vector<uint8_t> m_msk;                     ///< once complete
};

} // namespace ns3

#endif // EAP_TLS_ENDPOINT_H
