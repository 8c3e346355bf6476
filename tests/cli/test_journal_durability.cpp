// The journal never loses an acknowledged entry: kill -9 at random moments,
// two writers at once, and a full disk. Each takes seconds, so each is hidden
// from the default run and is its own ctest entry (tests/CMakeLists.txt).
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "run.hpp"

namespace fs = std::filesystem;
using kneeplan::test::kneeplan_binary;
using kneeplan::test::run_kneeplan;
using kneeplan::test::RunResult;
using kneeplan::test::scratch_dir;

namespace {

// Starts kneeplan with its output thrown away (its errors into `errors`, if
// given); returns its pid.
pid_t start(const std::vector<std::string>& args, const fs::path& errors = "/dev/null") {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_RDWR);
    const int error_file = ::open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(devnull, STDIN_FILENO);
    ::dup2(devnull, STDOUT_FILENO);
    ::dup2(error_file >= 0 ? error_file : devnull, STDERR_FILENO);
    std::vector<std::string> env{"PATH=/usr/bin:/bin", "LANG=C.UTF-8"};
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS"}) {
      if (const char* value = std::getenv(name)) env.push_back(std::string(name) + "=" + value);
    }
    std::string binary = kneeplan_binary();
    std::vector<std::string> copies = args;
    std::vector<char*> argv{binary.data()};
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& entry : env) envp.push_back(entry.data());
    envp.push_back(nullptr);
    ::execve(binary.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string date_of(int index, int base_year = 2020) {
  const std::chrono::sys_days day =
      std::chrono::sys_days{std::chrono::year{base_year} / std::chrono::January / 1} + std::chrono::days{index};
  const std::chrono::year_month_day date{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::vector<std::string> log_args(const fs::path& journal, const std::string& date) {
  return {"--journal", journal.string(), "log", "--date", date, "--done", "side-plank=2x12", "--pain-after", "2",
          "--note", "entry " + date};
}

// Every entry of the journal, by date, checked for duplicated content.
std::set<std::string> dates_in(const fs::path& journal) {
  const RunResult exported = run_kneeplan({"--journal", journal.string(), "journal", "export"});
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  std::set<std::string> dates;
  const auto document = nlohmann::json::parse(exported.out);
  for (const auto& entry : document["entries"]) {
    const std::string date = entry["date"];
    CHECK(dates.insert(date).second);
    CHECK(entry["notes"] == nlohmann::json{"entry " + date});  // logged once, not twice
    CHECK(entry["done"].size() == 2);
  }
  return dates;
}

void check_integrity(const fs::path& journal) {
  const RunResult check = run_kneeplan({"--journal", journal.string(), "journal", "check"});
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

}  // namespace

TEST_CASE("kill -9 at random moments during 200 logs loses no acknowledged entry", "[.][durability][kill]") {
  const fs::path journal = scratch_dir() / "journal.db";
  // How long one log takes here (the first creates the journal; time the second).
  REQUIRE(wait_for(start(log_args(journal, date_of(0)))) == 0);
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(wait_for(start(log_args(journal, date_of(1)))) == 0);
  const auto typical = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);

  std::mt19937 random(20261122);
  // Kill anywhere from the start to a little past a typical run's end.
  std::uniform_int_distribution<long> delay(0, static_cast<long>(typical.count()) * 3 / 2);
  std::set<std::string> acknowledged{date_of(0), date_of(1)};
  int killed = 0;
  for (int i = 2; i < 202; ++i) {
    const std::string date = date_of(i);
    const pid_t pid = start(log_args(journal, date));
    std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    ::kill(pid, SIGKILL);
    const int code = wait_for(pid);
    if (code == 0) {
      acknowledged.insert(date);
    } else {
      CHECK(code == 128 + SIGKILL);
      ++killed;
    }
  }
  INFO(killed << " runs killed; a run takes about " << typical.count() << " us");
  CHECK(killed > 20);  // the test killed runs mid-way, not only after they finished
  check_integrity(journal);
  const std::set<std::string> stored = dates_in(journal);
  for (const auto& date : acknowledged) {
    INFO(date);
    CHECK(stored.count(date) == 1);
  }
  // A killed run stored all of its entry or none of it (checked in dates_in).
  CHECK(stored.size() >= acknowledged.size());
}

TEST_CASE("two processes logging 100 entries each at once store all 200", "[.][durability][concurrent]") {
  const fs::path journal = scratch_dir() / "journal.db";
  const fs::path errors = scratch_dir() / "errors";
  fs::create_directories(errors);
  std::vector<pid_t> writers;
  for (const int base_year : {2001, 2002}) {
    const pid_t writer = ::fork();
    REQUIRE(writer >= 0);
    if (writer == 0) {
      int failed = 0;
      for (int i = 0; i < 100; ++i) {
        const std::string date = date_of(i, base_year);
        const fs::path error_file = errors / date;
        if (wait_for(start(log_args(journal, date), error_file)) != 0) {
          ++failed;
        } else {
          ::unlink(error_file.c_str());
        }
      }
      ::_exit(failed == 0 ? 0 : 1);
    }
    writers.push_back(writer);
  }
  for (const pid_t writer : writers) CHECK(wait_for(writer) == 0);
  // What each failed run said, to tell a lock timeout from anything else.
  std::string failures;
  for (const auto& file : fs::directory_iterator(errors)) {
    std::ifstream in(file.path());
    failures += file.path().filename().string() + ": " + std::string(std::istreambuf_iterator<char>(in), {}) + "\n";
  }
  INFO(failures);
  CHECK(failures.empty());
  check_integrity(journal);
  const std::set<std::string> stored = dates_in(journal);
  CHECK(stored.size() == 200);
  for (const int base_year : {2001, 2002}) {
    for (int i = 0; i < 100; ++i) CHECK(stored.count(date_of(i, base_year)) == 1);
  }
}

TEST_CASE("a full disk: a clear error, exit 1, and every earlier entry still there", "[.][durability][full-disk]") {
  if (::geteuid() != 0) {
    WARN("skipped: mounting a small tmpfs to fill needs root");
    return;
  }
  const fs::path mount_point = scratch_dir() / "small-disk";
  fs::create_directories(mount_point);
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=512k") != 0) {
    WARN("skipped: cannot mount a tmpfs here (" << std::strerror(errno) << ")");
    return;
  }
  struct Unmount {
    fs::path at;
    ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
  } unmount{mount_point};

  const fs::path journal = mount_point / "kneeplan" / "journal.db";
  for (int i = 0; i < 5; ++i) REQUIRE(wait_for(start(log_args(journal, date_of(i)))) == 0);
  // Fill the disk to the last byte.
  {
    std::ofstream filler(mount_point / "filler", std::ios::binary);
    const std::string block(4096, 'x');
    while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) && filler.flush()) {
    }
  }
  {
    std::ofstream filler(mount_point / "filler-bytes", std::ios::binary);
    while (filler.put('x') && filler.flush()) {
    }
  }
  for (int i = 5; i < 8; ++i) {
    const RunResult full = run_kneeplan(log_args(journal, date_of(i)));
    INFO(full.err);
    CHECK(full.exit_code == 1);
    CHECK(full.err.find("the disk is full") != std::string::npos);
    CHECK(full.err.find("nothing was changed") != std::string::npos);
  }
  // Still full: the journal opens and holds every earlier entry.
  check_integrity(journal);
  CHECK(dates_in(journal) == std::set<std::string>{date_of(0), date_of(1), date_of(2), date_of(3), date_of(4)});
  // Space again: logging works again.
  fs::remove(mount_point / "filler");
  REQUIRE(wait_for(start(log_args(journal, date_of(9)))) == 0);
  CHECK(dates_in(journal).size() == 6);
}
