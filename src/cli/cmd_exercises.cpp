// `kneeplan exercises [show ID]`: browse the catalogue.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "kneeplan/core/ladders.hpp"
#include "kneeplan/render/render.hpp"
#include "kneeplan/core/text.hpp"
#include "introspect.hpp"
#include "output.hpp"
#include "profile_options.hpp"

namespace kneeplan::cli {

namespace {
struct ExercisesRequest {
  std::string category;
  std::optional<std::vector<std::string>> equipment;  // when given: only exercises doable with these
  bool json = false;
  bool ladders = false;
  std::string id;  // for `show`
};

std::vector<const Exercise*> filtered(const Catalogue& catalogue, const ExercisesRequest& request) {
  std::vector<const Exercise*> out;
  for (const auto& e : catalogue.exercises) {
    if (!request.category.empty() && name_of(e.category) != request.category) continue;
    if (request.equipment) {
      const auto& have = *request.equipment;
      const bool doable = std::all_of(e.equipment.begin(), e.equipment.end(), [&](const std::string& item) {
        return std::find(have.begin(), have.end(), item) != have.end();
      });
      if (!doable) continue;
    }
    out.push_back(&e);
  }
  return out;
}

int run_list(const GlobalOptions& global, const ExercisesRequest& request) {
  const Catalogue catalogue = load_catalogue(global);
  if (request.ladders) {
    write_output("-", render_ladders_markdown(catalogue));
    return kOk;
  }
  const auto exercises = filtered(catalogue, request);
  write_output("-", request.json ? render_exercises_json(exercises)
                                 : for_locale(render_exercise_list(exercises, Style{colour_for(stdout)})));
  return kOk;
}

int run_show(const GlobalOptions& global, const ExercisesRequest& request) {
  const Catalogue catalogue = load_catalogue(global);
  const Exercise* exercise = catalogue.find(request.id);
  if (!exercise) {
    std::string message = fmt::format("no exercise with id \"{}\"", shortened(request.id));
    if (const auto near = closest_matches(request.id, catalogue.ids()); !near.empty()) {
      message += fmt::format(" (did you mean {}?)", join(near, " or "));
    }
    throw UsageError(message + ". Run `kneeplan exercises` to list them all.");
  }
  if (request.json) {
    write_output("-", render_exercise_json(*exercise));
  } else {
    const Ladder ladder = Ladders(catalogue).ladder_of(*exercise);
    write_output("-", for_locale(render_exercise(*exercise, Style{colour_for(stdout)}, &ladder)));
  }
  return kOk;
}
}  // namespace

Command add_exercises_command(CLI::App& app, const GlobalOptions& global) {
  auto request = std::make_shared<ExercisesRequest>();
  CLI::App* command = app.add_subcommand("exercises", "List the exercise catalogue, or show one exercise");
  command->add_option("--category", request->category, "Only this category")
      ->check(one_of(EnumNames<Category>::names))
      ->type_name(fmt::format("{}", fmt::join(EnumNames<Category>::names, "|")));
  command
      ->add_option_function<std::vector<std::string>>(
          "--equipment",
          [request](const std::vector<std::string>& items) {
            request->equipment = items;
          },
          "Only exercises doable with this equipment (repeatable; `none`: needing nothing)")
      ->check(one_of(kEquipment, "none"))
      ->type_name(fmt::format("{}|none", fmt::join(kEquipment, "|")));
  command->add_flag("--json", request->json, "Print JSON (the catalogue's own field names)");
  command->add_flag("--ladders", request->ladders, "Print each exercise's ladder of easier and harder versions (Markdown)")
      ->excludes("--json");
  command->footer(
      "Examples: kneeplan exercises --category stretch\n          kneeplan exercises show side-plank\n"
      "          kneeplan exercises --ladders");

  CLI::App* show = command->add_subcommand("show", "Show one exercise in full");
  show->add_option("ID", request->id, "Exercise id, as listed by `kneeplan exercises`")
      ->required()
      ->type_name(kExerciseType);
  show->add_flag("--json", request->json, "Print JSON");

  return {command, [request, show, &global] {
            return show->parsed() ? run_show(global, *request) : run_list(global, *request);
          }};
}

}  // namespace kneeplan::cli
