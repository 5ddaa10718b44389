/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-tls-endpoint.h"

#include "crypto-random.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapTlsEndpoint");

EapTlsEndpoint::EapTlsEndpoint(const CryptoTlsSession::Config& tls, Ptr<CryptoRandom> rng)
    : m_tls(tls),
      m_rng(rng)
{
    NS_LOG_FUNCTION(this << static_cast<int>(tls.role));
    NS_ABORT_MSG_IF(!rng, "EapTlsEndpoint: no random source");
}

EapTlsEndpoint::~EapTlsEndpoint() = default;

void
EapTlsEndpoint::SetFragmentSize(uint32_t size)
{
    NS_ABORT_MSG_IF(size == 0, "EAP-TLS fragment size 0");
    m_fragmentSize = size;
}

void
EapTlsEndpoint::SetClockAtStart(int64_t seconds)
{
    m_clockAtStart = seconds;
}

const char*
EapTlsEndpoint::Received() const
{
    return m_tls.role == CryptoTlsSession::Role::CLIENT ? "Request" : "Response";
}

int64_t
EapTlsEndpoint::Now() const
{
    return m_clockAtStart + static_cast<int64_t>(Simulator::Now().GetSeconds());
}

bool
EapTlsEndpoint::IsAck(const EapTlsFrame& frame)
{
    return !frame.lengthIncluded && !frame.moreFragments && !frame.start && frame.data.empty();
}

EapTlsEndpoint::Result
EapTlsEndpoint::Start(std::vector<uint8_t>& typeData, std::string& reason)
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_tls.role != CryptoTlsSession::Role::SERVER,
                    "EapTlsEndpoint::Start: the server's");
    if (m_session)
    {
        m_failed = true;
        reason = "EAP-TLS started twice";
        return Result::FAILED;
    }
    m_session = std::make_unique<CryptoTlsSession>(m_tls, m_rng);
    if (!m_session->GetSetupError().empty())
    {
        m_failed = true;
        reason = "EAP-TLS server credentials unusable: " + m_session->GetSetupError();
        return Result::FAILED;
    }
    EapTlsFrame start;
    start.start = true;
    typeData = EapTlsFraming::Encode(start);
    return Result::SEND;
}

EapTlsEndpoint::Result
EapTlsEndpoint::Receive(const std::vector<uint8_t>& typeData,
                        std::vector<uint8_t>& reply,
                        std::string& reason)
{
    NS_LOG_FUNCTION(this << typeData.size());
    reply.clear();
    reason.clear();
    Result result = Result::FAILED;
    auto fail = [&](const std::string& why) {
        reason = why;
        return Result::FAILED;
    };
    const bool peer = m_tls.role == CryptoTlsSession::Role::CLIENT;
    EapTlsFrame frame;
    WireDecodeResult decoded = EapTlsFraming::Decode(typeData, frame);
    if (m_failed)
    {
        result = fail("EAP-TLS conversation already failed");
    }
    else if (!decoded.IsOk())
    {
        result = fail(decoded.reason);
    }
    else if (peer && !m_session)
    {
        // The peer's first Request must be the Start (RFC 5216 §2.1.1), which carries no data
        // (§3.2).
        if (!frame.start)
        {
            result = fail("EAP-TLS Request before the Start (RFC 5216 §2.1.1)");
        }
        else if (frame.lengthIncluded || frame.moreFragments || !frame.data.empty())
        {
            result = fail("EAP-TLS Start with data or the L or M flag (RFC 5216 §3.2)");
        }
        else
        {
            m_session = std::make_unique<CryptoTlsSession>(m_tls, m_rng);
            result = Advance({}, reply, reason);
        }
    }
    else if (!m_session)
    {
        result = fail("EAP-TLS Response before the Start");
    }
    else if (frame.start)
    {
        result =
            fail(std::string("EAP-TLS ") + Received() + " with the Start flag in the conversation");
    }
    else if (m_nextFragment < m_fragments.size())
    {
        // We are sending a fragmented flight: the other end acknowledges each fragment with an
        // empty packet (§2.1.5).
        if (!IsAck(frame))
        {
            result = fail("EAP-TLS fragment " + std::to_string(m_nextFragment) + " of " +
                          std::to_string(m_fragments.size()) + " not acknowledged: the " +
                          Received() + " carries data or flags (RFC 5216 §2.1.5)");
        }
        else
        {
            reply = EapTlsFraming::Encode(m_fragments[m_nextFragment++]);
            NS_LOG_LOGIC("fragment " << m_nextFragment << " of " << m_fragments.size());
            result = Result::SEND;
        }
    }
    else if (m_session->IsComplete())
    {
        if (!peer && IsAck(frame))
        {
            // The peer's empty Response to our Finished (§2.1.1): the peer is authenticated.
            NS_LOG_LOGIC("EAP-TLS peer acknowledged the server's Finished");
            result = Result::DONE;
        }
        else
        {
            result =
                fail(std::string("EAP-TLS ") + Received() + " after the TLS handshake completed");
        }
    }
    else
    {
        WireDecodeResult added = m_reassembler.Add(frame);
        if (!added.IsOk())
        {
            result = fail(added.reason);
        }
        else if (frame.moreFragments)
        {
            reply = EapTlsFraming::Encode(EapTlsFrame{}); // acknowledgement (§2.1.5)
            result = Result::SEND;
        }
        else
        {
            const std::vector<uint8_t> flight = m_reassembler.GetMessage();
            m_reassembler.Reset();
            result =
                flight.empty()
                    ? fail(std::string("empty EAP-TLS ") + Received() + ": TLS records expected")
                    : Advance(flight, reply, reason);
        }
    }
    if (result == Result::FAILED)
    {
        m_failed = true;
        reply.clear();
        NS_LOG_LOGIC("EAP-TLS " << (peer ? "peer" : "server") << " fails: " << reason);
    }
    return result;
}

