// End to end: hostile flags, outputs, streams, signals and texts. Numbers are
// read as decimal; -o writes through devices, FIFOs and links; a closed or
// full stderr changes no exit code; an interrupted write leaves no temporary
// file; input text cannot reach a terminal or a Markdown page raw; messages
// stay short, printable and say what was wrong.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "kneeplan/core/plan_limits.hpp"
#include "kneeplan/core/text.hpp"
#include "run.hpp"

namespace fs = std::filesystem;
using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::RunOptions;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;
using kneeplan::test::write_file;
using nlohmann::json;

namespace {

const std::string kStart = "2026-11-23";  // a Monday

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

json shipped(const std::string& name) { return json::parse(read_file(source_dir() / "data" / name)); }

json& exercise(json& catalogue, const std::string& id) {
  for (auto& e : catalogue["exercises"]) {
    if (e["id"] == id) return e;
  }
  FAIL("no exercise " << id);
  throw;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// The first byte of `text` that a terminal would act on or that is not UTF-8,
// as "offset N: 0xNN", or empty. With `colour`, kneeplan's own SGR sequences
// (ESC [ digits ; m) are allowed.
std::string raw_control(const std::string& text, bool colour = false) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (colour && byte == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
      std::size_t j = i + 2;
      while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == ';')) ++j;
      if (j < text.size() && text[j] == 'm') {
        i = j;
        continue;
      }
    }
    const std::size_t length = kneeplan::utf8_sequence(text, i);
    const bool c1 = byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    const bool bidi = text.compare(i, 3, "\xE2\x80\xAE") == 0;
    if ((byte < 0x20 && byte != '\n') || byte == 0x7f || length == 0 || c1 || bidi) {
      return "offset " + std::to_string(i) + ": byte " + std::to_string(byte) + " near \"" +
             kneeplan::printable(text.substr(i > 20 ? i - 20 : 0, 40)) + "\"";
    }
    i += length - 1;
  }
  return {};
}

// Text that tries to take over a terminal (title, clear screen, carriage
// return, backspace, bell, NUL, C1 CSI, right-to-left override) or a Markdown
// page (script, img with an event handler).
const std::string kHostile =
    "Plank\x1b]0;pwned\x07\x1b[2J\r\bX" + std::string(1, '\0') + " \xC2\x9B" "31m \xE2\x80\xAE" "dekcah " +
    "<script>alert(1)</script> <img src=x onerror=alert(1)> & done";

// A catalogue whose side plank carries kHostile in every text a plan or
// `exercises show` prints.
fs::path hostile_catalogue(const fs::path& dir) {
  json catalogue = shipped("catalogue.json");
  json& plank = exercise(catalogue, "side-plank");
  plank["name"] = kHostile;
  plank["cues"] = json::array({kHostile});
  plank["steps"] = json::array({kHostile});
  plank["source"] = kHostile;
  plank["targets"] = json::array({kHostile});
  json& roll = exercise(catalogue, "thigh-foam-roll");
  roll["dose"]["passes"][0]["area"] = kHostile;
  const fs::path file = dir / "hostile-catalogue.json";
  write_file(file, catalogue.dump(2));
  return file;
}

