#include "kneeplan/io/journal_store.hpp"

#include <fcntl.h>
#include <cstdlib>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/io/diagnostics.hpp"

namespace kneeplan {

namespace {

namespace fs = std::filesystem;
using std::chrono::sys_days;

// Version 1. STRICT tables keep every value its declared type; the CHECKs
// are the same bounds check_entry() applies, so no tool can store what
// kneeplan would refuse.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE entry (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  date TEXT NOT NULL UNIQUE CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
CREATE TABLE done (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise TEXT NOT NULL CHECK (exercise <> ''),
  rung TEXT NOT NULL CHECK (rung <> ''),
  side TEXT NOT NULL CHECK (side IN ('left', 'right', 'both')),
  sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 20),
  measure TEXT NOT NULL CHECK (measure IN ('reps', 'hold_seconds', 'passes')),
  amount INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 7200),
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, exercise, side)
) STRICT, WITHOUT ROWID;
CREATE TABLE skipped (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise TEXT NOT NULL CHECK (exercise <> ''),
  reason TEXT NOT NULL,
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, exercise)
) STRICT, WITHOUT ROWID;
CREATE TABLE pain (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  moment TEXT NOT NULL CHECK (moment IN ('before', 'during', 'after', 'next_day')),
  knee TEXT NOT NULL CHECK (knee IN ('left', 'right')),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  PRIMARY KEY (entry_id, moment, knee)
) STRICT, WITHOUT ROWID;
CREATE TABLE symptom (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  gone TEXT CHECK (gone IS NULL OR gone GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, name)
) STRICT, WITHOUT ROWID;
CREATE TABLE note (
  entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (entry_id, position)
) STRICT, WITHOUT ROWID;
)sql";

// Version 2. Each entry counts its exercise records, kept by triggers, so the
// days with a session (which the coach counts weeks from, over the whole
// journal) are read from the entry table alone rather than found among
// every exercise record.
constexpr std::string_view kSchemaV2 = R"sql(
ALTER TABLE entry ADD COLUMN done_count INTEGER NOT NULL DEFAULT 0 CHECK (done_count >= 0);
UPDATE entry SET done_count = (SELECT count(*) FROM done WHERE done.entry_id = entry.id);
CREATE TRIGGER done_counted AFTER INSERT ON done BEGIN
  UPDATE entry SET done_count = done_count + 1 WHERE id = NEW.entry_id;
END;
CREATE TRIGGER done_uncounted AFTER DELETE ON done BEGIN
  UPDATE entry SET done_count = done_count - 1 WHERE id = OLD.entry_id;
END;
CREATE TRIGGER done_moved AFTER UPDATE OF entry_id ON done BEGIN
  UPDATE entry SET done_count = done_count - 1 WHERE id = OLD.entry_id;
  UPDATE entry SET done_count = done_count + 1 WHERE id = NEW.entry_id;
END;
)sql";

constexpr std::array<std::string_view, 2> kMigrations{kSchemaV1, kSchemaV2};
constexpr std::array<std::string_view, 6> kTables{"entry", "done", "skipped", "pain", "symptom", "note"};

constexpr std::size_t kHeaderBytes = 100;
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr int kBusyTimeoutMs = 10000;

DataError failure(const std::string& name, std::string message) { return DataError(name, "", std::move(message)); }

constexpr std::string_view kDiskFull = "the disk is full, so nothing was changed; free some space and run the command again";

// What went wrong in SQLite, in words with what to do next.
std::string sqlite_problem(sqlite3* db, int code) {
  const auto full = std::string(kDiskFull);
  const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xFF) {
    case SQLITE_FULL:
      return full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the journal stayed locked by another kneeplan for 10 s; nothing was stored. Try again";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return "cannot write to the journal (" + detail + "); check the permissions of the file and its directory";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return "the journal is damaged (" + detail +
             "); restore it from a backup or an export, or see what `kneeplan journal check` says";
    case SQLITE_IOERR: {
      const int error = db ? sqlite3_system_errno(db) : 0;
      if (error == ENOSPC || error == EDQUOT) return full;
      return "cannot read or write the journal: " + (error ? std::string(std::strerror(error)) : detail);
    }
    default:
      return "journal error: " + detail;
  }
}

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql, const std::string& name) : db_(db), name_(name) {
    if (const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
        rc != SQLITE_OK) {
      throw failure(name_, sqlite_problem(db_, rc));
    }
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement& bind(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int index, std::int64_t number) {
    check(sqlite3_bind_int64(stmt_, index, number));
    return *this;
  }
  Statement& bind(int index, int number) { return bind(index, static_cast<std::int64_t>(number)); }
  Statement& bind_null(int index) {
    check(sqlite3_bind_null(stmt_, index));
    return *this;
  }
  // True while there is a row to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw failure(name_, sqlite_problem(db_, rc));
  }
  void run() {
    while (step()) {
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  // Valid until the next step.
  std::string_view view(int column) const {
    const auto* chars = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return chars ? std::string_view(chars, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string_view();
  }
  std::string text(int column) const { return std::string(view(column)); }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw failure(name_, sqlite_problem(db_, rc));
  }
  sqlite3* db_;
  const std::string& name_;
  sqlite3_stmt* stmt_ = nullptr;
};

void execute(sqlite3* db, std::string_view sql, const std::string& name) {
  const std::string text(sql);
  if (const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr); rc != SQLITE_OK) {
    throw failure(name, sqlite_problem(db, rc));
  }
}

