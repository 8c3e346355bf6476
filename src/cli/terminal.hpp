#pragma once
// The terminal for a guided session: keys one at a time without echo, and the
// settings put back on every way out (return, exception, SIGINT, SIGTERM, SIGHUP).
#include <optional>

namespace kneeplan::cli {

class RawTerminal {
 public:
  // Switches standard input to single keys without echo; throws DataError when it cannot.
  RawTerminal();
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;
  ~RawTerminal();

  // The next key, waiting at most `timeout_ms`; nullopt when none came.
  // The end of input (the terminal closed) reads as `q`.
  std::optional<char> read_key(int timeout_ms);
};

// Both standard input and standard output are terminals.
bool on_terminal();

// Columns of the terminal on standard output; 80 when it cannot be told.
int terminal_columns();

}  // namespace kneeplan::cli
