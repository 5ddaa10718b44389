# Imports ns-3 (>= 3.37) as ns3::lib<module> targets.
#
# The normal path is find_package(ns3), which works with any ns-3 install prefix given through
# CMAKE_PREFIX_PATH, and with Debian's packages when libns3-dev, ns3 and libgsl-dev are all
# installed (the config file references files from the last two).  When the config cannot load,
# the libraries are imported by hand under the same target names.
set(CXTP_NS3_MODULES
    core network internet bridge traffic-control stats mobility applications internet-apps
    point-to-point csma virtual-net-device)

find_package(ns3 3.37 QUIET)
if(ns3_FOUND)
  message(STATUS "ns-3 ${ns3_VERSION} found through its CMake config")
else()
  message(STATUS "ns-3 CMake config not usable; importing the libraries by hand")
  find_path(NS3_INCLUDE_DIR ns3/core-module.h REQUIRED)
  foreach(m IN LISTS CXTP_NS3_MODULES)
    find_library(NS3_${m}_LIBRARY NAMES ns3-${m} ns3.37-${m} ns3-${m}-default REQUIRED)
    add_library(ns3::lib${m} SHARED IMPORTED)
    set_target_properties(ns3::lib${m} PROPERTIES
      IMPORTED_LOCATION "${NS3_${m}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${NS3_INCLUDE_DIR}")
  endforeach()
endif()

set(CXTP_NS3_LIBRARIES)
foreach(m IN LISTS CXTP_NS3_MODULES)
  list(APPEND CXTP_NS3_LIBRARIES ns3::lib${m})
endforeach()

# Optional modules, linked only by the programs that need them: fd-net-device (an ns-3 node on
# a Linux tap, for the interop program). Without it, that program is not built.
if(NOT ns3_FOUND AND NOT TARGET ns3::libfd-net-device)
  find_library(NS3_fd-net-device_LIBRARY NAMES ns3-fd-net-device ns3.37-fd-net-device
               ns3-fd-net-device-default)
  if(NS3_fd-net-device_LIBRARY)
    add_library(ns3::libfd-net-device SHARED IMPORTED)
    set_target_properties(ns3::libfd-net-device PROPERTIES
      IMPORTED_LOCATION "${NS3_fd-net-device_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${NS3_INCLUDE_DIR}")
  endif()
endif()

# The directory of ns-3's own headers, used to refuse a staged header name that ns-3 already has.
find_path(CXTP_NS3_HEADER_DIR ns3/core-module.h REQUIRED)
