/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-doi.h"

namespace ns3
{

const std::vector<uint8_t>&
Ikev1Doi::GetDpdVendorId()
{
    // RFC 3706 §2.1: the DPD vendor ID, ending with major and minor version 1.0.
    static const std::vector<uint8_t> id = {0xAF,
                                            0xCA,
                                            0xD7,
                                            0x13,
                                            0x68,
                                            0xA1,
                                            0xF1,
                                            0xC9,
                                            0x6B,
                                            0x86,
                                            0x96,
                                            0xFC,
                                            0x77,
                                            0x57,
                                            0x01,
                                            0x00};
    return id;
}

bool
Ikev1Doi::IsSupportedGroup(uint16_t id)
{
    return id == 1 || id == 2 || id == 5 || id == 14;
}

} // namespace ns3
