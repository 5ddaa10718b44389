/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-spi-update.h"

namespace ns3
{

bool
IkeSpiUpdate::operator==(const IkeSpiUpdate& other) const
{
    return protocolId == other.protocolId && oldSpi == other.oldSpi && newSpi == other.newSpi;
}

} // namespace ns3
