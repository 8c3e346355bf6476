#include "output.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/render/render.hpp"

namespace kneeplan::cli {

namespace {

DataError write_error(const std::string& where, int error) {
  std::string hint;
  if (error == ENOSPC) hint = "; free some disk space";
  if (error == EACCES || error == EROFS) hint = "; choose a writable place with -o";
  return DataError(where, "", fmt::format("cannot write: {}{}", std::strerror(error), hint));
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t done = ::write(fd, bytes.data(), bytes.size());
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(done));
  }
  return true;
}

// The temporary file being written, removed if a signal ends the program
// first. A fixed buffer, because the handler may only use what is
// async-signal-safe.
char pending_temp[PATH_MAX];
volatile sig_atomic_t temp_pending = 0;

constexpr int kCleanupSignals[] = {SIGTERM, SIGINT, SIGHUP};

extern "C" void remove_temp_and_exit(int signal) {
  if (temp_pending) ::unlink(pending_temp);
  // Die of the same signal, so that the caller sees what happened.
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// While alive (until release()), SIGTERM, SIGINT and SIGHUP wait: they
// arrive once the mask is restored.
class HeldSignals {
 public:
  HeldSignals() {
    sigset_t blocked;
    ::sigemptyset(&blocked);
    for (const int signal : kCleanupSignals) ::sigaddset(&blocked, signal);
    ::sigprocmask(SIG_BLOCK, &blocked, &old_);
  }
  void release() {
    if (held_) ::sigprocmask(SIG_SETMASK, &old_, nullptr);
    held_ = false;
  }
  ~HeldSignals() { release(); }
  HeldSignals(const HeldSignals&) = delete;
  HeldSignals& operator=(const HeldSignals&) = delete;

 private:
  sigset_t old_{};
  bool held_ = true;
};

// While alive, the temporary file `path` is removed on SIGTERM, SIGINT and
// SIGHUP. Create the file and the guard with the signals held, so that no
// signal falls between the two.
class TempFileGuard {
 public:
  explicit TempFileGuard(const std::string& path) {
    if (path.size() >= sizeof pending_temp) return;  // mkstemp would have failed first
    std::copy(path.begin(), path.end(), pending_temp);
    pending_temp[path.size()] = '\0';
    struct sigaction action {};
    action.sa_handler = remove_temp_and_exit;
    ::sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      ::sigaction(kCleanupSignals[i], &action, &previous_[i]);
    }
    temp_pending = 1;
  }
  // Renames the file to `target`, with the signals held off so that the
  // handler cannot remove a name that no longer is the temporary file's.
  int rename_to(const std::string& target) {
    HeldSignals held;
    const int result = ::rename(pending_temp, target.c_str());
    const int error = errno;
    if (result == 0) temp_pending = 0;
    held.release();
    errno = error;
    return result;
  }
  ~TempFileGuard() {
    temp_pending = 0;
    for (std::size_t i = 0; i < std::size(kCleanupSignals); ++i) ::sigaction(kCleanupSignals[i], &previous_[i], nullptr);
  }
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;

 private:
  struct sigaction previous_[std::size(kCleanupSignals)] {};
};

// Where writing to `path` lands: symbolic links followed, so that the file a
// link names is replaced and the link stays. A dangling link gives the path
// of the file it would create.
std::filesystem::path resolved(const std::filesystem::path& path) {
  std::filesystem::path current = path;
  for (int hops = 0; hops < 40; ++hops) {  // the kernel's own limit on links in a path
    struct stat info {};
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
    std::error_code error;
    const std::filesystem::path link = std::filesystem::read_symlink(current, error);
    if (error) return current;
    current = link.is_absolute() ? link : current.parent_path() / link;
  }
  return current;  // a loop: opening it reports ELOOP
}

// A name for the temporary file beside `target`: ".NAME.XXXXXX", with NAME
// cut short enough for the whole to stay within NAME_MAX.
std::string temp_name(const std::filesystem::path& target) {
  constexpr std::string_view kSuffix = ".XXXXXX";
  std::string name = target.filename().string();
  name.resize(std::min(name.size(), NAME_MAX - 1 - kSuffix.size()));
  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
  return (directory / ("." + name + std::string(kSuffix))).string();
}

// Writes straight into something that is not a regular file (a device, a
// FIFO, a socket, a terminal): it cannot be replaced, and must not be.
void write_in_place(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw write_error(path, errno);
  const bool written = write_all(fd, bytes);
  const int error = errno;
  if (::close(fd) != 0 && written && errno != EINTR) throw write_error(path, errno);
  if (!written) throw write_error(path, error);
}

}  // namespace

bool is_stdout(const std::string& path) { return path.empty() || path == "-"; }

void write_stderr(std::string_view text) noexcept {
  while (!text.empty()) {
    const ssize_t done = ::write(STDERR_FILENO, text.data(), text.size());
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return;  // closed or full: the exit code still tells
    text.remove_prefix(static_cast<std::size_t>(done));
  }
}

void write_output(const std::string& path, std::string_view bytes, Readers readers) {
  if (is_stdout(path)) {
    std::fflush(stdout);
    if (!write_all(STDOUT_FILENO, bytes)) throw write_error("<stdout>", errno);
    return;
  }
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) {
    throw DataError(path, "", "is a directory; give -o a file name");
  }
  // Through the path as given: /dev/stdout may lead to a pipe that has no name.
  if (exists && !S_ISREG(existing.st_mode)) return write_in_place(path, bytes);
  const std::filesystem::path target = resolved(path);

  std::string temp = temp_name(target);
  HeldSignals held;
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw write_error(path, errno);
  TempFileGuard guard(temp);
  held.release();

  if (exists) {
    // The new file takes the place of the old one: keep its owner (where
    // allowed) and its permissions, a private 0600 included.
    if (::fchown(fd, existing.st_uid, existing.st_gid) != 0 &&
        ::fchown(fd, static_cast<uid_t>(-1), existing.st_gid) != 0) {
      // Not allowed: the file is the writer's own, as any new file would be.
    }
    // A private file (health data) never becomes readable by others.
    const mode_t keep = readers == Readers::owner_only ? 0700 : 07777;
    ::fchmod(fd, existing.st_mode & keep);
  } else if (readers == Readers::usual) {
    // mkstemp makes the file private; give a new one the usual permissions.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }

  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const int error = errno;
  if (::close(fd) != 0 || !written) {
    ::unlink(temp.c_str());
    throw write_error(path, written ? errno : error);
  }
  if (guard.rename_to(target.string()) != 0) {
    const int rename_error = errno;
    ::unlink(temp.c_str());
    throw write_error(path, rename_error);
  }
}

bool colour_for(std::FILE* stream) {
  if (const char* no_colour = std::getenv("NO_COLOR"); no_colour && *no_colour) return false;
  if (const char* force = std::getenv("CLICOLOR_FORCE"); force && *force && std::strcmp(force, "0") != 0) return true;
  if (const char* term = std::getenv("TERM"); term && std::strcmp(term, "dumb") == 0) return false;
  return ::isatty(::fileno(stream)) != 0;
}

bool utf8_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (!value || !*value) continue;
    std::string locale(value);
    for (char& c : locale) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return locale.find("utf-8") != std::string::npos || locale.find("utf8") != std::string::npos;
  }
  return false;  // the C locale
}

std::string for_locale(std::string text) { return utf8_locale() ? std::move(text) : ascii_text(text); }

}  // namespace kneeplan::cli
