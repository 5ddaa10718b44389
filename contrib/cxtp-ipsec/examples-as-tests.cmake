# Each example runs as a ctest test with small arguments (label "example").
# cxtp_example_test(<test name> <example name> <args...>)
function(cxtp_example_test test example)
  set(out ${PROJECT_BINARY_DIR}/example-output/${test})
  add_test(NAME ${test} COMMAND cxtp-ipsec-${example} --outputDir=${out} ${ARGN})
  set_tests_properties(${test} PROPERTIES LABELS example)
endfunction()

if(TARGET cxtp-ipsec-esp-tunnel)
  cxtp_example_test(example-esp-tunnel esp-tunnel --duration=2s)
  cxtp_example_test(example-esp-tunnel-gcm esp-tunnel --duration=1s --encryption=aes128-gcm16)
endif()

# Capture tests: tshark decodes the example's pcap and decrypts it with the exported keys.
if(TARGET cxtp-ipsec-esp-tunnel)
  foreach(cipher IN ITEMS aes128-cbc 3des-cbc aes128-gcm16)
    add_test(NAME capture-esp-tunnel-${cipher}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-esp-capture.sh
                     $<TARGET_FILE:cxtp-ipsec-esp-tunnel>
                     ${PROJECT_BINARY_DIR}/example-output/capture-${cipher} --encryption=${cipher})
    set_tests_properties(capture-esp-tunnel-${cipher} PROPERTIES LABELS system)
  endforeach()
endif()

# The EAP and RADIUS codecs' packets, written by the cxtp-ipsec-radius-capture suite, through tshark.
if(TARGET cxtp-ipsec-test-runner)
  add_test(NAME capture-radius-eap
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-radius-capture.sh
                   $<TARGET_FILE:cxtp-ipsec-test-runner>
                   ${PROJECT_BINARY_DIR}/example-output/capture-radius-eap)
  set_tests_properties(capture-radius-eap PROPERTIES LABELS system)
endif()

# Same seed and run give the same pcaps, keys and summary, byte for byte.
if(TARGET cxtp-ipsec-esp-tunnel)
  add_test(NAME determinism-esp-tunnel
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-determinism.sh
                   $<TARGET_FILE:cxtp-ipsec-esp-tunnel>
                   ${PROJECT_BINARY_DIR}/example-output/determinism --duration=1s)
  set_tests_properties(determinism-esp-tunnel PROPERTIES LABELS system)
endif()

# IKEv1 (main and aggressive mode + quick mode): the example, then its capture through tshark.
if(TARGET cxtp-ipsec-ikev1)
  foreach(mode IN ITEMS main aggressive)
    cxtp_example_test(example-ikev1-${mode} ikev1 --duration=1s --mode=${mode})
    add_test(NAME capture-ikev1-${mode}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-ikev1-capture.sh
                     $<TARGET_FILE:cxtp-ipsec-ikev1>
                     ${PROJECT_BINARY_DIR}/example-output/capture-ikev1-${mode} --mode=${mode})
    set_tests_properties(capture-ikev1-${mode} PROPERTIES LABELS system)
  endforeach()
endif()

# IKEv2 (IKE_SA_INIT + IKE_AUTH, CREATE_CHILD_SA rekeys, DELETE): the example, then its capture
# through tshark with the exported ikev2_decryption_table and esp_sa.
if(TARGET cxtp-ipsec-ikev2)
  cxtp_example_test(example-ikev2 ikev2 --duration=1s --pcap=0)
  set(CXTP_IKEV2_CAPTURE_psk --auth=psk)
  set(CXTP_IKEV2_CAPTURE_cert --auth=cert)
  set(CXTP_IKEV2_CAPTURE_gcm --ike=aes256gcm16-prfsha384-ecp256 --esp=aes128gcm16)
  set(CXTP_IKEV2_CAPTURE_rekey --esp=aes128-sha256-modp2048 --duration=2s --rekeyAt=0.5s
      --rekeyIkeAt=1s --deleteAt=1.5s)
  # EAP in IKE_AUTH through the AAA server behind the SG; EAP-only authentication (RFC 5998).
  set(CXTP_IKEV2_CAPTURE_eap-tls --auth=eap-tls --aaaDelay=10ms)
  set(CXTP_IKEV2_CAPTURE_eap-aka-only --auth=eap-aka --eapOnly=1)
  foreach(case IN ITEMS psk cert gcm rekey eap-tls eap-aka-only)
    add_test(NAME capture-ikev2-${case}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-ikev2-capture.sh
                     $<TARGET_FILE:cxtp-ipsec-ikev2>
                     ${PROJECT_BINARY_DIR}/example-output/capture-ikev2-${case}
                     ${CXTP_IKEV2_CAPTURE_${case}})
    set_tests_properties(capture-ikev2-${case} PROPERTIES LABELS system)
  endforeach()
  # Certificates too: their RSA keys come from the seed and run (CryptoCertificateAuthority).
  add_test(NAME determinism-ikev2-cert
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-determinism.sh
                   $<TARGET_FILE:cxtp-ipsec-ikev2>
                   ${PROJECT_BINARY_DIR}/example-output/determinism-ikev2-cert --duration=1s
                   --auth=cert --pcap=1)
  set_tests_properties(determinism-ikev2-cert PROPERTIES LABELS system)