std::int64_t pragma_number(sqlite3* db, std::string_view pragma, const std::string& name) {
  Statement statement(db, fmt::format("PRAGMA {}", pragma), name);
  return statement.step() ? statement.integer(0) : 0;
}

// A write transaction; rolled back unless committed. BEGIN IMMEDIATE takes
// the write lock at once, so two writers queue on the busy timeout instead
// of one failing on a lock upgrade.
class Transaction {
 public:
  Transaction(sqlite3* db, const std::string& name) : db_(db), name_(name) { execute(db_, "BEGIN IMMEDIATE", name_); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    execute(db_, "COMMIT", name_);
    open_ = false;
  }

 private:
  sqlite3* db_;
  const std::string& name_;
  bool open_ = true;
};

std::uint32_t big_endian(const unsigned char* bytes) {
  return (std::uint32_t{bytes[0]} << 24u) | (std::uint32_t{bytes[1]} << 16u) | (std::uint32_t{bytes[2]} << 8u) |
         std::uint32_t{bytes[3]};
}

struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Whether a -wal file beside the journal holds anything: then SQLite reads
// from it pages the database file may not have yet.
bool has_wal(const fs::path& path) {
  struct stat info {};
  return ::stat((path.string() + "-wal").c_str(), &info) == 0 && info.st_size > 0;
}

// Reads the file's first bytes without SQLite and refuses what is not a
// kneeplan journal this version can read. Nothing is written, no -wal or
// -shm file appears: SQLite has not opened the file yet.
void check_header(const fs::path& path, const std::string& name, std::size_t known_versions) {
  Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) {
    const int error = errno;
    if (error == EACCES) throw failure(name, "permission denied; the journal must be readable by you");
    throw failure(name, std::string("cannot open the journal: ") + std::strerror(error));
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw failure(name, std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) throw failure(name, "is a directory, not a kneeplan journal; give a file with --journal");
  if (!S_ISREG(info.st_mode)) throw failure(name, "is not a regular file, so not a kneeplan journal");

  // A checkpoint (another kneeplan's, now or stopped part-way) writes page 1,
  // with the new page count, before the pages that lengthen the file, so a
  // short file is judged only with no WAL beside it, and read again once a
  // WAL seen during the first read has gone (its checkpoint then finished).
  for (int reading = 1;; ++reading) {
    std::array<unsigned char, kHeaderBytes> header{};
    std::size_t filled = 0;
    while (filled < header.size()) {
      const ssize_t got = ::pread(file.fd, header.data() + filled, header.size() - filled, static_cast<off_t>(filled));
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw failure(name, std::string("cannot read: ") + std::strerror(errno));
      if (got == 0) break;
      filled += static_cast<std::size_t>(got);
    }
    if (::fstat(file.fd, &info) != 0) throw failure(name, std::string("cannot read: ") + std::strerror(errno));
    const std::string_view start(reinterpret_cast<const char*>(header.data()), filled);
    const std::string not_ours = "is not a kneeplan journal";
    if (filled == 0) throw failure(name, not_ours + " (the file is empty); give another file with --journal");
    if (start.substr(0, std::min(filled, kSqliteMagic.size())) !=
        kSqliteMagic.substr(0, std::min(filled, kSqliteMagic.size()))) {
      const auto first = start.find_first_not_of(" \t\r\n");
      if (first != std::string_view::npos && (start[first] == '{' || start[first] == '[')) {
        throw failure(name, not_ours + " but a JSON file; `kneeplan journal import FILE` reads exports");
      }
      throw failure(name, not_ours + " (not an SQLite database); give another file with --journal");
    }
    if (filled < kHeaderBytes) {
      throw failure(name, "is a truncated SQLite file (" + std::to_string(filled) +
                              " bytes), not a usable journal; restore it from a backup or an export");
    }
    const std::uint32_t application_id = big_endian(&header[68]);
    if (application_id != kJournalApplicationId) {
      throw failure(name, not_ours + " but another program's SQLite database; give another file with --journal");
    }
    const std::uint32_t version = big_endian(&header[60]);
    if (version > known_versions) {
      throw failure(name, fmt::format("was written by a newer kneeplan (journal version {}; this one reads up to {}); "
                                      "it is left as it is: upgrade kneeplan to use it",
                                      version, known_versions));
    }
    // A page size of 1 stands for 65536; the file is whole pages, as many as
    // the header says when its count is valid (change counter = valid-for).
    std::uint32_t page_size = (std::uint32_t{header[16]} << 8u) | header[17];
    if (page_size == 1) page_size = 65536;
    const bool power_of_two = page_size >= 512 && page_size <= 65536 && (page_size & (page_size - 1)) == 0;
    const auto size = static_cast<std::uint64_t>(info.st_size);
    const std::uint32_t pages = big_endian(&header[28]);
    const bool count_valid = pages != 0 && big_endian(&header[24]) == big_endian(&header[92]);
    if (!power_of_two) {
      throw failure(name, fmt::format("is damaged (its header gives a page size of {}); "
                                      "restore it from a backup or an export",
                                      page_size));
    }
    const bool whole = size % page_size == 0 && !(count_valid && size < std::uint64_t{pages} * page_size);
    // With a WAL, SQLite checks the page count itself, under its locks.
    if (whole || has_wal(path)) return;
    if (reading == 3) {
      throw failure(name, fmt::format("is truncated or damaged ({} bytes, not the whole pages its header describes); "
                                      "restore it from a backup or an export",
                                      size));
    }
  }
}

