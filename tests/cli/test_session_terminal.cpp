// `kneeplan session` in a real terminal (tmux), with a catalogue whose holds
// and rolling passes last 2 s (tests/data/session-catalogue.json), so the
// countdowns run for real in a few seconds. What it stored is read back with
// `kneeplan journal export`.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "run.hpp"
#include "tmux_terminal.hpp"

namespace fs = std::filesystem;
using kneeplan::test::have_tmux;
using kneeplan::test::kneeplan_binary;
using kneeplan::test::run_kneeplan;
using kneeplan::test::scratch_dir;
using kneeplan::test::source_dir;
using kneeplan::test::Terminal;
using nlohmann::json;

namespace {

constexpr const char* kDate = "2026-11-20";  // a Friday: a training day

std::string catalogue() { return (source_dir() / "tests/data/session-catalogue.json").string(); }

// The planned items of the day, as export gives them.
json planned_items() {
  const auto plan = run_kneeplan({"--catalogue", catalogue(), "export", "--start", kDate, "--weeks", "1"});
  REQUIRE(plan.exit_code == 0);
  return json::parse(plan.out)["weeks"][0]["days"][0]["items"];
}

std::string session_command(const fs::path& journal, const std::string& date = kDate) {
  return fmt::format("env -i PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm {} --catalogue {} --journal {} session "
                     "--date {} --quiet",
                     kneeplan_binary(), catalogue(), journal.string(), date);
}

json stored_entries(const fs::path& journal) {
  const auto exported = run_kneeplan({"--journal", journal.string(), "journal", "export"});
  REQUIRE(exported.exit_code == 0);
  return json::parse(exported.out)["entries"];
}

// The screen's last line that is not empty: the status line.
std::string status_line(std::string screen) {
  screen.erase(screen.find_last_not_of("\n ") + 1);
  const auto end = screen.rfind('\n');
  return end == std::string::npos ? screen : screen.substr(end + 1);
}

// Answers the session's status line with what `answer` returns for it (a
// tmux key name, or text then Enter when it starts with '='), once per
// change of the screen, until the command has exited.
template <typename Answer>
bool drive(const Terminal& terminal, Answer answer) {
  std::string answered;
  for (int i = 0; i < 900; ++i) {
    std::string screen = terminal.screen();
    if (screen.find("EXIT=") != std::string::npos) return true;
    screen.erase(screen.find_last_not_of("\n ") + 1);
    if (screen != answered) {
      const std::string key = answer(status_line(screen), screen);
      if (!key.empty()) {
        if (key.front() == '=') {
          terminal.type(key.substr(1));
        } else {
          terminal.press(key);
        }
        answered = screen;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The journal's records of `exercise`, by side.
std::vector<json> records_of(const json& entry, const std::string& exercise) {
  std::vector<json> found;
  for (const auto& done : entry["done"]) {
    if (done["exercise"] == exercise) found.push_back(done);
  }
  return found;
}

}  // namespace

TEST_CASE("session guides through the day and stores each item as planned or as answered",
          "[cli][session][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const json items = planned_items();
  REQUIRE(items.size() >= 3);
  // The first item is skipped; every set of the first strength item after it gets 11 reps.
  std::string typed_for;
  for (std::size_t i = 1; i < items.size() && typed_for.empty(); ++i) {
    if (items[i]["category"] == "strength") typed_for = items[i]["name"].get<std::string>();
  }
  const fs::path journal = scratch_dir() / "journal.db";
  Terminal terminal(session_command(journal));
  REQUIRE(terminal.started());
  bool skipped = false;
  bool saw_countdown = false;
  std::string item_now;
  const bool exited = drive(terminal, [&](const std::string& line, const std::string& screen) -> std::string {
    for (const auto& item : items) {
      const std::string name = item["name"];
      const auto at = screen.rfind(name + " (");
      if (at != std::string::npos && (item_now.empty() || at > screen.rfind(item_now + " ("))) item_now = name;
    }
    if (has(line, "Space: pause") && has(line, "0:0")) saw_countdown = true;
    if (!skipped && (has(line, "Reps done") || has(line, "Enter: start"))) {
      skipped = true;
      return "s";
    }
    if (has(line, "Reps done")) return item_now == typed_for ? "=11" : "Enter";
    if (has(line, "Enter: start")) return "Enter";
    if (has(line, "Rest before set")) return "Enter";
    if (has(line, "Worst knee pain during")) return "=3";
    if (has(line, "Knee pain now")) return "=left:1,right:0";
    return "";
  });
  const std::string screen = terminal.screen();
  INFO(screen);
  REQUIRE(exited);
  CHECK(has(screen, "EXIT=0"));
  CHECK(has(screen, "Session done"));
  CHECK(saw_countdown);

  const json entries = stored_entries(journal);
  REQUIRE(entries.size() == 1);
  const json& entry = entries[0];
  CHECK(entry["date"] == kDate);
  CHECK(entry["skipped"] == json::array({{{"exercise", items[0]["exercise"]}}}));
  for (std::size_t i = 1; i < items.size(); ++i) {
    const json& item = items[i];
    INFO(item.dump());
    const auto records = records_of(entry, item["exercise"]);
    REQUIRE(records.size() == item["sides"].size());
    for (const auto& record : records) {
      CHECK(record["sets"] == item["sets"]);
      if (item["category"] == "strength") {
        CHECK(record["reps"] == (item["name"] == typed_for ? json(11) : item["reps"]["min"]));
      } else if (item["category"] == "stretch") {
        CHECK(record["hold_seconds"] == item["hold_seconds"]["min"]);
      } else {
        CHECK(record["passes"] == item["passes"].size());
      }
    }
  }
  CHECK(entry["pain"] == json{{"during", {{"left", 3}, {"right", 3}}}, {"after", {{"left", 1}, {"right", 0}}}});
}

TEST_CASE("q in the middle keeps the items done, and the next run carries on after them",
          "[cli][session][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const json items = planned_items();
  REQUIRE(items.size() >= 2);
  const fs::path journal = scratch_dir() / "journal.db";
  {
    Terminal terminal(session_command(journal));
    REQUIRE(terminal.started());
    const bool exited = drive(terminal, [&](const std::string& line, const std::string& screen) -> std::string {
      if (has(screen, "done, stored in the journal")) return has(line, "Space: pause") ? "" : "q";
      if (has(line, "Reps done") || has(line, "Enter: start") || has(line, "Rest before set")) return "Enter";
      return "";
    });
    INFO(terminal.screen());
    REQUIRE(exited);
    CHECK(has(terminal.screen(), "EXIT=0"));
    CHECK(has(terminal.screen(), "Stopped. 1 item stored today"));
  }
  json entries = stored_entries(journal);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0]["done"].size() == items[0]["sides"].size());
  CHECK(records_of(entries[0], items[0]["exercise"]).size() == items[0]["sides"].size());
  CHECK(entries[0]["skipped"].empty());
  CHECK(entries[0]["pain"].empty());

  Terminal again(session_command(journal));
  REQUIRE(again.started());
  const std::string second = items[1]["name"];
  REQUIRE(again.wait_for(fmt::format("{} (2 of {})", second, items.size())));
  CHECK(has(again.screen(), fmt::format("Already in the journal today: {}.", items[0]["name"].get<std::string>())));
  again.press("q");
  REQUIRE(again.wait_for("EXIT=0"));
  CHECK(stored_entries(journal) == entries);
}

TEST_CASE("Ctrl-C keeps the items stored and gives the terminal back as it was", "[cli][session][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const json items = planned_items();
  const fs::path journal = scratch_dir() / "journal.db";
  // The shell around it ignores Ctrl-C, so it lives on to print the
  // session's exit status and the terminal's line editing and echo settings.
  Terminal terminal("trap '' INT; " + session_command(journal) +
                    "; echo SIGNAL=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | "
                    "tr '\\n' ' '; echo");
  REQUIRE(terminal.started());
  const bool exited = drive(terminal, [&](const std::string& line, const std::string& screen) -> std::string {
    if (has(screen, "done, stored in the journal")) return has(line, "Space: pause") ? "" : "C-c";
    if (has(line, "Reps done") || has(line, "Enter: start") || has(line, "Rest before set")) return "Enter";
    return "";
  });
  const std::string screen = terminal.screen();
  INFO(screen);
  REQUIRE(exited);
  CHECK(has(screen, "SIGNAL=130"));  // 128 + SIGINT: it died of the signal, as Ctrl-C asks
  CHECK(has(screen, "icanon echo"));
  const json entries = stored_entries(journal);
  REQUIRE(entries.size() == 1);
  CHECK(records_of(entries[0], items[0]["exercise"]).size() == items[0]["sides"].size());
}

TEST_CASE("session on the rest day says so and names the next session", "[cli][session][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const fs::path journal = scratch_dir() / "journal.db";
  Terminal terminal(session_command(journal, "2026-11-22"));  // a Sunday, the default rest day
  REQUIRE(terminal.started());
  REQUIRE(terminal.wait_for("EXIT="));
  const std::string screen = terminal.screen();
  INFO(screen);
  CHECK(has(screen, "rest day"));
  CHECK(has(screen, "Run `kneeplan session` on 2026-11-23"));
  CHECK(has(screen, "EXIT=0"));
  CHECK_FALSE(fs::exists(journal));
}

namespace {

// The bytes a session writes while its strength items are skipped and its
// first countdown runs out, then q; `environment` and `flags` vary the run.
std::string session_bytes(const std::string& environment, const std::string& flags) {
  const fs::path dir = scratch_dir();
  const fs::path journal = dir / "journal.db";
  const fs::path bytes = dir / "terminal.bytes";
  // The pause lets the recording start before the first byte.
  Terminal terminal(fmt::format("sleep 1; env -i PATH=/usr/bin:/bin TERM=xterm {} {} --catalogue {} --journal {} "
                                "session --date {} {}",
                                environment, kneeplan_binary(), catalogue(), journal.string(), kDate, flags));
  REQUIRE(terminal.started());
  REQUIRE(terminal.record(bytes.string()));
  // The day's strength items come first: skip them, leave out the pain
  // during them, then start the first stretch.
  std::size_t strength = 0;
  for (const auto& item : planned_items()) strength += item["category"] == "strength" ? 1U : 0U;
  std::size_t skipped = 0;
  std::optional<std::chrono::steady_clock::time_point> countdown_seen;
  const bool exited = drive(terminal, [&](const std::string& line, const std::string&) -> std::string {
    if (has(line, "Space: pause") && !countdown_seen) countdown_seen = std::chrono::steady_clock::now();
    if (countdown_seen) {
      // 2 s holds: well past the end of the first one, the bell has rung.
      return std::chrono::steady_clock::now() - *countdown_seen > std::chrono::seconds(3) ? "q" : "";
    }
    if ((has(line, "Enter: start") || has(line, "Reps done")) && skipped < strength) {
      ++skipped;
      return "s";
    }
    if (has(line, "Enter: start") || has(line, "Worst knee pain during")) return "Enter";
    return "";
  });
  INFO(terminal.screen());
  REQUIRE(exited);
  REQUIRE(countdown_seen);
  return kneeplan::test::read_file(bytes);
}

bool has_colour(const std::string& bytes) { return has(bytes, "\x1b[32m") || has(bytes, "\x1b[2m"); }

}  // namespace

TEST_CASE("session: a bell when a countdown ends, colour on a terminal, and a plain ASCII bar in the C locale",
          "[cli][session][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const std::string bytes = session_bytes("LANG=C", "");
  CHECK(has(bytes, "\a"));
  CHECK(has_colour(bytes));
  CHECK(has(bytes, "#####"));
  CHECK_FALSE(has(bytes, "\u2588"));
}

TEST_CASE("session: --quiet rings no bell, NO_COLOR paints nothing, and a UTF-8 locale gets block bars",
          "[cli][session][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const std::string bytes = session_bytes("LANG=C.UTF-8 NO_COLOR=1", "--quiet");
  CHECK_FALSE(has(bytes, "\a"));
  CHECK_FALSE(has_colour(bytes));
  CHECK(has(bytes, "\u2588"));
  CHECK_FALSE(has(bytes, "#####"));
}

TEST_CASE("session without a terminal is a usage error that points to log", "[cli][session]") {
  const fs::path journal = scratch_dir() / "journal.db";
  const auto result = run_kneeplan({"--journal", journal.string(), "session", "--date", kDate});
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "`kneeplan log`"));
  CHECK(result.out.empty());
  CHECK_FALSE(fs::exists(journal));
}
