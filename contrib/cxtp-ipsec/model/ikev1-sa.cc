/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-sa.h"

#include "wire-writer.h"

#include <algorithm>

namespace ns3
{

std::string
ToString(Ikev1State state)
{
    switch (state)
    {
    case Ikev1State::IDLE:
        return "IDLE";
    case Ikev1State::MM_SENT_1:
        return "MM_SENT_1";
    case Ikev1State::MM_SENT_2:
        return "MM_SENT_2";
    case Ikev1State::MM_SENT_3:
        return "MM_SENT_3";
    case Ikev1State::MM_SENT_4:
        return "MM_SENT_4";
    case Ikev1State::MM_SENT_5:
        return "MM_SENT_5";
    case Ikev1State::AM_SENT_1:
        return "AM_SENT_1";
    case Ikev1State::AM_SENT_2:
        return "AM_SENT_2";
    case Ikev1State::ESTABLISHED:
        return "ESTABLISHED";
    case Ikev1State::QM_SENT_1:
        return "QM_SENT_1";
    case Ikev1State::QM_SENT_2:
        return "QM_SENT_2";
    case Ikev1State::FAILED:
        return "FAILED";
    }
    return "UNKNOWN";
}

void
Ikev1Sa::NoteInformationalId(uint32_t messageId)
{
    if (std::find(informationalIds.begin(), informationalIds.end(), messageId) !=
        informationalIds.end())
    {
        return;
    }
    informationalIds.push_back(messageId);
    if (informationalIds.size() > MAX_INFORMATIONAL_IDS)
    {
        informationalIds.erase(informationalIds.begin());
    }
}

bool
Ikev1Sa::IsMessageIdInUse(uint32_t messageId) const
{
    return quickModes.count(messageId) != 0 ||
           std::find(informationalIds.begin(), informationalIds.end(), messageId) !=
               informationalIds.end();
}

std::vector<uint8_t>
Ikev1Sa::GetCookiePair() const
{
    std::vector<uint8_t> pair;
    WireWriter writer(pair);
    writer.U64(initiatorCookie);
    writer.U64(responderCookie);
    return pair;
}

} // namespace ns3
