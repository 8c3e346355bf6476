#pragma once
// A real terminal for the binary, through tmux: a server of its own per
// Terminal, keys sent with send-keys, the screen read with capture-pane.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>

namespace kneeplan::test {

inline std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string output_of(const std::string& command) {
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
  // Appends everything the command writes from now on to `file`, as bytes:
  // escape codes and bells included, which the screen does not show.
  bool record(const std::string& file) const {
    return std::system(fmt::format("tmux -L {} pipe-pane -o {}", socket_, shell_quoted("cat >> " + shell_quoted(file)))
                           .c_str()) == 0;
  }
  std::string screen() const { return output_of(fmt::format("tmux -L {} capture-pane -p -S -200", socket_)); }
  // Keys as tmux names them ("Space", "Enter", "q"), without a line end.
  void press(const std::string& key) const {
    (void)std::system(fmt::format("tmux -L {} send-keys {}", socket_, shell_quoted(key)).c_str());
  }
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

inline bool have_tmux() { return std::system("command -v tmux >/dev/null 2>&1") == 0; }

}  // namespace kneeplan::test