EapTlsEndpoint::Result
EapTlsEndpoint::Advance(const std::vector<uint8_t>& flight,
                        std::vector<uint8_t>& reply,
                        std::string& reason)
{
    const bool peer = m_tls.role == CryptoTlsSession::Role::CLIENT;
    std::vector<uint8_t> records;
    const CryptoTlsSession::Status status = m_session->Step(flight, Now(), records, reason);
    if (status == CryptoTlsSession::Status::FAILED)
    {
        return Result::FAILED;
    }
    if (m_session->HasPendingInput())
    {
        reason = status == CryptoTlsSession::Status::COMPLETE
                     ? "TLS records after the Finished message"
                     : "the EAP-TLS message ends inside a TLS record, or carries records "
                       "past the flight";
        return Result::FAILED;
    }
    if (status == CryptoTlsSession::Status::COMPLETE)
    {
        m_msk = m_session->ExportKeyingMaterial(KEY_LABEL, MSK_LENGTH);
        NS_LOG_LOGIC("TLS handshake complete (" << m_session->GetDescription() << ")");
    }
    if (records.empty())
    {
        if (status == CryptoTlsSession::Status::COMPLETE && peer)
        {
            // The server's Finished checked: the peer answers with an empty Response (§2.1.1).
            reply = EapTlsFraming::Encode(EapTlsFrame{});
            return Result::SEND;
        }
        reason = "the TLS flight received is incomplete: nothing to answer";
        return Result::FAILED;
    }
    m_fragments = EapTlsFraming::Fragment(records, m_fragmentSize);
    m_nextFragment = 1;
    reply = EapTlsFraming::Encode(m_fragments.front());
    NS_LOG_LOGIC("sending " << records.size() << " octets of TLS records in " << m_fragments.size()
                            << " fragment(s)");
    return Result::SEND;
}

bool
EapTlsEndpoint::IsHandshakeComplete() const
{
    return m_session && m_session->IsComplete();
}

const std::vector<uint8_t>&
EapTlsEndpoint::GetMsk() const
{
    return m_msk;
}

std::string
EapTlsEndpoint::GetKeyLogLine() const
{
    return m_session ? m_session->GetKeyLogLine() : "";
}

std::string
EapTlsEndpoint::GetDescription() const
{
    return m_session ? m_session->GetDescription() : "";
}

} // namespace ns3
