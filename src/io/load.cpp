#include "kneeplan/io/load.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "kneeplan/io/diagnostics.hpp"

namespace kneeplan {

namespace {
// Closes the descriptor on every path out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};
}  // namespace

std::string read_input_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  auto fail = [&](std::string message) { return DataError(name, "", std::move(message)); };

  // O_NONBLOCK so that opening a FIFO with no writer does not hang; we refuse it below.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) {
    const int error = errno;
    if (error == ENOENT) throw fail("no such file; check the path");
    if (error == EACCES) throw fail("permission denied; make the file readable");
    throw fail(std::string("cannot open: ") + std::strerror(error));
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw fail(std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) throw fail("is a directory; expected a JSON file");
  if (!S_ISREG(info.st_mode)) throw fail("is not a regular file; expected a JSON file");
  const std::string limit = "the limit is " + std::to_string(kMaxInputBytes) + " bytes";
  if (static_cast<std::uintmax_t>(info.st_size) > kMaxInputBytes) {
    throw fail("file is " + std::to_string(info.st_size) + " bytes; " + limit);
  }

  // Read to the end rather than to the size stat gave: files under /proc say
  // they are empty, and a file may grow while it is read. One byte past the
  // limit shows that it is too large.
  std::string text(static_cast<std::size_t>(info.st_size) + 1, '\0');
  std::size_t filled = 0;
  for (;;) {
    if (filled == text.size()) text.resize(std::min<std::size_t>(std::max<std::size_t>(2 * filled, 4096), kMaxInputBytes + 1));
    const ssize_t got = ::read(file.fd, text.data() + filled, text.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw fail(std::string("cannot read: ") + std::strerror(errno));
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
    if (filled > kMaxInputBytes) throw fail("file is more than " + std::to_string(kMaxInputBytes) + " bytes; " + limit);
  }
  text.resize(filled);
  if (text.empty()) throw fail("file is empty; expected a JSON object");
  return text;
}

}  // namespace kneeplan

#include "io/json_reader.hpp"
#include "kneeplan/io/embedded.hpp"
#include "io/loaders.hpp"

namespace kneeplan {

Source file_or_builtin(const std::string& path, std::string_view builtin) {
  if (!path.empty()) return {read_input_file(path), path};
  const auto text = embedded(builtin);
  if (!text) throw DataError(std::string(builtin), "", "no such built-in data file");
  return {std::string(*text), "built-in " + std::string(builtin)};
}

std::string validate_document(std::string_view text, const std::string& file) {
  const JsonDocument document = parse_json(text, file);
  const JsonValue& root = document.root();
  if (!root.is_object()) throw DataError(file, "", "expected an object, found " + describe(root));
  const JsonValue* format = root.find("format");
  const std::string name = format && format->is_string() ? std::string(format->as_string()) : "";
  if (name == kCatalogueFormat) {
    read_catalogue(root, file);
  } else if (name == kProfileFormat) {
    read_profile(root, file);
  } else if (name == kGuidelinesFormat) {
    read_guidelines(root, file);
  } else if (name == kSafetyFormat) {
    read_safety_rules(root, file);
  } else {
    throw DataError(file, "/format",
                    fmt::format("expected a \"format\" of \"{}\", \"{}\", \"{}\" or \"{}\", found {}", kCatalogueFormat,
                                kProfileFormat, kGuidelinesFormat, kSafetyFormat,
                                format ? describe(*format) : "none"));
  }
  return name;
}

}  // namespace kneeplan