// Global settings, made before SQLite initializes (after, it refuses them),
// for a process that opens a journal once and reads it through memory-mapped
// I/O. By default each page cache (the journal's, and each sort's) starts
// with a block of 20 page buffers and writes to every page of it; allocated
// as needed, most are never touched, and a first touch (a page fault) is a
// large share of a short run on a virtual machine. Memory statistics, which
// nothing here reads, would take a lock at every allocation.
void configure_sqlite() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

sqlite3* open_connection(const std::string& path, int flags, const std::string& name) {
  configure_sqlite();
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread only, so reading a column
  // need not take the connection's lock.
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string problem = sqlite_problem(db, rc);
    sqlite3_close(db);
    throw failure(name, problem);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  return db;
}

// Reads the file through memory-mapped I/O: a journal of years is read whole
// by plan, today and progress, and a system call per page costs more than
// the rules that run on it.
void map_for_reading(sqlite3* db, const std::string& name) {
  execute(db, "PRAGMA mmap_size = 268435456", name);
  // The sorts and sets a query needs stay in memory: no temporary file per query.
  execute(db, "PRAGMA temp_store = MEMORY", name);
}

// Closes the connection on every path out unless released.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
  sqlite3* release() { return std::exchange(db, nullptr); }
};

// Through SQLite, read only: the same checks as the header (a committed
// migration may still be in the -wal file), and the tables, in one statement.
// Returns the journal's version.
std::int64_t check_schema(sqlite3* db, const std::string& name, std::size_t known_versions) {
  Statement schema(db,
                   "SELECT (SELECT application_id FROM pragma_application_id), "
                   "(SELECT user_version FROM pragma_user_version), "
                   "(SELECT group_concat(name, ' ') FROM sqlite_schema WHERE type = 'table')",
                   name);
  if (!schema.step()) throw failure(name, "journal error: its schema cannot be read");
  if (schema.integer(0) != kJournalApplicationId) {
    throw failure(name, "is not a kneeplan journal but another program's SQLite database");
  }
  const std::int64_t version = schema.integer(1);
  if (version > static_cast<std::int64_t>(known_versions)) {
    throw failure(name, fmt::format("was written by a newer kneeplan (journal version {}; this one reads up to {}); "
                                    "it is left as it is: upgrade kneeplan to use it",
                                    version, known_versions));
  }
  if (version < 1) throw failure(name, "is a kneeplan journal without its tables; restore it from a backup");
  const std::string present = " " + schema.text(2) + " ";
  for (const auto table : kTables) {
    if (present.find(fmt::format(" {} ", table)) == std::string::npos) {
      throw failure(name, fmt::format("is a kneeplan journal without its \"{}\" table; restore it from a backup", table));
    }
  }
  return version;
}

