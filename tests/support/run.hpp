#pragma once
// Runs the built kneeplan binary and captures what it did.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kneeplan::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  std::map<std::string, std::string> env;  // added to a minimal environment
  std::optional<std::string> stdout_path;  // redirect stdout to this file instead of capturing it
  std::optional<std::string> stderr_path;  // redirect stderr to this file (or "" to close it) instead of capturing it
  std::string cwd;
  // When the tests run as root (who reads any file), run the child as
  // nobody (uid/gid 65534) so that file permissions apply to it.
  bool as_nobody = false;
};

// Runs `kneeplan ARGS...` with NO_COLOR unset and a fixed environment.
RunResult run_kneeplan(const std::vector<std::string>& args, const RunOptions& options = {});

// The built binary, for tests that start it themselves.
std::string kneeplan_binary();

// Paths of the source tree and a fresh scratch directory per call.
std::filesystem::path source_dir();
std::filesystem::path scratch_dir();
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

}  // namespace kneeplan::test
