// The SQLite journal: what it stores comes back, its files are private, a
// foreign or newer file is refused and left exactly as it was, and an older
// journal is upgraded after a backup, all or nothing.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "diagnostics_of.hpp"
#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/journal_loader.hpp"
#include "kneeplan/io/journal_store.hpp"
#include "kneeplan/render/journal.hpp"
#include "data.hpp"
#include "run.hpp"

using namespace kneeplan;
namespace fs = std::filesystem;
using kneeplan::test::read_file;
using kneeplan::test::scratch_dir;
using kneeplan::test::write_file;

namespace {

JournalEntry sample(std::string_view date) {
  JournalEntry entry;
  entry.date = *parse_date(date);
  entry.done = {{"side-plank", "side-plank", Side::left, 2, Measure::reps, 12},
                {"side-plank", "side-plank", Side::right, 2, Measure::reps, 10},
                {"thigh-stretch", "thigh-stretch", Side::left, 1, Measure::hold_seconds, 150}};
  entry.skipped = {{"side-step-up", "no step"}, {"stationary-lunge", ""}};
  entry.pain_at(Moment::before) = {2, 1};
  entry.pain_at(Moment::during).left = 3;
  entry.pain_at(Moment::next_day).right = 0;
  entry.symptoms = {{"night-pain", std::nullopt}};
  entry.notes = {"felt fine", "a note with \"quotes\" and ünïcode"};
  return entry;
}

JournalUpdate update_of(JournalEntry entry) { return {std::move(entry), {}}; }

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

// Runs SQL on a file with SQLite directly, as another program would.
void run_sql(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  CHECK(rc == SQLITE_OK);
  REQUIRE(sqlite3_close(db) == SQLITE_OK);
}

std::vector<std::string> files_in(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The journal at `path` is refused with a message containing `expected`,
// and the directory holds the same files with the same bytes afterwards.
// A file with kneeplan's application id gets past the header check, and
// SQLite may then add its -wal and -shm files beside it (`sidecars`).
void check_refused_unchanged(const fs::path& path, const std::string& expected, bool sidecars = false) {
  const fs::path directory = path.parent_path();
  const auto names = files_in(directory);
  std::vector<std::string> contents;
  for (const auto& name : names) {
    contents.push_back(fs::is_regular_file(directory / name) ? read_file(directory / name) : "<dir>");
  }
  for (const bool writing : {false, true}) {
    INFO((writing ? "opened for writing" : "opened for reading"));
    const auto diagnostics = test::diagnostics_of([&] {
      if (writing) return JournalStore::open_for_writing(path).name();
      return JournalStore::open_existing(path)->name();
    });
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].file == path.string());
    CHECK(diagnostics[0].message.find(expected) != std::string::npos);
    auto now = files_in(directory);
    if (sidecars) std::erase_if(now, [](const std::string& name) { return name.ends_with("-wal") || name.ends_with("-shm"); });
    CHECK(now == names);
    for (std::size_t i = 0; i < names.size(); ++i) {
      INFO(names[i]);
      CHECK((fs::is_regular_file(directory / names[i]) ? read_file(directory / names[i]) : "<dir>") == contents[i]);
    }
  }
}

}  // namespace

TEST_CASE("journal store: an entry comes back as it was stored", "[journal][store]") {
  JournalStore store = JournalStore::in_memory();
  const JournalEntry entry = sample("2026-11-20");
  CHECK(store.record(update_of(entry)) == entry);
  CHECK(store.entry_on(entry.date) == entry);
  CHECK(store.entries() == std::vector<JournalEntry>{entry});
  CHECK(store.integrity_problems().empty());
  CHECK(store.schema_version() == static_cast<int>(journal_migrations().size()));
}

TEST_CASE("journal store: a second log of a day merges, and symptoms are marked gone later", "[journal][store]") {
  JournalStore store = JournalStore::in_memory();
  store.record(update_of(sample("2026-11-18")));
  JournalEntry next_day;
  next_day.date = *parse_date("2026-11-18");
  next_day.pain_at(Moment::next_day).left = 1;
  const JournalEntry merged = store.record(update_of(next_day));
  CHECK(merged.pain_at(Moment::next_day) == KneePain{1, 0});
  CHECK(merged.done.size() == 3);
  CHECK(store.entries().size() == 1);

  CHECK(store.open_symptoms(*parse_date("2026-11-17")).empty());
  CHECK(store.open_symptoms(*parse_date("2026-11-20")) == std::vector<std::string>{"night-pain"});
  JournalEntry later;
  later.date = *parse_date("2026-11-21");
  later.notes = {"better"};
  store.record({later, {"night-pain"}});
  CHECK(store.open_symptoms(*parse_date("2026-11-21")).empty());
  CHECK(store.entry_on(*parse_date("2026-11-18"))->symptoms.front().gone == parse_date("2026-11-21"));
  // Marking gone what is not there stores nothing of the update.
  JournalEntry again;
  again.date = *parse_date("2026-11-22");
  again.notes = {"x"};
  CHECK_THROWS_AS(store.record({again, {"locking"}}), DataError);
  CHECK_FALSE(store.entry_on(again.date));
}

