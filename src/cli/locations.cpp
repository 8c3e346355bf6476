#include "locations.hpp"

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include <fmt/format.h>

#include "output.hpp"

namespace kneeplan::cli {

namespace {

namespace fs = std::filesystem;

// An XDG base directory: the variable when it holds an absolute path (the
// specification says to ignore anything else), else HOME + `fallback`.
std::optional<fs::path> base_directory(const char* variable, const char* fallback) {
  if (const char* value = std::getenv(variable); value && value[0] == '/') return fs::path(value);
  if (const char* home = std::getenv("HOME"); home && home[0] == '/') return fs::path(home) / fallback;
  return std::nullopt;
}

}  // namespace

fs::path journal_path(const GlobalOptions& global) {
  if (!global.journal.empty()) return global.journal;
  const auto base = base_directory("XDG_DATA_HOME", ".local/share");
  if (!base) throw UsageError("cannot tell where the journal lives: HOME is not set; give --journal FILE");
  return *base / "kneeplan" / "journal.db";
}

std::optional<fs::path> saved_profile_path() {
  const auto base = base_directory("XDG_CONFIG_HOME", ".config");
  if (!base) return std::nullopt;
  return *base / "kneeplan" / "profile.json";
}

std::chrono::sys_days today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  const std::chrono::year_month_day date{std::chrono::year{local.tm_year + 1900},
                                         std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                         std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
  return std::chrono::sys_days{date};
}

bool interactive() { return ::isatty(STDIN_FILENO) != 0; }

JournalStore open_journal_for_writing(const std::filesystem::path& path) {
  JournalStore store = JournalStore::open_for_writing(path);
  if (const auto& upgrade = store.upgrade()) {
    write_stderr(fmt::format("Upgraded {} from journal version {} to {}; the journal as it was is kept in {}.\n",
                             path.string(), upgrade->from_version, store.schema_version(), upgrade->backup.string()));
  }
  return store;
}

}  // namespace kneeplan::cli