endif()

# Mobile IPv6 handover (method none): the three DAD modes, and a capture test with tshark.
if(TARGET cxtp-ipsec-mipv6-handover)
  cxtp_example_test(example-mipv6-handover mipv6-handover --method=none --handovers=1)
  cxtp_example_test(example-mipv6-handover-dad-off mipv6-handover --method=none --handovers=1
                    --dad=off)
  cxtp_example_test(example-mipv6-handover-optimistic mipv6-handover --method=none --handovers=1
                    --dad=optimistic --raInterval=50ms,100ms)
  add_test(NAME capture-mipv6-handover
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/mipv6-check-capture.sh
                   $<TARGET_FILE:cxtp-ipsec-mipv6-handover>
                   ${PROJECT_BINARY_DIR}/example-output/capture-mipv6-handover --method=none)
  set_tests_properties(capture-mipv6-handover PROPERTIES LABELS system)
  cxtp_example_test(example-mipv6-handover-manual mipv6-handover --method=manual
                    --handovers=2 --handoverPeriod=1.5s --dad=off)
  add_test(NAME capture-mipv6-handover-manual
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/mipv6-check-capture.sh
                   $<TARGET_FILE:cxtp-ipsec-mipv6-handover>
                   ${PROJECT_BINARY_DIR}/example-output/capture-mipv6-handover-manual
                   --method=manual)
  set_tests_properties(capture-mipv6-handover-manual PROPERTIES LABELS system)
endif()

