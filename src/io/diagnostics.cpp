#include "kneeplan/io/diagnostics.hpp"

#include <fmt/format.h>

namespace kneeplan {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += fmt::format("\\u{:04x}", byte);
    }
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string line;
  if (d.place.empty()) {
    line = fmt::format("{}: {}", d.file, d.message);
  } else if (d.place.front() == '/') {
    line = fmt::format("{}: {}: {}", d.file, d.place, d.message);
  } else {
    // Line:column reads as part of the file name (compiler style); a pointer does not.
    line = fmt::format("{}:{}: {}", d.file, d.place, d.message);
  }
  return printable(line);
}

namespace {
std::string summary(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "invalid data";
  return format_diagnostic(diagnostics.front());
}
}  // namespace

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

DataError::DataError(std::string file, std::string place, std::string message)
    : DataError(std::vector<Diagnostic>{{std::move(file), std::move(place), std::move(message)}}) {}

}  // namespace kneeplan
