#include "kneeplan/io/diagnostics.hpp"

#include <fmt/format.h>

namespace kneeplan {

namespace {
constexpr std::size_t kMaxPlaceLength = 160;
}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string line;
  if (d.place.empty()) {
    line = fmt::format("{}: {}", d.file, d.message);
  } else if (d.place.front() == '/') {
    // A pointer holds the input's keys, which may be huge.
    line = fmt::format("{}: {}: {}", d.file, shortened(d.place, kMaxPlaceLength), d.message);
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
