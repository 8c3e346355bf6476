// On a terminal: `log` with no options asks about the planned session, and
// `init` asks the profile questions. Driven through tmux, which gives the
// binary a real terminal.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "run.hpp"

namespace fs = std::filesystem;
using kneeplan::test::kneeplan_binary;
using kneeplan::test::read_file;
using kneeplan::test::run_kneeplan;
using kneeplan::test::scratch_dir;

namespace {

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string output_of(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, got);
    ::pclose(pipe);
  }
  return out;
}

// A tmux server of its own running one command in a terminal.
class Terminal {
 public:
  explicit Terminal(const std::string& command)
      : socket_(fmt::format("kneeplan-test-{}-{}", ::getpid(), counter_++)) {
    const std::string wrapped = command + "; echo EXIT=$?; sleep 30";
    ok_ = std::system(fmt::format("tmux -L {} new-session -d -x 120 -y 50 {} 2>/dev/null", socket_,
                                  shell_quoted(wrapped))
                          .c_str()) == 0;
  }
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;
  ~Terminal() { (void)std::system(fmt::format("tmux -L {} kill-server 2>/dev/null", socket_).c_str()); }

  bool started() const { return ok_; }
  std::string screen() const { return output_of(fmt::format("tmux -L {} capture-pane -p -S -200", socket_)); }
  void type(const std::string& line) const {
    (void)std::system(fmt::format("tmux -L {} send-keys -l {}", socket_, shell_quoted(line)).c_str());
    (void)std::system(fmt::format("tmux -L {} send-keys Enter", socket_).c_str());
  }
  // The next question: the screen's last line once it ends in "]:" or "]"
  // (a yes/no question) and comes below the `lines` seen before.
  std::optional<std::string> next_question(std::size_t& lines) const {
    for (int i = 0; i < 200; ++i) {
      std::string now = screen();
      now.erase(now.find_last_not_of('\n') + 1);
      const auto count = static_cast<std::size_t>(std::count(now.begin(), now.end(), '\n')) + 1;
      const std::string last = now.substr(now.rfind('\n') == std::string::npos ? 0 : now.rfind('\n') + 1);
      if (count > lines && (last.ends_with("]:") || last.ends_with("]"))) {
        lines = count;
        return last;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
  }

  // Waits up to 20 s for `text` on the screen after `after` characters.
  bool wait_for(const std::string& text, std::size_t after = 0) const {
    for (int i = 0; i < 200; ++i) {
      const std::string now = screen();
      if (now.size() > after && now.find(text, after) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

 private:
  static inline int counter_ = 0;
  std::string socket_;
  bool ok_ = false;
};

bool have_tmux() { return std::system("command -v tmux >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("log on a terminal asks item by item, and Enter takes the planned dose", "[cli][journal][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const fs::path journal = scratch_dir() / "journal.db";
  // The items of the planned session for that day, in order.
  const auto plan = run_kneeplan({"export", "--start", "2026-11-20", "--weeks", "1"});
  REQUIRE(plan.exit_code == 0);
  const auto items = nlohmann::json::parse(plan.out)["weeks"][0]["days"][0]["items"];
  REQUIRE(items.size() >= 2);

  Terminal terminal(fmt::format("env -i PATH=/usr/bin:/bin LANG=C.UTF-8 {} --journal {} log --date 2026-11-20",
                                kneeplan_binary(), journal.string()));
  REQUIRE(terminal.started());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string name = items[i]["name"];
    REQUIRE(terminal.wait_for(name + " (planned"));
    if (i == 0) {
      terminal.type("s");
      REQUIRE(terminal.wait_for("Why did you skip it?"));
      terminal.type("too tired");
    } else if (i == 1) {
      terminal.type("banana");  // not a dose: asked again
      REQUIRE(terminal.wait_for("expected SETSxN"));
      terminal.type("");
    } else {
      terminal.type("");
    }
  }
  REQUIRE(terminal.wait_for("Knee pain before the session"));
  terminal.type("3");
  REQUIRE(terminal.wait_for("Worst knee pain during it"));
  terminal.type("left:4,right:2");
  REQUIRE(terminal.wait_for("Knee pain after it"));
  terminal.type("");
  REQUIRE(terminal.wait_for("A note"));
  terminal.type("asked on a terminal");
  REQUIRE(terminal.wait_for("EXIT=0"));

  const auto exported = run_kneeplan({"--journal", journal.string(), "journal", "export"});
  REQUIRE(exported.exit_code == 0);
  const auto entry = nlohmann::json::parse(exported.out)["entries"][0];
  CHECK(entry["date"] == "2026-11-20");
  CHECK(entry["skipped"] == nlohmann::json::array({{{"exercise", items[0]["exercise"]}, {"reason", "too tired"}}}));
  // Every other item as planned: the plan's sets, and the least of its range.
  const auto& second = items[1];
  const auto done = entry["done"];
  REQUIRE_FALSE(done.empty());
  CHECK(done[0]["exercise"] == second["exercise"]);
  CHECK(done[0]["sets"] == second["sets"]);
  if (second.contains("reps")) CHECK(done[0]["reps"] == second["reps"]["min"]);
  CHECK(entry["pain"] == nlohmann::json{{"before", {{"left", 3}, {"right", 3}}},
                                        {"during", {{"left", 4}, {"right", 2}}}});
  CHECK(entry["notes"] == nlohmann::json{"asked on a terminal"});
}

TEST_CASE("init on a terminal asks each profile question, checked as its flag", "[cli][journal][init][terminal]") {
  if (!have_tmux()) {
    WARN("skipped: tmux is not installed (scripts/setup installs it)");
    return;
  }
  const fs::path config = scratch_dir() / "config";
  Terminal terminal(fmt::format("env -i PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_CONFIG_HOME={} {} init", config.string(),
                                kneeplan_binary()));
  REQUIRE(terminal.started());
  // Answer by what is asked, so a profile flag added later gets Enter.
  bool asked_age = false;
  bool retried = false;
  std::size_t lines = 0;
  for (int question = 0; question < 40; ++question) {
    const auto asked = terminal.next_question(lines);
    REQUIRE(asked);
    const std::string& last = *asked;
    if (last.find("Save this profile") != std::string::npos) {
      terminal.type("y");
      break;
    }
    if (last.find("Age in years") != std::string::npos) {
      // First outside 0-120: the flag's own check says so and asks again.
      terminal.type(retried ? "44" : "200");
      asked_age = retried;
      retried = true;
    } else if (last.find("Affected knee") != std::string::npos) {
      terminal.type("right");
    } else if (last.find("Equipment") != std::string::npos) {
      terminal.type("chair, mat");
    } else {
      terminal.type("");
    }
  }
  CHECK(terminal.screen().find("expected a whole number from 0 to 120") != std::string::npos);
  CHECK(asked_age);
  REQUIRE(terminal.wait_for("EXIT=0"));
  const auto saved = nlohmann::json::parse(read_file(config / "kneeplan" / "profile.json"));
  CHECK(saved["age"] == 44);
  CHECK(saved["side"] == "right");
  CHECK(saved["equipment"] == nlohmann::json{"chair", "mat"});
}