void sync_directory(const fs::path& directory) {
  Descriptor dir{::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd >= 0) ::fsync(dir.fd);
}

// Creates each missing directory of `directory` as 0700: the journal is health data.
void make_private_directories(const fs::path& directory, const std::string& name) {
  if (directory.empty()) return;
  std::error_code error;
  if (fs::is_directory(directory, error)) return;
  make_private_directories(directory.parent_path(), name);
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) {
    throw failure(name, fmt::format("cannot create the directory {}: {}", directory.string(), std::strerror(errno)));
  }
}

void apply_migrations(sqlite3* db, std::span<const std::string_view> migrations, std::size_t from,
                      const std::string& name) {
  for (std::size_t step = from; step < migrations.size(); ++step) execute(db, migrations[step], name);
  execute(db, fmt::format("PRAGMA user_version = {}", migrations.size()), name);
}

// A new journal is built under a temporary name and linked into place once
// complete, so the path holds a whole journal or nothing, and a process
// that loses a race to create it opens the winner's.
void create_journal(const fs::path& path, const std::string& name, std::span<const std::string_view> migrations) {
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  make_private_directories(directory, name);
  std::string temp = (directory / ("." + path.filename().string() + ".XXXXXX")).string();
  {
    Descriptor file{::mkstemp(temp.data())};  // mode 0600
    if (file.fd < 0) {
      throw failure(name, fmt::format("cannot create the journal: {}", std::strerror(errno)));
    }
  }
  struct Cleanup {
    const std::string& temp;
    ~Cleanup() {
      ::unlink(temp.c_str());
      ::unlink((temp + "-wal").c_str());
      ::unlink((temp + "-shm").c_str());
    }
  } cleanup{temp};
  {
    Connection connection{open_connection(temp, SQLITE_OPEN_READWRITE, name)};
    execute(connection.db, fmt::format("PRAGMA application_id = {}", kJournalApplicationId), name);
    execute(connection.db, "PRAGMA journal_mode = WAL", name);
    execute(connection.db, "PRAGMA synchronous = FULL", name);
    execute(connection.db, "BEGIN IMMEDIATE", name);
    apply_migrations(connection.db, migrations, 0, name);
    execute(connection.db, "COMMIT", name);
    // Closing checkpoints the -wal file into the database and removes it.
    if (const int rc = sqlite3_close(connection.release()); rc != SQLITE_OK) {
      throw failure(name, sqlite_problem(nullptr, rc));
    }
  }
  {
    Descriptor file{::open(temp.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0 || ::fsync(file.fd) != 0) {
      throw failure(name, fmt::format("cannot create the journal: {}", std::strerror(errno)));
    }
  }
  if (::link(temp.c_str(), path.c_str()) != 0 && errno != EEXIST) {
    throw failure(name, fmt::format("cannot create the journal: {}", std::strerror(errno)));
  }
  sync_directory(directory);
}

// A copy of the journal as it is, beside it, through SQLite's online backup;
// returns its path.
fs::path back_up(sqlite3* db, const fs::path& path, std::int64_t version, const std::string& name) {
  const std::string copy = fmt::format("{}.v{}.backup", path.string(), version);
  ::unlink(copy.c_str());
  {
    Descriptor file{::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600)};
    if (file.fd < 0) throw failure(name, fmt::format("cannot create the backup {}: {}", copy, std::strerror(errno)));
  }
  Connection target{open_connection(copy, SQLITE_OPEN_READWRITE, name)};
  sqlite3_backup* backup = sqlite3_backup_init(target.db, "main", db, "main");
  if (!backup) throw failure(name, "cannot back up the journal: " + std::string(sqlite3_errmsg(target.db)));
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw failure(name, "cannot back up the journal: " + sqlite_problem(target.db, rc));
  // The copy is a rollback-journal database: a single file, whole on its own.
  execute(target.db, "PRAGMA journal_mode = DELETE", name);
  return copy;
}