RunOptions with_env(std::map<std::string, std::string> env) {
  RunOptions options;
  options.env = std::move(env);
  return options;
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

// --- numbers -------------------------------------------------------------------

TEST_CASE("robustness: numeric flags are decimal, and leading zeros mean nothing", "[cli][robust]") {
  const auto exported = [](std::vector<std::string> flags) {
    std::vector<std::string> args{"export", "--start", kStart, "--cleared"};
    args.insert(args.end(), flags.begin(), flags.end());
    const auto result = run_kneeplan(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
  };
  CHECK(exported({"--age", "020"})["profile"]["age"] == 20);  // not octal 16
  CHECK(exported({"--age", "019"})["profile"]["age"] == 19);  // not "Could not convert"
  CHECK(exported({"--age", "0000000000000000000000030"})["profile"]["age"] == 30);
  CHECK(exported({"--pain", "03"})["profile"]["pain"] == 3);
  CHECK(exported({"--weeks-done", "010"})["profile"]["weeks_done"] == 10);
  CHECK(exported({"--weeks", "017"})["weeks"].size() == 17);  // not 15
  CHECK(exported({"--height-cm", "0175.5"})["profile"]["height_cm"] == 175.5);
  CHECK(exported({"--weight-kg", "070"})["profile"]["weight_kg"] == 70.0);

  // Hexadecimal, exponents, signs and words are refused with the accepted range.
  const std::vector<std::vector<std::string>> refused{
      {"--height-cm", "0xaf", "from 40 to 250"}, {"--age", "0x14", "from 0 to 120"},
      {"--weeks", "0x10", "from 1 to 52"},       {"--weight-kg", "7e1", "from 2 to 400"},
      {"--pain", "+3", "from 0 to 10"},          {"--age", "nan", "from 0 to 120"},
      {"--ankle-gap-cm", "inf", "from 0 to 50"}, {"--weeks-done", "1.0", "from 0 to 520"},
      {"--height-cm", "175.", "from 40 to 250"}, {"--age", "99999999999999999999999", "from 0 to 120"},
  };
  for (const auto& flag : refused) {
    INFO(flag[0] << " " << flag[1]);
    const auto result = run_kneeplan({"plan", flag[0], flag[1]});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "kneeplan: " + flag[0] + ": expected a "));
    CHECK(contains(result.err, flag[2] + ", found " + flag[1]));
  }
}

// --- -o onto things that are not plain files ------------------------------------

