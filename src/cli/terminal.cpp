#include "terminal.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdlib>
#include <string>

#include "kneeplan/io/diagnostics.hpp"

namespace kneeplan::cli {

namespace {

// The settings to put back; read by the signal handler, so plain globals.
termios saved_settings{};
volatile std::sig_atomic_t settings_saved = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void restore_settings() {
  if (settings_saved) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_settings);
}

// Puts the terminal back, ends the status line, then dies of the signal as
// if it had not been caught. Only async-signal-safe calls.
extern "C" void on_signal(int number) {
  restore_settings();
  const char line_end[] = "\r\n";
  (void)!::write(STDOUT_FILENO, line_end, sizeof line_end - 1);
  std::signal(number, SIG_DFL);
  std::raise(number);
}

}  // namespace

RawTerminal::RawTerminal() {
  if (::tcgetattr(STDIN_FILENO, &saved_settings) != 0) {
    throw DataError("standard input", "", "cannot read the terminal's settings");
  }
  settings_saved = 1;
  for (const int number : kSignals) std::signal(number, on_signal);
  termios raw = saved_settings;
  // Keys arrive one by one and are not echoed; Ctrl-C still sends SIGINT.
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0) {
    restore_settings();
    throw DataError("standard input", "", "cannot switch the terminal to single keys");
  }
}

RawTerminal::~RawTerminal() {
  restore_settings();
  settings_saved = 0;
  for (const int number : kSignals) std::signal(number, SIG_DFL);
}

std::optional<char> RawTerminal::read_key(int timeout_ms) {
  pollfd input{STDIN_FILENO, POLLIN, 0};
  if (::poll(&input, 1, timeout_ms) <= 0) return std::nullopt;
  if ((input.revents & (POLLHUP | POLLERR)) != 0 && (input.revents & POLLIN) == 0) return 'q';
  char key = 0;
  const ssize_t got = ::read(STDIN_FILENO, &key, 1);
  if (got == 0) return 'q';
  if (got < 0) return std::nullopt;
  if (key == '\x1b') {
    // An arrow or function key: its escape sequence means nothing here.
    char rest[8];
    while (::poll(&input, 1, 10) > 0 && ::read(STDIN_FILENO, rest, sizeof rest) > 0) {
    }
    return std::nullopt;
  }
  return key;
}

bool on_terminal() { return ::isatty(STDIN_FILENO) != 0 && ::isatty(STDOUT_FILENO) != 0; }

int terminal_columns() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace kneeplan::cli
