/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec-tests
 * A user's program built against an installed cxtp-ipsec through pkg-config (cxtp-ipsec.pc). It
 * reads the "testbed-2008" profile by name from the installation and checks one value, and that
 * an unknown name fails with an error naming the folders searched.
 *
 * Usage: cxtp-ipsec-external-pkg-config PREFIX
 * Exits 0 when every check passes, 1 otherwise.
 */

#include "ns3/crypto-cost-profile.h"

#include <iostream>
#include <string>

using namespace ns3;

int
main(int argc, char* argv[])
{
    if (argc != 2)
    {
        std::cerr << "usage: cxtp-ipsec-external-pkg-config PREFIX" << std::endl;
        return 2;
    }
    const std::string prefix = argv[1];
    const std::string folder = prefix + "/share/cxtp-ipsec/profiles";
    int failures = 0;

    CryptoCostProfile profile;
    std::string error;
    const std::string path = CryptoCostProfile::Resolve("testbed-2008");
    if (path != folder + "/testbed-2008.ini")
    {
        std::cerr << "FAIL: testbed-2008 resolves to " << path << ", not in " << folder
                  << std::endl;
        ++failures;
    }
    if (!CryptoCostProfile::Load(path, profile, error))
    {
        std::cerr << "FAIL: " << error << std::endl;
        ++failures;
    }
    else if (profile.GetTime("dh.modp1024_keygen") != MicroSeconds(8500))
    {
        std::cerr << "FAIL: dh.modp1024_keygen is " << profile.GetTime("dh.modp1024_keygen")
                  << ", not 8.5 ms as in testbed-2008.ini" << std::endl;
        ++failures;
    }

    bool loaded =
        CryptoCostProfile::Load(CryptoCostProfile::Resolve("no-such-profile"), profile, error);
    if (loaded || error.find(folder) == std::string::npos || error.find('\n') != std::string::npos)
    {
        std::cerr << "FAIL: an unknown profile gives '" << error << "', which does not name "
                  << folder << " on one line" << std::endl;
        ++failures;
    }

    if (failures == 0)
    {
        std::cout << "cxtp-ipsec-external-pkg-config: OK (" << path << ")" << std::endl;
    }
    return failures == 0 ? 0 : 1;
}