// One read transaction around several queries, so they all see the journal
// as of one moment (a `log` may commit between two statements otherwise), and
// take its locks once. Inside a transaction already, it adds nothing.
class ReadSnapshot {
 public:
  ReadSnapshot(sqlite3* db, const std::string& name) : db_(sqlite3_get_autocommit(db) ? db : nullptr) {
    if (db_) execute(db_, "BEGIN", name);
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot() {
    if (db_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);  // ends a read: nothing to lose
  }

 private:
  sqlite3* db_;
};

std::string date_text(sys_days day) { return format_date(day); }

sys_days stored_date(std::string_view text, const std::string& name) {
  const auto date = parse_date(text);
  if (!date) throw failure(name, fmt::format("holds a malformed date \"{}\"; see `kneeplan journal check`", text));
  return *date;
}

template <class Enum>
Enum stored_name(std::string_view text, const std::string& name) {
  const auto value = parse_name<Enum>(text);
  if (!value) throw failure(name, fmt::format("holds an unknown value \"{}\"; see `kneeplan journal check`", text));
  return *value;
}

// "file:/path?immutable=1", the path percent-encoded where a URI needs it.
std::string immutable_uri(const fs::path& path) {
  std::string uri = "file:";
  for (const char c : fs::absolute(path).string()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("/-._~").find(c) != std::string_view::npos) {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", byte);
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

std::span<const std::string_view> journal_migrations() { return kMigrations; }

JournalStore::JournalStore(sqlite3* db, std::string name, std::int64_t version)
    : db_(db), name_(std::move(name)), version_(static_cast<int>(version)) {}
JournalStore::JournalStore(JournalStore&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      name_(std::move(other.name_)),
      version_(other.version_),
      upgrade_(std::move(other.upgrade_)) {}
JournalStore& JournalStore::operator=(JournalStore&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
    name_ = std::move(other.name_);
    version_ = other.version_;
    upgrade_ = std::move(other.upgrade_);
  }
  return *this;
}
JournalStore::~JournalStore() { sqlite3_close(db_); }

std::optional<JournalStore> JournalStore::open_existing(const fs::path& path) {
  const std::string name = path.string();
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 && errno == ENOENT) return std::nullopt;
  check_header(path, name, kMigrations.size());
  try {
    Connection connection{open_connection(name, SQLITE_OPEN_READONLY, name)};
    const auto version = check_schema(connection.db, name, kMigrations.size());
    map_for_reading(connection.db, name);
    return JournalStore(connection.release(), name, version);
  } catch (const DataError&) {
    // A WAL reader needs a -shm file, which SQLite cannot create on a full
    // disk or in a read-only directory. With no -wal file to read, the
    // database file holds every entry: read it as an immutable file.
    std::error_code error;
    if (fs::file_size(name + "-wal", error) > 0 && !error) throw;
    Connection connection{open_connection(immutable_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, name)};
    const auto version = check_schema(connection.db, name, kMigrations.size());
    map_for_reading(connection.db, name);
    return JournalStore(connection.release(), name, version);
  }
}

JournalStore JournalStore::open_for_writing(const fs::path& path, std::span<const std::string_view> migrations) {
  const std::string name = path.string();
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 && errno == ENOENT) create_journal(path, name, migrations);
  // Verified read-only first: a foreign file is refused before anything could write to it.
  check_header(path, name, migrations.size());
  {
    Connection reader{open_connection(name, SQLITE_OPEN_READONLY, name)};
    check_schema(reader.db, name, migrations.size());
  }
  Connection connection{open_connection(name, SQLITE_OPEN_READWRITE, name)};
  // FULL: each commit is on disk (the -wal file synced) before `log` says it
  // stored anything, so an acknowledged entry survives a power cut too.
  execute(connection.db, "PRAGMA synchronous = FULL", name);
  execute(connection.db, "PRAGMA foreign_keys = ON", name);
  const auto version = pragma_number(connection.db, "user_version", name);
  std::optional<JournalUpgrade> upgrade;
  if (version < static_cast<std::int64_t>(migrations.size())) {
    upgrade = JournalUpgrade{static_cast<int>(version), back_up(connection.db, path, version, name)};
    Transaction transaction(connection.db, name);
    // Another kneeplan may have upgraded it while this one made the copy.
    const auto now = pragma_number(connection.db, "user_version", name);
    if (now < static_cast<std::int64_t>(migrations.size())) {
      apply_migrations(connection.db, migrations, static_cast<std::size_t>(now), name);
    }
    transaction.commit();
  }
  JournalStore store(connection.release(), name, static_cast<std::int64_t>(migrations.size()));
  store.upgrade_ = std::move(upgrade);
  return store;
}

JournalStore JournalStore::in_memory() {
  const std::string name = ":memory:";
  Connection connection{open_connection(name, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, name)};
  execute(connection.db, "PRAGMA foreign_keys = ON", name);
  execute(connection.db, fmt::format("PRAGMA application_id = {}", kJournalApplicationId), name);
  apply_migrations(connection.db, kMigrations, 0, name);
  return JournalStore(connection.release(), name, static_cast<std::int64_t>(kMigrations.size()));
}

int JournalStore::schema_version() const { return version_; }

std::vector<JournalEntry> JournalStore::read_entries(std::string_view where, const DateWindow& window,
                                                     std::optional<sys_days> lean_before) const {
  const ReadSnapshot snapshot(db_, name_);
  // One query per table for all the entries, not one per entry. Each walks
  // the entries by date through the date index, so the child rows arrive
  // grouped by entry in the entries' order, with no sort.
  const std::string whole_from = lean_before ? date_text(*lean_before) : std::string("0000-00-00");
  auto prepare = [&](std::string_view sql) {
    auto statement = std::make_unique<Statement>(
        db_, fmt::format(fmt::runtime(sql), fmt::format("{} AND e.date BETWEEN ?1 AND ?2", where)), name_);
    statement->bind(1, window.from ? date_text(*window.from) : std::string("0000-00-00"));
    statement->bind(2, window.to ? date_text(*window.to) : std::string("9999-99-99"));
    if (sql.find("?3") != std::string_view::npos) statement->bind(3, whole_from);
    return statement;
  };
  std::vector<JournalEntry> entries;
  std::vector<std::int64_t> ids;
  {
    // Version 2 counts each entry's exercise records: room for them is made
    // once (up to a bound: a count is only a hint, and may have been altered).
    auto rows = prepare(version_ >= 2 ? "SELECT e.id, e.date, e.done_count FROM entry e WHERE {} ORDER BY e.date"
                                      : "SELECT e.id, e.date, 0 FROM entry e WHERE {} ORDER BY e.date");
    while (rows->step()) {
      ids.push_back(rows->integer(0));
      JournalEntry& entry = entries.emplace_back();
      entry.date = stored_date(rows->view(1), name_);
      entry.done.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(rows->integer(2), 0, 64)));
    }
  }
  if (entries.empty()) return entries;
  auto each = [&](std::string_view sql, auto&& read) {
    auto rows = prepare(sql);
    std::size_t at = 0;
    while (rows->step()) {
      const std::int64_t id = rows->integer(0);
      while (at < ids.size() && ids[at] != id) ++at;
      // Within one snapshot every row belongs to an entry read above.
      if (at == ids.size()) throw failure(name_, "journal error: a record arrived outside its entry's order");
      read(*rows, entries[at]);
    }
  };
  // A lean entry's holds and roll passes are left in the journal: most of
  // the records, and no rule of the coach's reads them.
  each("SELECT e.id, d.exercise, d.rung, d.side, d.sets, d.measure, d.amount FROM entry e "
       "JOIN done d ON d.entry_id = e.id WHERE {} AND (d.measure = 'reps' OR e.date >= ?3) "
       "ORDER BY e.date, d.position",
       [&](const Statement& row, JournalEntry& entry) {
         entry.done.push_back({row.text(1), row.text(2), stored_name<Side>(row.view(3), name_),
                               static_cast<int>(row.integer(4)), stored_name<Measure>(row.view(5), name_),
                               static_cast<int>(row.integer(6))});
       });
  each("SELECT e.id, s.exercise, s.reason FROM entry e JOIN skipped s ON s.entry_id = e.id "
       "WHERE {} ORDER BY e.date, s.position",
       [&](const Statement& row, JournalEntry& entry) { entry.skipped.push_back({row.text(1), row.text(2)}); });
  each("SELECT e.id, p.moment, p.knee, p.score FROM entry e JOIN pain p ON p.entry_id = e.id WHERE {} "
       "ORDER BY e.date",
       [&](const Statement& row, JournalEntry& entry) {
         entry.pain_at(stored_name<Moment>(row.view(1), name_)).of(stored_name<Knee>(row.view(2), name_)) =
             static_cast<int>(row.integer(3));
       });
  each("SELECT e.id, s.name, s.gone FROM entry e JOIN symptom s ON s.entry_id = e.id "
       "WHERE {} ORDER BY e.date, s.position",
       [&](const Statement& row, JournalEntry& entry) {
         SymptomRecord symptom{row.text(1), std::nullopt};
         if (!row.is_null(2)) symptom.gone = stored_date(row.view(2), name_);
         entry.symptoms.push_back(std::move(symptom));
       });
  if (!lean_before || entries.back().date >= *lean_before) {
    each("SELECT e.id, n.text FROM entry e JOIN note n ON n.entry_id = e.id WHERE {} AND e.date >= ?3 "
         "ORDER BY e.date, n.position",
         [&](const Statement& row, JournalEntry& entry) { entry.notes.push_back(row.text(1)); });
  }
  return entries;
}

