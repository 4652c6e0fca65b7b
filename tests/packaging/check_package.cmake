# cmake -P script: builds the .deb from the build tree, unpacks it into a scratch root and checks it.
# In: BUILD_DIR, CPACK_COMMAND, SCRATCH, GUI_PROGRAM, CLI_PROGRAM, APP_ID, VERSION.
# A missing validator (appstreamcli, desktop-file-validate, man) skips only its own check, saying so.
cmake_minimum_required(VERSION 3.25)

set(problems "")
macro(problem text)
  list(APPEND problems "${text}")
  message(STATUS "FAIL: ${text}")
endmacro()
macro(check_or_stop)
  if(problems)
    list(LENGTH problems count)
    list(JOIN problems "\n  " joined)
    message(FATAL_ERROR "packaging_deb: ${count} problem(s):\n  ${joined}")
  endif()
endmacro()

foreach(program IN ITEMS "${GUI_PROGRAM}" "${CLI_PROGRAM}")
  if(NOT EXISTS "${program}")
    message(FATAL_ERROR "packaging_deb: ${program} is not built; build the iovplan and iovplan-cli targets first")
  endif()
endforeach()

# ---- 1. cpack -G DEB into the scratch directory ------------------------------------------------------
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}/cpack" "${SCRATCH}/root" "${SCRATCH}/home")
execute_process(COMMAND "${CPACK_COMMAND}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${SCRATCH}/cpack"
                WORKING_DIRECTORY "${SCRATCH}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
file(GLOB debs "${SCRATCH}/cpack/iovplan_${VERSION}_*.deb")
list(LENGTH debs deb_count)
if(NOT result EQUAL 0 OR NOT deb_count EQUAL 1)
  message(FATAL_ERROR "packaging_deb: cpack -G DEB failed (exit ${result}) or made no iovplan_${VERSION}_<arch>.deb:\n${output}")
endif()
list(GET debs 0 deb)
message(STATUS "built ${deb}")

# ---- 2. The control fields ---------------------------------------------------------------------------
execute_process(COMMAND dpkg-deb --field "${deb}" Package Version Section Maintainer Homepage Depends Description
                RESULT_VARIABLE result OUTPUT_VARIABLE control ERROR_VARIABLE control)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "packaging_deb: dpkg-deb --field ${deb} failed:\n${control}")
endif()
foreach(expected IN ITEMS "Package: iovplan\n" "Version: ${VERSION}\n" "Section: science\n" "Maintainer: " "Homepage: "
                          "Description: " "libqt6core6" "libqt6widgets6" "libqt6sql6-sqlite" "qt6-qpa-plugins")
  string(FIND "${control}" "${expected}" at)
  if(at EQUAL -1)
    problem("control fields lack '${expected}':\n${control}")
  endif()
endforeach()

# ---- 3. The files, unpacked into a scratch root ------------------------------------------------------
execute_process(COMMAND dpkg-deb -x "${deb}" "${SCRATCH}/root" RESULT_VARIABLE result ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "packaging_deb: dpkg-deb -x failed:\n${output}")
endif()
set(root "${SCRATCH}/root")
set(share "${root}/usr/share")
set(icon_sizes 16 22 24 32 48 64 128 256)
set(expected_files
    usr/bin/iovplan usr/bin/iovplan-cli
    usr/share/applications/${APP_ID}.desktop
    usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
    usr/share/metainfo/${APP_ID}.metainfo.xml
    usr/share/mime/packages/${APP_ID}.xml
    usr/share/iovplan/examples/ciov-whitepaper.iovplan
    usr/share/iovplan/catalogs/items.csv usr/share/iovplan/catalogs/specs.csv usr/share/iovplan/catalogs/README.md)