TEST_CASE("robustness: -o /dev/null writes to the device and leaves it one", "[cli][robust][output]") {
  for (const bool as_nobody : {false, true}) {
    INFO("as nobody: " << as_nobody);
    RunOptions options;
    options.as_nobody = as_nobody;
    const auto result = run_kneeplan({"export", "--start", kStart, "-o", "/dev/null"}, options);
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    struct stat info {};
    REQUIRE(::stat("/dev/null", &info) == 0);
    CHECK(S_ISCHR(info.st_mode));
  }
  // A full device is written to, and its error reported, not replaced.
  const auto full = run_kneeplan({"export", "--start", kStart, "-o", "/dev/full"});
  CHECK(full.exit_code == 1);
  CHECK(contains(full.err, "kneeplan: /dev/full: cannot write: No space left on device"));
  struct stat info {};
  REQUIRE(::stat("/dev/full", &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
}

TEST_CASE("robustness: -o writes through /dev/stdout to a pipe", "[cli][robust][output]") {
  const auto direct = run_kneeplan({"export", "--start", kStart});
  const auto through = run_kneeplan({"export", "--start", kStart, "-o", "/dev/stdout"});
  INFO(through.err);
  CHECK(through.exit_code == 0);
  CHECK(through.out == direct.out);
}

TEST_CASE("robustness: -o into a FIFO writes to its reader and leaves the FIFO", "[cli][robust][output]") {
  const fs::path dir = scratch_dir();
  const fs::path fifo = dir / "plan.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  std::string received;
  std::thread reader([&] { received = read_file(fifo); });
  const auto result = run_kneeplan({"export", "--start", kStart, "-o", fifo.string()});
  reader.join();
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(received == run_kneeplan({"export", "--start", kStart}).out);
  CHECK(fs::is_fifo(fifo));
  CHECK(entries(dir) == 1);
}

TEST_CASE("robustness: -o follows a symbolic link and replaces its file, keeping its mode", "[cli][robust][output]") {
  const fs::path dir = scratch_dir();
  const fs::path real = dir / "real.json";
  const fs::path link = dir / "link.json";
  write_file(real, "old\n");
  REQUIRE(::chmod(real.c_str(), 0600) == 0);
  fs::create_symlink("real.json", link);

  const auto result = run_kneeplan({"export", "--start", kStart, "-o", link.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(fs::is_symlink(link));
  CHECK(fs::read_symlink(link) == "real.json");
  CHECK(json::parse(read_file(real))["format"] == "kneeplan.plan/2");
  struct stat info {};
  REQUIRE(::stat(real.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0600);
  CHECK(entries(dir) == 2);  // no temporary file left

  SECTION("a dangling link creates the file it names") {
    const fs::path dangling = dir / "dangling.json";
    fs::create_symlink("made.json", dangling);
    REQUIRE(run_kneeplan({"export", "--start", kStart, "-o", dangling.string()}).exit_code == 0);
    CHECK(fs::is_symlink(dangling));
    CHECK(json::parse(read_file(dir / "made.json"))["format"] == "kneeplan.plan/2");
  }
}

TEST_CASE("robustness: a replaced file keeps its mode and owner", "[cli][robust][output]") {
  const fs::path dir = scratch_dir();
  const fs::path file = dir / "plan.json";
  write_file(file, "old\n");
  REQUIRE(::chmod(file.c_str(), 0640) == 0);
  const bool root = ::geteuid() == 0;
  constexpr uid_t kNobody = 65534;
  if (root) REQUIRE(::chown(file.c_str(), kNobody, kNobody) == 0);

  const auto result = run_kneeplan({"export", "--start", kStart, "-o", file.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
  if (root) {
    CHECK(info.st_uid == kNobody);
    CHECK(info.st_gid == kNobody);
  }
  CHECK(json::parse(read_file(file))["format"] == "kneeplan.plan/2");
}

TEST_CASE("robustness: -o takes any valid file name, and a directory is refused", "[cli][robust][output]") {
  const fs::path dir = scratch_dir();
  const std::string name = std::string(245, 'a') + ".json";  // 250 bytes: the temporary name must be cut to fit
  const auto result = run_kneeplan({"export", "--start", kStart, "-o", (dir / name).string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(fs::is_regular_file(dir / name));
  CHECK(entries(dir) == 1);

  const auto folder = run_kneeplan({"export", "--start", kStart, "-o", dir.string()});
  CHECK(folder.exit_code == 1);
  CHECK(contains(folder.err, dir.string() + ": is a directory; give -o a file name"));
  CHECK(fs::is_directory(dir));
}

// --- a closed or full stderr --------------------------------------------------

TEST_CASE("robustness: a closed or full stderr changes no exit code", "[cli][robust][streams]") {
  const fs::path dir = scratch_dir();
  for (const std::string& stderr_path : {std::string(), std::string("/dev/full")}) {
    INFO("stderr: " << (stderr_path.empty() ? "closed" : stderr_path));
    RunOptions options;
    options.stderr_path = stderr_path;
    CHECK(run_kneeplan({"plan", "--age", "10"}, options).exit_code == 3);
    CHECK(run_kneeplan({"plan", "--profile", (dir / "none.json").string()}, options).exit_code == 1);
    CHECK(run_kneeplan({"plan", "--pain", "11"}, options).exit_code == 2);
    CHECK(run_kneeplan({"frobnicate"}, options).exit_code == 2);
    const auto ok = run_kneeplan({"plan", "--start", kStart, "--weeks", "1"}, options);
    CHECK(ok.exit_code == 0);
    CHECK(contains(ok.out, "Week 1"));
  }
  SECTION("a file opened with stderr closed gets nothing meant for stderr") {
    RunOptions closed;
    closed.stderr_path = "";
    const fs::path out = dir / "plan.json";
    REQUIRE(run_kneeplan({"export", "--start", kStart, "-o", out.string()}, closed).exit_code == 0);
    CHECK(read_file(out) == run_kneeplan({"export", "--start", kStart}).out);
  }
}

TEST_CASE("robustness: --help and --version fail when stdout is full", "[cli][robust][streams]") {
  RunOptions full;
  full.stdout_path = "/dev/full";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help"}, {"--version"}, {"plan", "--help"}, {"exercises", "show", "--help"}}) {
    INFO(args.front());
    const auto result = run_kneeplan(args, full);
    CHECK(result.exit_code == 1);
    CHECK(contains(result.err, "kneeplan: <stdout>: cannot write: No space left on device"));
  }
  CHECK(run_kneeplan({"--version"}).exit_code == 0);
}

// --- signals during -o --------------------------------------------------------

namespace {

// Starts kneeplan with `args` and no output on the terminal; returns its pid.
pid_t start(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_RDWR);
    ::dup2(devnull, STDIN_FILENO);
    ::dup2(devnull, STDOUT_FILENO);
    ::dup2(devnull, STDERR_FILENO);
    std::string binary = kneeplan::test::kneeplan_binary();
    std::vector<std::string> copies = args;
    std::vector<char*> argv{binary.data()};
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

// Waits for a file whose name starts with `prefix` to be created in the
// directory watched by `watch`; false after 20 s without one.
bool created(int watch, const std::string& prefix) {
  alignas(inotify_event) char buffer[4096];
  pollfd ready{watch, POLLIN, 0};
  while (::poll(&ready, 1, 20'000) == 1) {
    const ssize_t got = ::read(watch, buffer, sizeof buffer);
    for (ssize_t at = 0; at < got;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      if (event->len > 0 && std::string(event->name).starts_with(prefix)) return true;
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
  return false;
}

}  // namespace

TEST_CASE("robustness: SIGTERM, SIGINT or SIGHUP during -o leaves no temporary file", "[cli][robust][signals]") {
  // A catalogue that makes a plan of many megabytes, so that writing it takes a while.
  const fs::path work = scratch_dir();
  json catalogue = shipped("catalogue.json");
  const json stretch = exercise(catalogue, "thigh-stretch");
  for (int i = 0; i < 60; ++i) {
    json copy = stretch;
    copy["id"] = "long-stretch-" + std::to_string(i);
    copy["cues"] = json::array({std::string(300, 'c')});
    catalogue["exercises"].push_back(copy);
  }
  const fs::path big = work / "big.json";
  write_file(big, catalogue.dump());

  for (const int signal : {SIGTERM, SIGINT, SIGHUP}) {
    INFO("signal " << signal);
    bool during_write = false;
    for (int attempt = 0; attempt < 20 && !during_write; ++attempt) {
      const fs::path dir = scratch_dir();
      const fs::path out = dir / "plan.json";
      const int watch = ::inotify_init1(IN_CLOEXEC);
      REQUIRE(watch >= 0);
      REQUIRE(::inotify_add_watch(watch, dir.c_str(), IN_CREATE) >= 0);
      const pid_t pid = start({"--catalogue", big.string(), "export", "--weeks", "52", "--start", kStart, "-o",
                               out.string()});
      const bool temp_made = created(watch, ".plan.json.");
      ::close(watch);
      ::kill(pid, signal);
      int status = 0;
      REQUIRE(::waitpid(pid, &status, 0) == pid);
      REQUIRE(temp_made);
      if (!WIFSIGNALED(status)) continue;  // finished before the signal came: try again
      CHECK(WTERMSIG(status) == signal);
      // Nothing but a complete plan may be there, and no temporary file.
      for (const auto& entry : fs::directory_iterator(dir)) {
        INFO("left: " << entry.path().filename().string());
        CHECK(entry.path() == out);
      }
      if (fs::exists(out)) {
        CHECK(json::parse(read_file(out))["format"] == "kneeplan.plan/2");
      } else {
        during_write = true;
      }
    }
    CHECK(during_write);
  }
}

// --- text from the input -------------------------------------------------------

TEST_CASE("robustness: control characters from the catalogue never reach a terminal raw", "[cli][robust][escape]") {
  const fs::path dir = scratch_dir();
  const std::string catalogue = hostile_catalogue(dir).string();
  const std::vector<std::vector<std::string>> commands{
      {"plan", "--start", kStart, "--weeks", "1"},
      {"plan", "--start", kStart, "--weeks", "1", "--equipment", "none"},  // the omissions name exercises
      {"exercises"},
      {"exercises", "show", "side-plank"},
      {"exercises", "show", "thigh-foam-roll"},
  };
  for (const auto& command : commands) {
    std::vector<std::string> args{"--catalogue", catalogue};
    args.insert(args.end(), command.begin(), command.end());
    for (const bool colour : {false, true}) {
      INFO(command[0] << " " << command.back() << (colour ? " in colour" : ""));
      const auto result = run_kneeplan(args, with_env({{"CLICOLOR_FORCE", colour ? "1" : "0"}}));
      INFO(result.err);
      REQUIRE(result.exit_code == 0);
      CHECK(raw_control(result.out, colour).empty());
      if (colour) CHECK(contains(result.out, "\x1b[1m"));  // control: colour is on
    }
  }
  // What was escaped still shows, visibly.
  const auto shown = run_kneeplan({"--catalogue", catalogue, "exercises", "show", "side-plank"});
  CHECK(contains(shown.out, "Plank\\u001b]0;pwned\\u0007\\u001b[2J\\r\\u0008X\\u0000 \\u009b31m \\u202edekcah"));
  // JSON carries the text exactly, escaped the JSON way.
  const auto exported = run_kneeplan({"--catalogue", catalogue, "export", "--start", kStart, "--weeks", "1"});
  REQUIRE(exported.exit_code == 0);
  CHECK(contains(exported.out, R"("name": "Plank\u001b]0;pwned\u0007\u001b[2J\r\bX\u0000)"));
}

TEST_CASE("robustness: Markdown escapes HTML and control characters from the input", "[cli][robust][escape]") {
  const fs::path dir = scratch_dir();
  const auto result = run_kneeplan(
      {"--catalogue", hostile_catalogue(dir).string(), "plan", "--format", "markdown", "--start", kStart, "--weeks", "1"});
  REQUIRE(result.exit_code == 0);
  CHECK(raw_control(result.out).empty());
  CHECK_FALSE(contains(result.out, "<script"));
  CHECK_FALSE(contains(result.out, "<img"));
  CHECK(contains(result.out, "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp; done"));

  // The safety rules a clinician supplies are escaped as well, in findings and in the rules table.
  json safety = shipped("safety.json");
  for (auto& rule : safety["rules"]) {
    if (rule["id"] == "not-a-diagnosis") rule["message"] = kHostile;
  }
  const fs::path rules = dir / "safety.json";
  write_file(rules, safety.dump());
  const auto table = run_kneeplan({"--safety", rules.string(), "check", "--list-rules"});
  REQUIRE(table.exit_code == 0);
  CHECK(raw_control(table.out).empty());
  CHECK_FALSE(contains(table.out, "<script"));
  const auto findings = run_kneeplan({"--safety", rules.string(), "check"}, with_env({{"CLICOLOR_FORCE", "1"}}));
  REQUIRE(findings.exit_code == 0);
  CHECK(raw_control(findings.out, true).empty());
  const auto plan = run_kneeplan({"--safety", rules.string(), "plan", "--format", "markdown", "--start", kStart});
  REQUIRE(plan.exit_code == 0);
  CHECK_FALSE(contains(plan.out, "<script"));
}

// --- messages --------------------------------------------------------------------

TEST_CASE("robustness: an unknown command is named, with the closest one", "[cli][robust][messages]") {
  const auto typo = run_kneeplan({"paln", "--age", "30"});
  CHECK(typo.exit_code == 2);
  CHECK(contains(typo.err, "kneeplan: unknown command 'paln'; did you mean 'plan'?"));
  const auto word = run_kneeplan({"frobnicate"});
  CHECK(word.exit_code == 2);
  CHECK(contains(word.err, "kneeplan: unknown command 'frobnicate'; the commands are plan, export, check"));
  const auto after_option = run_kneeplan({"--catalogue", "x.json", "exprot"});
  CHECK(contains(after_option.err, "unknown command 'exprot'; did you mean 'export'?"));
  const auto none = run_kneeplan({});
  CHECK(none.exit_code == 2);
  CHECK(contains(none.err, "subcommand is required"));
}

TEST_CASE("robustness: empty file names are usage errors", "[cli][robust][messages]") {
  const std::vector<std::vector<std::string>> calls{
      {"plan", "--profile", ""}, {"check", "--profile", ""}, {"--catalogue", "", "exercises"},
      {"--guidelines", "", "plan"}, {"--safety", "", "check"}, {"export", "-o", ""},
  };
  for (const auto& args : calls) {
    INFO(args[0] << " " << args[1]);
    const auto result = run_kneeplan(args);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "expected a file name, found \"\""));
  }
}

TEST_CASE("robustness: a file of unknown size, such as /proc/self/status, is read", "[cli][robust][messages]") {
  const auto result = run_kneeplan({"plan", "--profile", "/proc/self/status"});
  CHECK(result.exit_code == 1);
  CHECK_FALSE(contains(result.err, "empty"));
  CHECK(contains(result.err, "kneeplan: /proc/self/status:1:1: invalid JSON"));
}

TEST_CASE("robustness: echoed values are cut short, printable and valid UTF-8", "[cli][robust][messages]") {
  const std::string huge(100'000, 'x');
  const std::string invalid = "\xff\xfe\x1b[31m\xc0\xaf";
  const std::vector<std::vector<std::string>> calls{
      {"plan", "--level", huge},       {"plan", "--age", huge},          {"plan", "--start", huge},
      {"exercises", "show", huge},     {"plan", "--level", invalid},    {"plan", "--profile", "/nonexistent/" + invalid},
      {"validate", "/nonexistent/" + huge}, {huge},
  };
  for (const auto& args : calls) {
    INFO(kneeplan::printable(args.front()) << " " << kneeplan::printable(kneeplan::shortened(args.back(), 20)));
    const auto result = run_kneeplan(args);
    CHECK(result.exit_code != 0);
    CHECK(raw_control(result.err).empty());
    const bool names_a_file = args.front() == "validate";  // a file name is not cut: it says where to look
    if (!names_a_file) {
      for (const auto& line : lines_of(result.err)) CHECK(line.size() < 400);
    }
  }
  const auto level = run_kneeplan({"plan", "--level", huge});
  CHECK(contains(level.err, "found " + std::string(80, 'x') + "…"));
  CHECK(contains(run_kneeplan({"plan", "--level", invalid}).err, "found \\xff\\xfe\\u001b[31m\\xc0\\xaf"));
}

// --- plan limits -------------------------------------------------------------------

TEST_CASE("robustness: a plan past its limits is refused before it is built", "[cli][robust][limits]") {
  const fs::path dir = scratch_dir();
  const auto with_stretches = [&](std::size_t count, std::size_t cue_length) {
    json catalogue = shipped("catalogue.json");
    const json stretch = exercise(catalogue, "thigh-stretch");
    catalogue["exercises"] = json::array();
    for (std::size_t i = 0; i < count; ++i) {
      json copy = stretch;
      copy["id"] = "stretch-" + std::to_string(i);
      copy["cues"] = json::array({std::string(cue_length, 'c')});
      copy["alternatives"] = json::array();
      catalogue["exercises"].push_back(copy);
    }
    const fs::path file = dir / ("stretches-" + std::to_string(count) + "-" + std::to_string(cue_length) + ".json");
    write_file(file, catalogue.dump());
    return file.string();
  };
  const fs::path out = dir / "plan.json";
  const auto limit = std::to_string(kneeplan::kMaxItemsPerDay);

  const auto at_limit =
      run_kneeplan({"--catalogue", with_stretches(kneeplan::kMaxItemsPerDay, 10), "plan", "--start", kStart});
  INFO(at_limit.err);
  CHECK(at_limit.exit_code == 0);

  const auto past = run_kneeplan({"--catalogue", with_stretches(kneeplan::kMaxItemsPerDay + 1, 10), "export", "--start",
                                  kStart, "-o", out.string()});
  CHECK(past.exit_code == 1);
  CHECK(past.out.empty());
  CHECK(contains(past.err, "kneeplan: cannot build this plan: a training day would hold " +
                               std::to_string(kneeplan::kMaxItemsPerDay + 1) + " exercises, past the limit of " +
                               limit + " a day"));
  CHECK_FALSE(fs::exists(out));

  // 20 stretches with 20,000-character cues: fine for 4 weeks, too large for 52.
  const std::string wordy = with_stretches(20, 20'000);
  CHECK(run_kneeplan({"--catalogue", wordy, "export", "--start", kStart, "-o", out.string()}).exit_code == 0);
  const auto year = run_kneeplan({"--catalogue", wordy, "export", "--weeks", "52", "--start", kStart});
  CHECK(year.exit_code == 1);
  CHECK(year.out.empty());
  CHECK(contains(year.err, "kneeplan: cannot build this plan: the plan could take up to "));
  CHECK(contains(year.err, "MiB, past the limit of 32.0 MiB"));
  CHECK(contains(year.err, "plan fewer weeks"));
}
