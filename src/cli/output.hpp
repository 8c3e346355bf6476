#pragma once
// Where results go: stdout or a file replaced atomically; and whether to colour.
#include <cstdio>
#include <string>
#include <string_view>

namespace kneeplan::cli {

// Who may read a file written: everyone the umask allows, or only its owner
// (health data: a journal export, the saved profile).
enum class Readers { usual, owner_only };

// Writes `bytes` to stdout when `path` is empty or "-", else to `path` via a
// temporary file in the same directory that is renamed over it once complete.
// Throws DataError naming the destination on failure.
void write_output(const std::string& path, std::string_view bytes, Readers readers = Readers::usual);

// Colour only for a terminal, never with NO_COLOR; CLICOLOR_FORCE forces it.
bool colour_for(std::FILE* stream);

// True when the locale's character set is UTF-8: the first of LC_ALL,
// LC_CTYPE and LANG that is set decides, as setlocale(3) would.
bool utf8_locale();

// True when `path` means standard output.
bool is_stdout(const std::string& path);

}  // namespace kneeplan::cli
