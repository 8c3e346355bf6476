#pragma once
// Every problem found in an input file: which file, where, and what was expected.
#include <stdexcept>
#include <string>
#include <vector>

#include "kneeplan/core/text.hpp"  // printable()

namespace kneeplan {

struct Diagnostic {
  std::string file;
  std::string place;  // "LINE:COL", a JSON pointer, or empty for the whole file
  std::string message;
};

// "FILE:LINE:COL: message", "FILE: /json/pointer: message" or "FILE: message",
// always one printable line (see printable()).
std::string format_diagnostic(const Diagnostic& diagnostic);

// Bad data or I/O: carries every diagnostic a loader found (exit code 1).
class DataError : public std::runtime_error {
 public:
  explicit DataError(std::vector<Diagnostic> diagnostics);
  DataError(std::string file, std::string place, std::string message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace kneeplan
