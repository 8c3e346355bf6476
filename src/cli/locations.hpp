#pragma once
// Where a person's files live (the XDG base directories), and today's date:
// the CLI reads the environment and the clock so that nothing below it does.
#include <chrono>
#include <filesystem>
#include <optional>

#include "app.hpp"
#include "kneeplan/io/journal_store.hpp"

namespace kneeplan::cli {

// --journal FILE, else $XDG_DATA_HOME/kneeplan/journal.db, else
// ~/.local/share/kneeplan/journal.db; a UsageError when none can be told.
std::filesystem::path journal_path(const GlobalOptions& global);

// The journal at `path` open for writing, started when missing. When that
// upgraded an older journal, says so on stderr, with where its copy is.
JournalStore open_journal_for_writing(const std::filesystem::path& path);

// $XDG_CONFIG_HOME/kneeplan/profile.json, else ~/.config/kneeplan/profile.json;
// nullopt when neither variable is set.
std::optional<std::filesystem::path> saved_profile_path();

// Today's date in the local time zone: the only clock read in kneeplan.
std::chrono::sys_days today();

// Standard input is a terminal a person can answer prompts on.
bool interactive();

}  // namespace kneeplan::cli
