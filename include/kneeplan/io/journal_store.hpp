#pragma once
// The journal on disk: an SQLite database the person owns (0600 in a 0700
// directory), in WAL mode with synchronous=FULL, each write one transaction.
// A file that is not a kneeplan journal is refused before SQLite writes a
// byte to it. Every failure is a DataError naming the file.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kneeplan/core/journal.hpp"

struct sqlite3;

namespace kneeplan {

// The header's application id ("KNEE"): how a kneeplan journal is told apart
// from any other SQLite database without opening it.
inline constexpr std::uint32_t kJournalApplicationId = 0x4B4E4545;

// Schema steps: step i brings a journal from version i to i + 1
// (PRAGMA user_version). A new journal runs them all.
std::span<const std::string_view> journal_migrations();

// Entries of a --from/--to window; unset ends are open.
struct DateWindow {
  std::optional<std::chrono::sys_days> from;
  std::optional<std::chrono::sys_days> to;
};

// An older journal that opening for writing upgraded: its version before,
// and the copy of it made first.
struct JournalUpgrade {
  int from_version = 0;
  std::filesystem::path backup;
};

// What an import did, or would have done: entries added, entries already
// there identically, and the indexes of entries that differ from the one
// stored for their date (then nothing was written).
struct ImportOutcome {
  int added = 0;
  int unchanged = 0;
  std::vector<std::size_t> conflicts;
};

class JournalStore {
 public:
  // The journal at `path`, for reading, or nullopt when there is no file
  // there (nothing is created).
  static std::optional<JournalStore> open_existing(const std::filesystem::path& path);
  // The journal at `path`, for writing: created (with missing directories,
  // 0700) when absent; migrated, after a backup copy beside it, when older.
  // `migrations` is journal_migrations() but for tests of the upgrade path.
  static JournalStore open_for_writing(const std::filesystem::path& path,
                                       std::span<const std::string_view> migrations = journal_migrations());
  // An empty journal in memory, for tests and fuzzing.
  static JournalStore in_memory();

  JournalStore(JournalStore&&) noexcept;
  JournalStore& operator=(JournalStore&&) noexcept;
  ~JournalStore();

  const std::string& name() const { return name_; }
  // The journal's version (SQLite's user_version) as opened, or as upgraded to.
  int schema_version() const;
  // Set when open_for_writing() upgraded the journal.
  const std::optional<JournalUpgrade>& upgrade() const { return upgrade_; }

  // Every entry, oldest first, or those within `window`.
  std::vector<JournalEntry> entries(const DateWindow& window = {}) const;
  // The journal as the coach and progress read it (JournalHistory): the
  // entries from `from` on, whole from `whole_from` on and before that day
  // with only what the coach reads; before `from`, those with a symptom
  // (with only that); the days with a session and the first day, of every
  // entry.
  JournalHistory history(std::chrono::sys_days from, std::chrono::sys_days whole_from) const;
  std::optional<JournalEntry> entry_on(std::chrono::sys_days date) const;
  // The entry created last, whatever its date.
  std::optional<JournalEntry> latest_created() const;
  // Names of the symptoms recorded on or before `date` and not yet gone.
  std::vector<std::string> open_symptoms(std::chrono::sys_days date) const;

  // Merges `update` into the entry for its date (creating it) and marks its
  // gone symptoms, in one transaction; returns the entry as stored.
  JournalEntry record(const JournalUpdate& update);
  // Removes the entry for `date`, in one transaction; false when there was none.
  bool remove(std::chrono::sys_days date);
  // Adds `entries` in one transaction: all of them, or none when any differs
  // from an entry already stored for its date.
  ImportOutcome import(const std::vector<JournalEntry>& entries);

  // SQLite's integrity and foreign-key checks; empty when both pass.
  std::vector<std::string> integrity_problems() const;

 private:
  JournalStore(sqlite3* db, std::string name, std::int64_t version);
  void write_entry(const JournalEntry& entry);
  // Entries dated before `lean_before` hold only what the coach reads (see
  // JournalHistory); unset, every entry is whole.
  std::vector<JournalEntry> read_entries(std::string_view where, const DateWindow& window,
                                         std::optional<std::chrono::sys_days> lean_before = std::nullopt) const;

  sqlite3* db_ = nullptr;
  std::string name_;
  int version_ = 0;  // as opened, or as upgraded to
  std::optional<JournalUpgrade> upgrade_;
};

}  // namespace kneeplan
