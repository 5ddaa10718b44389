/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-services.h"

namespace ns3
{

Ikev2Services::~Ikev2Services() = default;

} // namespace ns3
