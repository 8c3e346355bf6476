# What `cmake --install` puts where, and the Debian package `cpack -G DEB` makes of it.
#
# The manual and the completion scripts are written at build time by the
# kneeplan binary itself (`kneeplan manpage`, `kneeplan completion SHELL`), so
# they describe exactly the commands and options it parses.

include(GNUInstallDirs)

find_program(KNEEPLAN_GZIP gzip REQUIRED)

set(KNEEPLAN_DOCS_DIR ${PROJECT_BINARY_DIR}/share)
set(KNEEPLAN_MANUAL ${KNEEPLAN_DOCS_DIR}/man/kneeplan.1)
set(KNEEPLAN_BASH_COMPLETION ${KNEEPLAN_DOCS_DIR}/completions/kneeplan)
set(KNEEPLAN_ZSH_COMPLETION ${KNEEPLAN_DOCS_DIR}/completions/_kneeplan)
set(KNEEPLAN_FISH_COMPLETION ${KNEEPLAN_DOCS_DIR}/completions/kneeplan.fish)

# gzip -n: no name or time stamp inside, so the same page gives the same bytes.
add_custom_command(
  OUTPUT ${KNEEPLAN_MANUAL} ${KNEEPLAN_MANUAL}.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${KNEEPLAN_DOCS_DIR}/man
  COMMAND kneeplan manpage -o ${KNEEPLAN_MANUAL}
  COMMAND ${KNEEPLAN_GZIP} -9 -n -f -k ${KNEEPLAN_MANUAL}
  DEPENDS kneeplan
  COMMENT "Writing the kneeplan(1) manual page"
  VERBATIM)
add_custom_command(
  OUTPUT ${KNEEPLAN_BASH_COMPLETION} ${KNEEPLAN_ZSH_COMPLETION} ${KNEEPLAN_FISH_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${KNEEPLAN_DOCS_DIR}/completions
  COMMAND kneeplan completion bash -o ${KNEEPLAN_BASH_COMPLETION}
  COMMAND kneeplan completion zsh -o ${KNEEPLAN_ZSH_COMPLETION}
  COMMAND kneeplan completion fish -o ${KNEEPLAN_FISH_COMPLETION}
  DEPENDS kneeplan
  COMMENT "Writing the bash, zsh and fish completions"
  VERBATIM)
add_custom_target(kneeplan_docs ALL
  DEPENDS ${KNEEPLAN_MANUAL}.gz ${KNEEPLAN_BASH_COMPLETION} ${KNEEPLAN_ZSH_COMPLETION} ${KNEEPLAN_FISH_COMPLETION})

# The Debian changelog a native package must carry, made from the version.
string(TIMESTAMP KNEEPLAN_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(KNEEPLAN_MAINTAINER "kneeplan maintainers <maintainers@users.noreply.h-seed-93d30185.example>"
    CACHE STRING "Name <address> for the Debian package's Maintainer field and changelog")

# Every path below is relative, so `--prefix P` (and DESTDIR) puts it all under P.
install(TARGETS kneeplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${KNEEPLAN_MANUAL}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${KNEEPLAN_BASH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${KNEEPLAN_ZSH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${KNEEPLAN_FISH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES data/catalogue.json data/guidelines.json data/safety.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/kneeplan)
install(DIRECTORY data/profiles data/schema DESTINATION ${CMAKE_INSTALL_DATADIR}/kneeplan
        FILES_MATCHING PATTERN "*.json")
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Debian wants the licence as /usr/share/doc/kneeplan/copyright in its
# machine-readable format (DEP-5); this one is made from LICENSE, so the two
# always agree, and it replaces LICENSE in the package (lintian:
# extra-license-file). `cmake --install` installs LICENSE as well.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/packaging/changelog)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE license_text)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]+)" license_holder "${license_text}")
set(license_holder "${CMAKE_MATCH_1}")
string(FIND "${license_text}" "Permission is hereby granted" license_start)
string(SUBSTRING "${license_text}" ${license_start} -1 license_body)
string(STRIP "${license_body}" license_body)
string(REPLACE "\n\n" "\n.\n" license_body "${license_body}")
string(REPLACE "\n" "\n " license_body "${license_body}")
file(CONFIGURE OUTPUT ${KNEEPLAN_DOCS_DIR}/doc/copyright CONTENT
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: kneeplan

Files: *
Copyright: ${license_holder}
License: Expat
 ${license_body}
")

# The changelog's newest entry must be this version: a release adds one.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog changelog_head LIMIT_COUNT 1)
if(NOT changelog_head MATCHES "^kneeplan \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog starts with \"${changelog_head}\", not version ${PROJECT_VERSION}: "
                      "add an entry for ${PROJECT_VERSION} at its top.")
endif()
add_custom_command(
  OUTPUT ${KNEEPLAN_DOCS_DIR}/doc/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/packaging/changelog ${KNEEPLAN_DOCS_DIR}/doc/changelog
  COMMAND ${KNEEPLAN_GZIP} -9 -n -f ${KNEEPLAN_DOCS_DIR}/doc/changelog
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog
  VERBATIM)
add_custom_target(kneeplan_changelog ALL DEPENDS ${KNEEPLAN_DOCS_DIR}/doc/changelog.gz)

install(FILES ${KNEEPLAN_DOCS_DIR}/doc/copyright ${KNEEPLAN_DOCS_DIR}/doc/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT license)
# Only for the package: why lintian's static-binary error does not apply.
install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME kneeplan COMPONENT debian EXCLUDE_FROM_ALL)

# --- cpack -G DEB ---------------------------------------------------------------
set(CPACK_PACKAGE_NAME kneeplan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The kneeplan authors")
set(CPACK_PACKAGE_CONTACT "${KNEEPLAN_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "weekly exercise plans for knock knees, with a safety check first")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the package carries no debug symbols (lintian: unstripped-binary-or-object)
# The default component and the Debian-only one: the package's licence is the copyright file.
set(CPACK_INSTALL_CMAKE_PROJECTS
    "${PROJECT_BINARY_DIR};${PROJECT_NAME};Unspecified;/;${PROJECT_BINARY_DIR};${PROJECT_NAME};debian;/")
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kneeplan_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KNEEPLAN_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends comes from dpkg-shlibdeps: nothing for the static binary, the shared
# libraries' packages for a KNEEPLAN_STATIC=OFF build.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
# CPack puts the summary first and indents the rest; an empty line becomes " .".
set(CPACK_PACKAGE_DESCRIPTION "kneeplan turns a clinical exercise routine for knock knees (genu valgum)
into a weekly plan a person can follow. It first screens the person's
profile (age, pain, symptoms, the cause of the knock knees) for reasons to
see a doctor, and withholds the plan when one applies.

The plan draws on a built-in exercise catalogue of hip and thigh
strengthening, stretches and foam rolling, with ACSM set and rep rules and
six training days a week. It prints for the terminal or as Markdown, or
exports versioned JSON. Nothing it prints is a diagnosis.")
include(CPack)