// Each entry's count of exercises done, which the session days are read
// from, as SQLite holds it.
std::vector<std::pair<std::string, int>> done_counts(const fs::path& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* rows = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT date, done_count FROM entry ORDER BY date", -1, &rows, nullptr) == SQLITE_OK);
  std::vector<std::pair<std::string, int>> counts;
  while (sqlite3_step(rows) == SQLITE_ROW) {
    counts.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(rows, 0)), sqlite3_column_int(rows, 1));
  }
  sqlite3_finalize(rows);
  sqlite3_close(db);
  return counts;
}

TEST_CASE("journal store: each entry counts its exercises done through every change", "[journal][store]") {
  const fs::path path = scratch_dir() / "journal.db";
  JournalStore store = JournalStore::open_for_writing(path);
  // What the counts must be: each stored entry's records.
  auto counted = [&] {
    std::vector<std::pair<std::string, int>> counts;
    for (const auto& entry : store.entries()) counts.emplace_back(format_date(entry.date), entry.done.size());
    return counts;
  };
  store.record(update_of(sample("2026-11-18")));
  JournalEntry pain_only;
  pain_only.date = *parse_date("2026-11-19");
  pain_only.pain_at(Moment::before).left = 1;
  store.record(update_of(pain_only));
  CHECK(done_counts(path) == std::vector<std::pair<std::string, int>>{{"2026-11-18", 3}, {"2026-11-19", 0}});

  // A second log of the day: the side plank's two records become one, and a bridge is added.
  JournalEntry more;
  more.date = *parse_date("2026-11-18");
  more.done = {{"side-plank", "side-plank", Side::left, 3, Measure::reps, 12},
               {"single-leg-bridge", "single-leg-bridge", Side::right, 2, Measure::reps, 15}};
  store.record(update_of(more));
  CHECK(store.import({sample("2026-11-20")}).added == 1);
  CHECK(done_counts(path) == counted());
  CHECK(done_counts(path).front() == std::pair<std::string, int>{"2026-11-18", 3});
  CHECK(store.remove(*parse_date("2026-11-18")));
  CHECK(done_counts(path) == std::vector<std::pair<std::string, int>>{{"2026-11-19", 0}, {"2026-11-20", 3}});

  const JournalHistory history = store.history(*parse_date("2026-11-01"), *parse_date("2026-11-01"));
  CHECK(history.sessions == std::vector<std::chrono::sys_days>{*parse_date("2026-11-20")});
  CHECK(history.first_day == parse_date("2026-11-19"));
  CHECK(store.integrity_problems().empty());

  SECTION("a count changed by another program is a problem `journal check` names") {
    run_sql(path, "UPDATE entry SET done_count = 7 WHERE date = '2026-11-20'");
    const auto problems = JournalStore::open_existing(path)->integrity_problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems.front() == "the entry of 2026-11-20 counts 7 exercises done but holds 3");
  }
}

TEST_CASE("journal store: the latest created entry and its removal", "[journal][store]") {
  JournalStore store = JournalStore::in_memory();
  CHECK_FALSE(store.latest_created());
  store.record(update_of(sample("2026-11-20")));
  store.record(update_of(sample("2026-11-10")));  // back-filled, created last
  CHECK(store.latest_created()->date == *parse_date("2026-11-10"));
  CHECK(store.remove(*parse_date("2026-11-10")));
  CHECK_FALSE(store.remove(*parse_date("2026-11-10")));
  CHECK(store.latest_created()->date == *parse_date("2026-11-20"));
  CHECK(store.integrity_problems().empty());
}

TEST_CASE("journal store: import adds new entries once, and nothing when one differs", "[journal][store]") {
  JournalStore store = JournalStore::in_memory();
  store.record(update_of(sample("2026-11-20")));
  const auto outcome = store.import({sample("2026-11-20"), sample("2026-11-21")});
  CHECK(outcome.added == 1);
  CHECK(outcome.unchanged == 1);
  CHECK(outcome.conflicts.empty());
  CHECK(store.entries().size() == 2);

  JournalEntry different = sample("2026-11-21");
  different.notes.push_back("changed");
  const auto refused = store.import({sample("2026-11-22"), different});
  CHECK(refused.conflicts == std::vector<std::size_t>{1});
  CHECK(store.entries().size() == 2);  // 2026-11-22 was rolled back too
}

