/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_BUILD_INFO_H
#define CXTP_BUILD_INFO_H

#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \return the git commit the module was built from (12 hex digits, "-dirty" appended if the
 *         module's files differed from it; "unknown" when built outside a git checkout), written
 *         into every output so that a result names the code that made it
 */
std::string CxtpBuildCommit();

} // namespace ns3

#endif // CXTP_BUILD_INFO_H
