#pragma once
// Where results go: stdout or a file replaced atomically; and whether to colour.
#include <cstdio>
#include <string>
#include <string_view>

namespace kneeplan::cli {

// Who may read a file written: everyone the umask allows, or only its owner
// (health data: a journal export, the saved profile).
enum class Readers { usual, owner_only };

// Writes `bytes` to stdout when `path` is empty or "-". Else a regular file
// at `path` (or at the end of its symbolic links) is replaced atomically: a
// temporary file in the same directory, removed again on SIGTERM, SIGINT or
// SIGHUP, is renamed over it once complete, keeping the old file's owner and
// mode (never widened past the owner for Readers::owner_only). Anything else
// that exists there (a device such as /dev/null, a FIFO) is written to
// directly. Throws DataError naming the destination on failure.
void write_output(const std::string& path, std::string_view bytes, Readers readers = Readers::usual);

// Writes `text` to stderr as far as it can, and never throws: with stderr
// closed or full, a message has nowhere to go, and the exit code still tells.
void write_stderr(std::string_view text) noexcept;

// Colour only for a terminal, never with NO_COLOR; CLICOLOR_FORCE forces it.
bool colour_for(std::FILE* stream);

// True when the locale's character set is UTF-8: the first of LC_ALL,
// LC_CTYPE and LANG that is set decides, as setlocale(3) would.
bool utf8_locale();

// Text for a person, in the locale's character set: as it is under UTF-8,
// else spelled in ASCII (ascii_text). Not for JSON, HTML, Markdown or
// calendar files, which are UTF-8 by their formats.
std::string for_locale(std::string text);

// True when `path` means standard output.
bool is_stdout(const std::string& path);

}  // namespace kneeplan::cli