# The command-line simulator with small arguments, and its INI configuration file.
if(TARGET cxtp-ipsec-sim)
  cxtp_example_test(example-sim-ikev1-aggressive sim --method=ikev1-aggressive --handovers=3
                    --handoverPeriod=3s)
  cxtp_example_test(example-sim-manual-config sim --config=${CMAKE_CURRENT_SOURCE_DIR}/test/sim-manual.ini)
  # Context transfer after each move; the program fails if a handover does not complete.
  cxtp_example_test(example-sim-ikev1-ct sim --method=ikev1-ct --handovers=4 --dad=off)
  # Half of the transfers meet an SPI collision at nSG and run UPDATE_SPI.
  cxtp_example_test(example-sim-ikev1-ct-update-spi sim --method=ikev1-ct --handovers=4 --dad=off
                    --spiCollision=0.5)
  # Invalid input -> one line, status 2; same seed and run -> same CSV files.
  add_test(NAME cli-sim
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-sim-cli.sh $<TARGET_FILE:cxtp-ipsec-sim>
                   ${PROJECT_BINARY_DIR}/example-output/cli-sim)
  set_tests_properties(cli-sim PROPERTIES LABELS system)
  # One output schema: the three handover programs' handovers.csv and summary.csv, same columns,
  # configuration columns holding what ran (an ns-3 attribute setting included).
  add_test(NAME output-schema
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/test/check-output-schema.py
                   $<TARGET_FILE_DIR:cxtp-ipsec-sim> ${PROJECT_BINARY_DIR}/example-output/schema)
  set_tests_properties(output-schema PROPERTIES LABELS system)
  # Context transfer on a long core: no fallback to IKE for either mode from 10 to 200 ms, and the
  # predictive push sent once.
  add_test(NAME ct-core-delay
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-ct-core-delay.sh
                   $<TARGET_FILE:cxtp-ipsec-sim> ${PROJECT_BINARY_DIR}/example-output/ct-core-delay)
  set_tests_properties(ct-core-delay PROPERTIES LABELS system)
  # IKEv2 after each move: tshark dissects every IKE frame and counts the messages and bytes
  # handovers.csv reports (a certificate chain makes IKE_AUTH span two IPv6 fragments).
  foreach(auth IN ITEMS psk cert)
    add_test(NAME capture-sim-ikev2-${auth}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-ikev2-sim-capture.sh
                     $<TARGET_FILE:cxtp-ipsec-sim>
                     ${PROJECT_BINARY_DIR}/example-output/capture-sim-ikev2-${auth}
                     --method=ikev2 --ikeAuth=${auth} --handovers=2)
    set_tests_properties(capture-sim-ikev2-${auth} PROPERTIES LABELS system)
  endforeach()
  # EAP in IKE_AUTH through the AAA server (RFC 7296 §2.16, RFC 3579): the same checks, the EAP
  # payloads decrypted, RADIUS dissected; and the set-up delay's growth with --aaaDelay against
  # the AAA round trips counted in the capture.
  foreach(eap IN ITEMS md5 aka tls)
    add_test(NAME capture-sim-ikev2-eap-${eap}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-ikev2-sim-capture.sh
                     $<TARGET_FILE:cxtp-ipsec-sim>
                     ${PROJECT_BINARY_DIR}/example-output/capture-sim-ikev2-eap-${eap}
                     --method=ikev2-eap-${eap} --handovers=2)
    add_test(NAME aaa-delay-slope-ikev2-eap-${eap}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-aaa-delay-slope.sh
                     $<TARGET_FILE:cxtp-ipsec-sim>
                     ${PROJECT_BINARY_DIR}/example-output/aaa-delay-slope-ikev2-eap-${eap}
                     --method=ikev2-eap-${eap})
    set_tests_properties(capture-sim-ikev2-eap-${eap} aaa-delay-slope-ikev2-eap-${eap}
                         PROPERTIES LABELS system)
  endforeach()
  # EAP-TLS draws OpenSSL's randomness from the seeded stream: same seed and run, same bytes.
  add_test(NAME determinism-ikev2-eap-tls
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-determinism.sh
                   $<TARGET_FILE:cxtp-ipsec-sim>
                   ${PROJECT_BINARY_DIR}/example-output/determinism-ikev2-eap-tls
                   --method=ikev2-eap-tls --handovers=1 --pcap=1)
  set_tests_properties(determinism-ikev2-eap-tls PROPERTIES LABELS system)
endif()

# Context transfer (ikev1-ct): predictive over UDP (the default), reactive over ICMPv6 with the
# first CTD lost on the core, and the fallback to IKEv1 with pSG unreachable.
if(TARGET cxtp-ipsec-context-transfer)
  cxtp_example_test(example-context-transfer context-transfer --handovers=2)
  cxtp_example_test(example-context-transfer-reactive-icmpv6 context-transfer --ctMode=reactive
                    --ctTransport=icmpv6 --dropCtd=1 --handovers=1)
  cxtp_example_test(example-context-transfer-psg-down context-transfer --psgDown=1 --handovers=1)
endif()
# Capture: no clear CXTP on the core, gateway ESP decrypted with esp_sa, the ICMPv6 CTAR with
# hop limit 255 and a good checksum.
if(TARGET cxtp-ipsec-context-transfer)
  foreach(mode IN ITEMS predictive reactive)
    add_test(NAME capture-context-transfer-${mode}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-ct-capture.sh
                     $<TARGET_FILE:cxtp-ipsec-context-transfer>
                     ${PROJECT_BINARY_DIR}/example-output/capture-ct-${mode} --ctMode=${mode})
    set_tests_properties(capture-context-transfer-${mode} PROPERTIES LABELS system)
  endforeach()
endif()