std::vector<JournalEntry> JournalStore::entries(const DateWindow& window) const { return read_entries("1", window); }

JournalHistory JournalStore::history(sys_days from, sys_days whole_from) const {
  const ReadSnapshot snapshot(db_, name_);
  // Before the window only the entries with a symptom, which stays open
  // until an entry marks it gone.
  std::vector<JournalEntry> entries =
      read_entries("e.id IN (SELECT entry_id FROM symptom)", {std::nullopt, from - std::chrono::days{1}}, whole_from);
  std::vector<JournalEntry> recent = read_entries("1", {from, std::nullopt}, whole_from);
  entries.insert(entries.end(), std::make_move_iterator(recent.begin()), std::make_move_iterator(recent.end()));
  // A version 1 journal (not yet written to by this kneeplan) has no
  // done_count: its sessions are found among the exercise records.
  Statement days(db_,
                 version_ >= 2
                     ? "SELECT date, done_count > 0 FROM entry ORDER BY date"
                     : "SELECT e.date, EXISTS (SELECT 1 FROM done d WHERE d.entry_id = e.id) FROM entry e ORDER BY e.date",
                 name_);
  std::vector<sys_days> sessions;
  std::optional<sys_days> first_day;
  while (days.step()) {
    const sys_days day = stored_date(days.view(0), name_);
    if (!first_day) first_day = day;
    if (days.integer(1) != 0) sessions.push_back(day);
  }
  return JournalHistory(std::move(entries), std::move(sessions), first_day);
}

