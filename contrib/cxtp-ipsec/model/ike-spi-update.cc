/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-spi-update.h"

namespace ns3
{

uint8_t
IkeSpiUpdate::GetSpiSize(uint8_t protocolId)
{
    switch (protocolId)
    {
    case PROTOCOL_IKE: // the IKEv1 cookie pair
        return 16;
    case PROTOCOL_ESP:
        return 4;
    default:
        return 0;
    }
}

bool
IkeSpiUpdate::operator==(const IkeSpiUpdate& other) const
{
    return protocolId == other.protocolId && oldSpi == other.oldSpi && newSpi == other.newSpi;
}

} // namespace ns3
