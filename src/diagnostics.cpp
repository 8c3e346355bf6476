#include "kneeplan/diagnostics.hpp"

#include <fmt/format.h>

namespace kneeplan {

std::string format_diagnostic(const Diagnostic& d) {
  if (d.place.empty()) return fmt::format("{}: {}", d.file, d.message);
  // Line:column reads as part of the file name (compiler style); a pointer does not.
  if (d.place.front() == '/') return fmt::format("{}: {}: {}", d.file, d.place, d.message);
  return fmt::format("{}:{}: {}", d.file, d.place, d.message);
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