foreach(size IN LISTS icon_sizes)
  list(APPEND expected_files usr/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
foreach(file IN LISTS expected_files)
  if(NOT EXISTS "${root}/${file}")
    problem("the package lacks /${file}")
  endif()
endforeach()
set(man_page "")
foreach(candidate IN ITEMS iovplan-cli.1.gz iovplan-cli.1)
  if(NOT man_page AND EXISTS "${share}/man/man1/${candidate}")
    set(man_page "${share}/man/man1/${candidate}")
  endif()
endforeach()
if(NOT man_page)
  problem("the package lacks /usr/share/man/man1/iovplan-cli.1(.gz)")
endif()
check_or_stop()

# Each PNG is as large as its folder says: width and height are bytes 16..23 of the PNG header.
foreach(size IN LISTS icon_sizes)
  file(READ "${share}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png" header OFFSET 16 LIMIT 8 HEX)
  math(EXPR hex_size "${size}" OUTPUT_FORMAT HEXADECIMAL)
  string(REGEX REPLACE "^0x" "" hex_size "${hex_size}")
  string(LENGTH "${hex_size}" digits)
  math(EXPR pad "8 - ${digits}")
  string(REPEAT "0" ${pad} zeros)
  if(NOT header STREQUAL "${zeros}${hex_size}${zeros}${hex_size}")
    problem("${size}x${size}/apps/${APP_ID}.png is not ${size} x ${size} pixels (header ${header})")
  endif()
endforeach()

# The desktop entry opens .iovplan files: its MimeType is the one the MIME package defines for *.iovplan.
file(READ "${share}/applications/${APP_ID}.desktop" desktop)
file(READ "${share}/mime/packages/${APP_ID}.xml" mime)
string(REGEX MATCH "<mime-type type=\"([^\"]+)\"" _ "${mime}")
set(mime_type "${CMAKE_MATCH_1}")
foreach(expected IN ITEMS "MimeType=${mime_type};" "Exec=iovplan %f" "Icon=${APP_ID}\n")
  string(FIND "${desktop}" "${expected}" at)
  if(NOT mime_type OR at EQUAL -1)
    problem("${APP_ID}.desktop lacks '${expected}'")
  endif()
endforeach()
foreach(expected IN ITEMS "<glob pattern=\"*.iovplan\"/>" "<sub-class-of type=\"application/json\"/>")
  string(FIND "${mime}" "${expected}" at)
  if(at EQUAL -1)
    problem("the MIME package lacks ${expected}")
  endif()
endforeach()
file(READ "${share}/metainfo/${APP_ID}.metainfo.xml" metainfo)
foreach(expected IN ITEMS "<id>${APP_ID}</id>" "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>"
                          "<release version=\"${VERSION}\"" "<mediatype>${mime_type}</mediatype>")
  string(FIND "${metainfo}" "${expected}" at)
  if(at EQUAL -1)
    problem("the metainfo lacks ${expected}")
  endif()
endforeach()

# ---- 4. The validators -------------------------------------------------------------------------------
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
  execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net "${share}/metainfo/${APP_ID}.metainfo.xml"
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    problem("appstreamcli validate rejects the metainfo:\n${output}")
  endif()
  # The whole tree: the launchable desktop entry and the icons must be where the metainfo says.
  execute_process(COMMAND "${APPSTREAMCLI}" validate-tree --no-net "${root}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    problem("appstreamcli validate-tree rejects the installed tree:\n${output}")
  endif()
else()
  message(STATUS "SKIPPED: appstreamcli validate (appstreamcli not installed; Debian package appstream)")
endif()
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
  execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${share}/applications/${APP_ID}.desktop"
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0 OR NOT output STREQUAL "")
    problem("desktop-file-validate complains about the desktop entry:\n${output}")
  endif()
else()
  message(STATUS "SKIPPED: desktop-file-validate (not installed; Debian package desktop-file-utils)")
endif()
find_program(XMLLINT xmllint)
if(XMLLINT)
  execute_process(COMMAND "${XMLLINT}" --noout "${share}/mime/packages/${APP_ID}.xml"
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    problem("the MIME package is not well-formed XML:\n${output}")
  endif()
endif()

# The man page renders without a warning and documents every command of `iovplan-cli --help`.
find_program(MAN man)
if(MAN)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 MANWIDTH=80
                          "${MAN}" --warnings=w -E UTF-8 -l "${man_page}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE rendered ERROR_VARIABLE warnings)
  if(NOT result EQUAL 0 OR NOT warnings STREQUAL "")
    problem("man -l ${man_page} fails or warns (exit ${result}):\n${warnings}")
  endif()
  foreach(section IN ITEMS "NAME" "SYNOPSIS" "COMMANDS" "EXIT STATUS" "FILES" "EXAMPLES")
    string(FIND "${rendered}" "\n${section}\n" at)
    if(at EQUAL -1)
      problem("the man page has no ${section} section")
    endif()
  endforeach()
  string(FIND "${rendered}" "IOV Planner ${VERSION}" at)
  if(at EQUAL -1)
    problem("the man page does not name version ${VERSION}")
  endif()
  # The desktop application's page, shorter, must render cleanly too.
  file(GLOB gui_page "${share}/man/man1/iovplan.1*")
  if(NOT gui_page)
    problem("the package lacks /usr/share/man/man1/iovplan.1(.gz)")
  else()
    execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 MANWIDTH=80
                            "${MAN}" --warnings=w -E UTF-8 -l "${gui_page}"
                    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE warnings)
    if(NOT result EQUAL 0 OR NOT warnings STREQUAL "")
      problem("man -l ${gui_page} fails or warns (exit ${result}):\n${warnings}")
    endif()
  endif()
else()
  message(STATUS "SKIPPED: rendering the man page (man not installed)")
endif()

# ---- 5. The installed programs run from the scratch root ---------------------------------------------
# A scratch home, so that nothing the programs write lands in the user's.
set(run ${CMAKE_COMMAND} -E env HOME=${SCRATCH}/home XDG_DATA_HOME=${SCRATCH}/home/data
        XDG_CONFIG_HOME=${SCRATCH}/home/config XDG_CACHE_HOME=${SCRATCH}/home/cache
        XDG_RUNTIME_DIR=${SCRATCH}/home QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES=qt.qpa.*=false)
execute_process(COMMAND ${run} "${root}/usr/bin/iovplan-cli" --help
                RESULT_VARIABLE result OUTPUT_VARIABLE help ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  problem("iovplan-cli --help exits ${result}:\n${output}")
endif()
# Every command `iovplan-cli --help` lists has a section in the man page.
string(REGEX MATCHALL "\n  [a-z][a-z-]+ " commands "${help}")
list(LENGTH commands command_count)
if(command_count LESS 5)
  problem("iovplan-cli --help lists only ${command_count} commands:\n${help}")
endif()
if(MAN)
  foreach(command IN LISTS commands)
    string(STRIP "${command}" command)
    string(FIND "${rendered}" "\n   ${command} " at)
    if(at EQUAL -1)
      problem("the man page has no section for the command '${command}' that iovplan-cli --help lists")
    endif()
  endforeach()
endif()

foreach(program IN ITEMS iovplan-cli iovplan)
  execute_process(COMMAND ${run} "${root}/usr/bin/${program}" --version
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 60)
  if(NOT result EQUAL 0 OR NOT output STREQUAL "${program} ${VERSION}\n")
    problem("${program} --version: exit ${result}, printed '${output}' (expected '${program} ${VERSION}'):\n${errors}")
  endif()
endforeach()

execute_process(COMMAND ${run} "${root}/usr/bin/iovplan-cli" evaluate
                        "${share}/iovplan/examples/ciov-whitepaper.iovplan" --format json
                RESULT_VARIABLE result OUTPUT_VARIABLE json ERROR_VARIABLE errors TIMEOUT 120)
if(NOT result EQUAL 0)
  problem("iovplan-cli evaluate on the installed example exits ${result}:\n${errors}")
else()
  string(JSON scenario_count ERROR_VARIABLE json_error LENGTH "${json}" scenarios)
  if(json_error)
    problem("iovplan-cli evaluate did not print JSON with a scenarios array: ${json_error}")
  elseif(NOT scenario_count EQUAL 4)
    problem("iovplan-cli evaluate found ${scenario_count} scenarios in the installed example, expected 4")
  endif()
endif()

check_or_stop()
message(STATUS "packaging_deb: ${deb} installs and runs")
