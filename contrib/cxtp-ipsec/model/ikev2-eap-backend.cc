/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-eap-backend.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(Ikev2EapBackend);

TypeId
Ikev2EapBackend::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ikev2EapBackend").SetParent<Object>().SetGroupName("CxtpIpsec");
    return tid;
}

Ikev2EapBackend::~Ikev2EapBackend() = default;

} // namespace ns3
