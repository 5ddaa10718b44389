# Imports an installed ns-3 (>= 3.37) as targets ns3::lib<module>, and lists the modules imported
# in CXTP_NS3_IMPORTED_MODULES.
#
# Used by this project's build and, installed as cxtp-ipsec-ns3-import.cmake, by
# find_package(cxtp-ipsec), whose target links the same ns3::lib<module> names.
#
# The normal path is find_package(ns3), which works with any ns-3 install prefix given through
# CMAKE_PREFIX_PATH, and with Debian's packages when libns3-dev, ns3 and libgsl-dev are all
# installed (the config file references files from the last two).  When the config cannot load,
# every ns-3 library found next to the core library is imported by hand under the same target
# names, without the dependencies between them.
find_package(ns3 3.37 QUIET)
if(ns3_FOUND)
  message(STATUS "ns-3 ${ns3_VERSION} found through its CMake config")
else()
  message(STATUS "ns-3 CMake config not usable; importing the libraries by hand")
  find_path(NS3_INCLUDE_DIR ns3/core-module.h REQUIRED)
  # Debian names the libraries libns3-<module>.so, ns-3's own install libns3.<version>-<module>
  # [-<build profile>].so: take the pattern from the core library.
  find_library(NS3_core_LIBRARY NAMES ns3-core ns3.37-core ns3.37-core-default ns3-core-default
               REQUIRED)
  get_filename_component(ns3_lib_dir ${NS3_core_LIBRARY} DIRECTORY)
  get_filename_component(ns3_lib_name ${NS3_core_LIBRARY} NAME)
  string(FIND ${ns3_lib_name} "core" ns3_core_at)
  string(SUBSTRING ${ns3_lib_name} 0 ${ns3_core_at} ns3_lib_prefix)
  math(EXPR ns3_core_end "${ns3_core_at} + 4")
  string(SUBSTRING ${ns3_lib_name} ${ns3_core_end} -1 ns3_lib_suffix)
  file(GLOB ns3_lib_files ${ns3_lib_dir}/${ns3_lib_prefix}*${ns3_lib_suffix})
  string(LENGTH "${ns3_lib_prefix}" ns3_prefix_length)
  string(LENGTH "${ns3_lib_suffix}" ns3_suffix_length)
  foreach(file IN LISTS ns3_lib_files)
    get_filename_component(name ${file} NAME)
    string(LENGTH ${name} length)
    math(EXPR length "${length} - ${ns3_prefix_length} - ${ns3_suffix_length}")
    if(length LESS 1)
      continue()
    endif()
    string(SUBSTRING ${name} ${ns3_prefix_length} ${length} m)
    if(m MATCHES "-test$" OR TARGET ns3::lib${m})
      continue()
    endif()
    add_library(ns3::lib${m} SHARED IMPORTED)
    set_target_properties(ns3::lib${m} PROPERTIES
      IMPORTED_LOCATION "${file}"
      INTERFACE_INCLUDE_DIRECTORIES "${NS3_INCLUDE_DIR}")
  endforeach()
endif()

set(CXTP_NS3_IMPORTED_MODULES)
get_directory_property(ns3_imported IMPORTED_TARGETS)
foreach(target IN LISTS ns3_imported)
  if(target MATCHES "^ns3::lib(.+)$")
    list(APPEND CXTP_NS3_IMPORTED_MODULES ${CMAKE_MATCH_1})
  endif()
endforeach()