std::optional<JournalEntry> JournalStore::entry_on(sys_days date) const {
  auto found = read_entries("1", {date, date});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<JournalEntry> JournalStore::latest_created() const {
  auto found = read_entries("e.id = (SELECT max(id) FROM entry)", {});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<std::string> JournalStore::open_symptoms(sys_days date) const {
  Statement rows(db_,
                 "SELECT DISTINCT s.name FROM symptom s JOIN entry e ON e.id = s.entry_id "
                 "WHERE s.gone IS NULL AND e.date <= ?1 ORDER BY s.name",
                 name_);
  rows.bind(1, date_text(date));
  std::vector<std::string> names;
  while (rows.step()) names.push_back(rows.text(0));
  return names;
}

void JournalStore::write_entry(const JournalEntry& entry) {
  const std::string date = date_text(entry.date);
  Statement(db_, "INSERT INTO entry (date) VALUES (?1) ON CONFLICT (date) DO NOTHING", name_).bind(1, date).run();
  std::int64_t id = 0;
  if (sqlite3_changes(db_) == 1) {
    id = sqlite3_last_insert_rowid(db_);  // a new entry: nothing of it to replace
  } else {
    Statement find(db_, "SELECT id FROM entry WHERE date = ?1", name_);
    find.bind(1, date);
    if (!find.step()) throw failure(name_, "journal error: the entry just written is missing");
    id = find.integer(0);
    for (const auto table : {"done", "skipped", "pain", "symptom", "note"}) {
      Statement(db_, fmt::format("DELETE FROM {} WHERE entry_id = ?1", table), name_).bind(1, id).run();
    }
  }
  // Each INSERT is prepared only when it has rows to add.
  if (!entry.done.empty()) {
    Statement done(db_,
                   "INSERT INTO done (entry_id, position, exercise, rung, side, sets, measure, amount) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                   name_);
    for (std::size_t i = 0; i < entry.done.size(); ++i) {
      const ExerciseDone& d = entry.done[i];
      done.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, d.exercise).bind(4, d.rung);
      done.bind(5, name_of(d.side)).bind(6, d.sets).bind(7, name_of(d.measure)).bind(8, d.amount).run();
    }
  }
  if (!entry.skipped.empty()) {
    Statement skipped(db_, "INSERT INTO skipped (entry_id, position, exercise, reason) VALUES (?1, ?2, ?3, ?4)",
                      name_);
    for (std::size_t i = 0; i < entry.skipped.size(); ++i) {
      skipped.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, entry.skipped[i].exercise);
      skipped.bind(4, entry.skipped[i].reason).run();
    }
  }
  const bool any_pain = std::any_of(entry.pain.begin(), entry.pain.end(), [](const KneePain& pain) {
    return pain.left.has_value() || pain.right.has_value();
  });
  if (any_pain) {
    Statement pain(db_, "INSERT INTO pain (entry_id, moment, knee, score) VALUES (?1, ?2, ?3, ?4)", name_);
    for (std::size_t moment = 0; moment < entry.pain.size(); ++moment) {
      for (const Knee knee : {Knee::left, Knee::right}) {
        if (const auto& score = entry.pain[moment].of(knee)) {
          pain.bind(1, id).bind(2, name_of(static_cast<Moment>(moment))).bind(3, name_of(knee)).bind(4, *score).run();
        }
      }
    }
  }
  if (!entry.symptoms.empty()) {
    Statement symptom(db_, "INSERT INTO symptom (entry_id, position, name, gone) VALUES (?1, ?2, ?3, ?4)", name_);
    for (std::size_t i = 0; i < entry.symptoms.size(); ++i) {
      symptom.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, entry.symptoms[i].name);
      if (entry.symptoms[i].gone) {
        symptom.bind(4, date_text(*entry.symptoms[i].gone));
      } else {
        symptom.bind_null(4);
      }
      symptom.run();
    }
  }
  if (!entry.notes.empty()) {
    Statement note(db_, "INSERT INTO note (entry_id, position, text) VALUES (?1, ?2, ?3)", name_);
    for (std::size_t i = 0; i < entry.notes.size(); ++i) {
      note.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, entry.notes[i]).run();
    }
  }
}

