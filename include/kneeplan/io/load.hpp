#pragma once
// Reading input files safely, before they are parsed.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/core/guidelines.hpp"
#include "kneeplan/core/profile.hpp"
#include "kneeplan/core/safety.hpp"

namespace kneeplan {

// Larger files are refused before they are read.
inline constexpr std::uintmax_t kMaxInputBytes = 16u * 1024u * 1024u;

// Reads a whole regular file of at most kMaxInputBytes; throws DataError naming
// the file when it is missing, unreadable, a directory, too large or empty.
std::string read_input_file(const std::filesystem::path& path);

}  // namespace kneeplan

namespace kneeplan {

// Input text and the name its diagnostics use.
struct Source {
  std::string text;
  std::string name;
};

// The file at `path`, or the built-in data file `builtin` when `path` is empty.
Source file_or_builtin(const std::string& path, std::string_view builtin);

// Checks any kneeplan data file, choosing the format by its "format" member;
// returns that format. Throws DataError with every problem found.
std::string validate_document(std::string_view text, const std::string& file);

}  // namespace kneeplan

namespace kneeplan {

// Each parses and validates one kind of data file; throws DataError with every
// problem found, naming `file`.
Catalogue parse_catalogue(std::string_view text, const std::string& file);
Guidelines parse_guidelines(std::string_view text, const std::string& file);
Profile parse_profile(std::string_view text, const std::string& file);
SafetyRules parse_safety_rules(std::string_view text, const std::string& file);

}  // namespace kneeplan