TEST_CASE("journal store: a new journal is 0600 in a 0700 directory, and reading never creates one", "[journal][store]") {
  const fs::path dir = scratch_dir();
  const fs::path path = dir / "data" / "kneeplan" / "journal.db";
  CHECK_FALSE(JournalStore::open_existing(path));
  CHECK_FALSE(fs::exists(dir / "data"));
  {
    JournalStore store = JournalStore::open_for_writing(path);
    store.record(update_of(sample("2026-11-20")));
  }
  CHECK(mode_of(path) == 0600);
  CHECK(mode_of(path.parent_path()) == 0700);
  CHECK(mode_of(dir / "data") == 0700);
  CHECK(files_in(path.parent_path()) == std::vector<std::string>{"journal.db"});  // no temporary left
  const auto store = JournalStore::open_existing(path);
  REQUIRE(store);
  CHECK(store->entries().size() == 1);
}

TEST_CASE("journal store: foreign, damaged and newer files are refused and left unchanged", "[journal][store]") {
  const fs::path dir = scratch_dir();
  // A real journal, to make damaged copies of.
  const fs::path real = dir / "real.db";
  {
    JournalStore store = JournalStore::open_for_writing(real);
    for (int day = 1; day <= 9; ++day) store.record(update_of(sample(fmt::format("2026-10-0{}", day))));
  }
  const std::string journal_bytes = read_file(real);
  REQUIRE(journal_bytes.size() >= 8192);

  auto fresh = [&](const std::string& name) {
    const fs::path sub = dir / name;
    fs::create_directories(sub);
    return sub / "journal.db";
  };

  SECTION("another program's SQLite database") {
    const fs::path path = fresh("other");
    run_sql(path, "PRAGMA journal_mode = WAL; CREATE TABLE entry (id INTEGER); INSERT INTO entry VALUES (1);");
    check_refused_unchanged(path, "another program's SQLite database");
  }
  SECTION("a JSON file") {
    const fs::path path = fresh("json");
    write_file(path, "{\"format\": \"kneeplan.journal/1\", \"entries\": []}\n");
    check_refused_unchanged(path, "JSON file");
  }
  SECTION("random bytes") {
    const fs::path path = fresh("random");
    std::mt19937 random(13);
    std::string bytes(5000, '\0');
    for (auto& c : bytes) c = static_cast<char>(random());
    write_file(path, bytes);
    check_refused_unchanged(path, "not an SQLite database");
  }
  SECTION("an empty file") {
    const fs::path path = fresh("empty");
    write_file(path, "");
    check_refused_unchanged(path, "empty");
  }
  SECTION("a journal cut short in its header") {
    const fs::path path = fresh("header");
    write_file(path, journal_bytes.substr(0, 60));
    check_refused_unchanged(path, "truncated");
  }
  SECTION("a journal cut short by a page") {
    const fs::path path = fresh("page");
    write_file(path, journal_bytes.substr(0, journal_bytes.size() - 4096));
    check_refused_unchanged(path, "truncated");
  }
  SECTION("a journal cut short mid-page") {
    const fs::path path = fresh("mid-page");
    write_file(path, journal_bytes.substr(0, journal_bytes.size() - 100));
    check_refused_unchanged(path, "truncated");
  }
  SECTION("a journal whose header gives an impossible page size") {
    const fs::path path = fresh("page-size");
    std::string bytes = journal_bytes;
    bytes[16] = '\x03';  // 768 bytes: not a power of two
    bytes[17] = '\x00';
    write_file(path, bytes);
    check_refused_unchanged(path, "page size of 768");
  }
  SECTION("a directory") {
    const fs::path path = fresh("directory");
    fs::create_directory(path);
    check_refused_unchanged(path, "is a directory");
  }
  SECTION("a journal from a newer kneeplan") {
    const fs::path path = fresh("newer");
    fs::copy_file(real, path);
    run_sql(path, fmt::format("PRAGMA user_version = {}", journal_migrations().size() + 1));
    check_refused_unchanged(path, "newer kneeplan");
  }
  SECTION("a kneeplan journal whose tables are gone") {
    const fs::path path = fresh("tables");
    fs::copy_file(real, path);
    run_sql(path, "DROP TABLE note");
    check_refused_unchanged(path, "\"note\" table", true);
  }
}