JournalEntry JournalStore::record(const JournalUpdate& update) {
  Transaction transaction(db_, name_);
  const sys_days date = update.addition.date;
  JournalEntry entry = entry_on(date).value_or(JournalEntry{});
  entry.date = date;
  merge(entry, update.addition);
  write_entry(entry);
  if (!update.symptoms_gone.empty()) {
    Statement gone(db_,
                   "UPDATE symptom SET gone = ?1 WHERE gone IS NULL AND name = ?2 AND entry_id IN "
                   "(SELECT id FROM entry WHERE date <= ?1)",
                   name_);
    for (const auto& symptom : update.symptoms_gone) {
      gone.bind(1, date_text(date)).bind(2, symptom).run();
      if (sqlite3_changes(db_) == 0) {
        throw failure(name_, fmt::format("no {} is recorded on or before {} to mark gone; nothing was stored",
                                         symptom, date_text(date)));
      }
    }
    // Marking gone may have changed this entry's own symptoms.
    entry = entry_on(date).value_or(entry);
  }
  transaction.commit();
  return entry;
}

bool JournalStore::remove(sys_days date) {
  Transaction transaction(db_, name_);
  Statement(db_, "DELETE FROM entry WHERE date = ?1", name_).bind(1, date_text(date)).run();
  const bool removed = sqlite3_changes(db_) > 0;
  transaction.commit();
  return removed;
}

ImportOutcome JournalStore::import(const std::vector<JournalEntry>& entries) {
  ImportOutcome outcome;
  Transaction transaction(db_, name_);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto stored = entry_on(entries[i].date);
    if (!stored) {
      write_entry(entries[i]);
      ++outcome.added;
    } else if (*stored == entries[i]) {
      ++outcome.unchanged;
    } else {
      outcome.conflicts.push_back(i);
    }
  }
  if (outcome.conflicts.empty()) transaction.commit();  // else rolled back on the way out
  return outcome;
}

std::vector<std::string> JournalStore::integrity_problems() const {
  std::vector<std::string> problems;
  Statement integrity(db_, "PRAGMA integrity_check", name_);
  while (integrity.step()) {
    if (const std::string row = integrity.text(0); row != "ok") problems.push_back("SQLite integrity check: " + row);
  }
  Statement keys(db_, "PRAGMA foreign_key_check", name_);
  while (keys.step()) {
    problems.push_back(fmt::format("a row of \"{}\" belongs to no entry", keys.text(0)));
  }
  if (version_ >= 2) {
    Statement counts(db_,
                     "SELECT e.date, e.done_count, (SELECT count(*) FROM done d WHERE d.entry_id = e.id) AS records "
                     "FROM entry e WHERE e.done_count <> records ORDER BY e.date",
                     name_);
    while (counts.step()) {
      problems.push_back(fmt::format("the entry of {} counts {} exercises done but holds {}", counts.text(0),
                                     counts.integer(1), counts.integer(2)));
    }
  }
  return problems;
}

}  // namespace kneeplan
