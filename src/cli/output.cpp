#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "kneeplan/io/diagnostics.hpp"

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

}  // namespace

bool is_stdout(const std::string& path) { return path.empty() || path == "-"; }

void write_output(const std::string& path, std::string_view bytes, Readers readers) {
  if (is_stdout(path)) {
    std::fflush(stdout);
    if (!write_all(STDOUT_FILENO, bytes)) throw write_error("<stdout>", errno);
    return;
  }
  const std::filesystem::path target(path);
  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
  std::string temp = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw write_error(path, errno);

  // mkstemp makes the file private; give it the usual permissions unless it stays so.
  if (readers == Readers::usual) {
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
  if (::rename(temp.c_str(), path.c_str()) != 0) {
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

}  // namespace kneeplan::cli
