#pragma once
// What this binary was built from, recorded at build time by cmake/build_info.cmake.

namespace kneeplan::cli {

// "git v0.1.0-3-g1234abcd5678-dirty", "no git revision", or a packager's text.
extern const char* const kBuild;
// YYYY-MM-DD of the source (SOURCE_DATE_EPOCH or the last commit), or "" when unknown.
extern const char* const kBuildDate;

}  // namespace kneeplan::cli