TEST_CASE("journal store: a journal whose checkpoint stopped part-way opens whole from its WAL", "[journal][store]") {
  // A checkpoint copies the WAL's pages into the database file in page
  // order, page 1 (which holds the page count) first. Stopped part-way, or
  // read by another process while it runs, the file is shorter than its
  // header says while the WAL still holds every page: SQLite reads it whole.
  const fs::path path = scratch_dir() / "journal.db";
  JournalStore::open_for_writing(path).record(update_of(sample("2025-01-01")));
  const auto size_before = fs::file_size(path);
  std::vector<JournalEntry> logged{sample("2025-01-01")};
  {
    // An open reader keeps the writer from checkpointing when it closes.
    sqlite3* reader = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(reader, "SELECT count(*) FROM entry", nullptr, nullptr, nullptr) == SQLITE_OK);
    {
      JournalStore store = JournalStore::open_for_writing(path);
      for (int day = 1; day <= 60; ++day) {
        JournalEntry entry = sample(format_date(*parse_date("2025-01-01") + std::chrono::days{day}));
        entry.notes.push_back(std::string(400, 'x'));
        logged.push_back(store.record(update_of(entry)));
      }
    }
    sqlite3_close(reader);
  }
  REQUIRE(fs::file_size(path) == size_before);  // everything new is in the WAL still
  const std::string wal = read_file(path.string() + "-wal");
  JournalStore::open_for_writing(path);  // the last to close checkpoints the WAL into the file
  REQUIRE(fs::file_size(path) > size_before);
  REQUIRE_FALSE(fs::exists(path.string() + "-wal"));
  // The checkpoint as if stopped before it wrote the pages past the old end.
  fs::resize_file(path, size_before);
  write_file(path.string() + "-wal", wal);
  fs::remove(path.string() + "-shm");

  const auto store = JournalStore::open_existing(path);
  REQUIRE(store);
  CHECK(store->entries() == logged);
  CHECK(store->integrity_problems().empty());
  CHECK(JournalStore::open_for_writing(path).entries() == logged);
}

TEST_CASE("journal store: an older journal is backed up, then upgraded in one transaction", "[journal][store]") {
  const fs::path dir = scratch_dir();
  const fs::path path = dir / "journal.db";
  {
    JournalStore store = JournalStore::open_for_writing(path);
    store.record(update_of(sample("2026-11-20")));
  }
  std::vector<std::string_view> upgraded(journal_migrations().begin(), journal_migrations().end());
  const auto version = upgraded.size();

  SECTION("a failing step changes nothing") {
    upgraded.push_back("ALTER TABLE note ADD COLUMN mood TEXT; INSERT INTO nowhere VALUES (1);");
    CHECK_THROWS_AS(JournalStore::open_for_writing(path, upgraded), DataError);
    const auto store = JournalStore::open_existing(path);
    REQUIRE(store);
    CHECK(store->schema_version() == static_cast<int>(version));
    CHECK(store->entries().size() == 1);
  }
  SECTION("a good step runs once, after a backup copy") {
    upgraded.push_back("ALTER TABLE note ADD COLUMN mood TEXT;");
    {
      JournalStore store = JournalStore::open_for_writing(path, upgraded);
      CHECK(store.schema_version() == static_cast<int>(version + 1));
      CHECK(store.entries().size() == 1);
    }
    const fs::path backup = dir / fmt::format("journal.db.v{}.backup", version);
    REQUIRE(fs::exists(backup));
    CHECK(mode_of(backup) == 0600);
    // The copy is the journal as it was: this kneeplan opens it.
    const auto copy = JournalStore::open_existing(backup);
    REQUIRE(copy);
    CHECK(copy->schema_version() == static_cast<int>(version));
    CHECK(copy->entries().size() == 1);
    // Opened again, nothing more to do; this build cannot read it any more.
    CHECK(JournalStore::open_for_writing(path, upgraded).schema_version() == static_cast<int>(version + 1));
    CHECK_THROWS_AS(JournalStore::open_existing(path), DataError);
  }
}

TEST_CASE("journal JSON: what export writes, parse_journal reads back the same", "[journal][store]") {
  const std::vector<JournalEntry> entries{sample("2026-11-19"), sample("2026-11-20")};
  const std::string text = render_journal_json(entries);
  const std::chrono::sys_days today = *parse_date("2026-11-22");
  CHECK(parse_journal(text, "j.json", test::builtin_catalogue(), today) == entries);
}
