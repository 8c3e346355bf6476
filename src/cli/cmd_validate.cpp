// `kneeplan validate FILE...`: check data files and report every problem.
#include <fmt/format.h>

#include <memory>

#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/load.hpp"
#include "app.hpp"
#include "output.hpp"

namespace kneeplan::cli {

namespace {
int run_validate(const std::vector<std::string>& files) {
  int exit = kOk;
  std::string summary;
  for (const auto& file : files) {
    try {
      const std::string format = validate_document(read_input_file(file), file);
      summary += fmt::format("{}: valid {}\n", printable(file), format);
    } catch (const DataError& error) {
      report(error);
      exit = kBadData;
    }
  }
  write_output("-", summary);
  return exit;
}
}  // namespace

Command add_validate_command(CLI::App& app, const GlobalOptions& /*global*/) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand(
      "validate", "Check catalogue, profile, guideline and safety files; print every problem (exit 1 if any)");
  command->add_option("FILE", *files, "Files to check (their \"format\" member says what they are)")->required();
  command->footer("Example: kneeplan validate data/catalogue.json data/profiles/*.json");
  return {command, [files] { return run_validate(*files); }};
}

}  // namespace kneeplan::cli