# strongSwan interop (IKEv1 and IKEv2): the model on a Linux tap against charon in a private
# network namespace, eleven cases. Needs root and /dev/net/tun (installs strongSwan from Debian); exits 77,
# shown as skipped, without them. Real time and namespaces: run alone.
if(TARGET cxtp-ipsec-ike-interop)
  add_test(NAME interop-strongswan
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/interop-strongswan
                   --binary $<TARGET_FILE:cxtp-ipsec-ike-interop>
                   --out ${PROJECT_BINARY_DIR}/example-output/interop-strongswan
                   --cases initiator-main,initiator-aggressive,responder-main,ikev2-initiator-psk,ikev2-responder-psk,ikev2-initiator-cert,ikev2-responder-cert,ikev2-rekey,ikev2-charon-rekey,ikev2-delete,ikev2-delete-child)
  set_tests_properties(interop-strongswan PROPERTIES LABELS interop SKIP_RETURN_CODE 77
                       TIMEOUT 600 RUN_SERIAL TRUE)
  # The model as EAP client (RFC 7296 §2.16) of charon with charon's own eap-md5 and eap-tls
  # plugins: one test per method, its own namespace and charon (about 10 s each; the timeout
  # leaves room for installing strongSwan on first use); only-tls: EAP-only authentication
  # (RFC 5998), charon proving itself by the EAP-TLS MSK alone.
  foreach(method IN ITEMS md5 tls only-tls)
    add_test(NAME interop-strongswan-eap-${method}
             COMMAND ${PROJECT_SOURCE_DIR}/scripts/interop-strongswan
                     --binary $<TARGET_FILE:cxtp-ipsec-ike-interop>
                     --out ${PROJECT_BINARY_DIR}/example-output/interop-strongswan-eap
                     --cases ikev2-eap-${method})
    set_tests_properties(interop-strongswan-eap-${method} PROPERTIES LABELS interop
                         SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE)
  endforeach()
endif()

# FreeRADIUS interop: the model's RadiusClient (with an in-process EapPeer) on a Linux tap against
# FreeRADIUS in a private network namespace: EAP-MD5, EAP-TLS (MSK compared), a wrong password.
# One test per case, each with its own namespace and radiusd (about 5 s each; the first one may
# install FreeRADIUS, about 35 s). Needs root and /dev/net/tun (installs FreeRADIUS from Debian);
# exits 77, shown as skipped, without them.
if(TARGET cxtp-ipsec-radius-interop)
  foreach(case IN ITEMS eap-md5 eap-tls eap-md5-reject)
    add_test(NAME interop-freeradius-${case}
             COMMAND ${PROJECT_SOURCE_DIR}/scripts/interop-freeradius
                     --binary $<TARGET_FILE:cxtp-ipsec-radius-interop>
                     --out ${PROJECT_BINARY_DIR}/example-output/interop-freeradius
                     --cases ${case})
    set_tests_properties(interop-freeradius-${case} PROPERTIES LABELS interop
                         SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE)
  endforeach()
endif()

# scripts/sweep.py over a 2 x 2 grid of any options (--grid coreDelay x method, 2 runs):
# interrupted by SIGINT and by SIGTERM, resumed without rerunning the finished points; the CSV's
# columns and rows, the plot; invalid grids refused with one line. About 10 s.
if(TARGET cxtp-ipsec-sim)
  add_test(NAME sweep-grid
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/test/check-sweep-grid.py
                   $<TARGET_FILE:cxtp-ipsec-sim> ${PROJECT_BINARY_DIR}/example-output/sweep-grid)
  set_tests_properties(sweep-grid PROPERTIES LABELS system TIMEOUT 120)
endif()

# The sweep's Slurm backend on a real one-node Slurm cluster (munged, slurmctld and slurmd with a
# private configuration and ports, torn down after): the CSV and plot of the local backend,
# resuming across backends, --submit-only/--collect, a failing point reported with its stderr
# file. Needs root (installs Slurm from Debian); exits 77, shown as skipped, without it. Starts
# daemons and uses every core: run alone.
if(TARGET cxtp-ipsec-sim)
  add_test(NAME cluster-slurm
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/cluster-slurm-check
                   --sim $<TARGET_FILE:cxtp-ipsec-sim>
                   --out ${PROJECT_BINARY_DIR}/example-output/cluster-slurm)
  set_tests_properties(cluster-slurm PROPERTIES LABELS cluster SKIP_RETURN_CODE 77
                       TIMEOUT 300 RUN_SERIAL TRUE)
endif()

# Every unit and system suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer in
# a build directory of its own (scripts/check-sanitizer). Builds with every core: run alone.
add_test(NAME sanitizer
         COMMAND ${PROJECT_SOURCE_DIR}/scripts/check-sanitizer ${PROJECT_BINARY_DIR}/sanitizer)
set_tests_properties(sanitizer PROPERTIES LABELS sanitizer TIMEOUT 3000 RUN_SERIAL TRUE)
