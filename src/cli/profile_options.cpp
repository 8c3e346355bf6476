#include "profile_options.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>

#include <fmt/format.h>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/text.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/io/load.hpp"
#include "locations.hpp"

namespace kneeplan::cli {

namespace {

enum class Kind { whole, decimal };

// A number as a person types it: decimal digits, with a fraction for
// Kind::decimal ("68.5"); leading zeros mean nothing ("020" is 20). CLI11
// would read "020" as octal and "0xaf" as hexadecimal, so nothing else passes.
std::optional<double> decimal_number(std::string_view text, Kind kind) {
  const std::size_t point = kind == Kind::decimal ? text.find('.') : std::string_view::npos;
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  const auto digits = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !digits(whole) || !digits(fraction) || (point != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number, std::chars_format::fixed);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

// Accepts a decimal number within `bounds` and hands it on to CLI11 in plain
// form ("020" becomes "20"); says the bounds as a person would write them.
CLI::Validator range_of(Bounds bounds, Kind kind = Kind::whole) {
  return CLI::Validator(
      [bounds, kind](std::string& value) {
        const auto number = decimal_number(value, kind);
        if (number && *number >= bounds.min && *number <= bounds.max) {
          value = fmt::format("{}", *number);
          return std::string();
        }
        return fmt::format("expected a {} from {} to {}, found {}", kind == Kind::whole ? "whole number" : "number",
                           bounds.min, bounds.max, shortened(value));
      },
      "");
}

template <class Enum>
void add_choice(CLI::App& command, const std::string& flag, std::optional<Enum>& target, const std::string& help) {
  const auto& names = EnumNames<Enum>::names;
  command
      .add_option_function<std::string>(
          flag, [&target](const std::string& value) { target = parse_name<Enum>(value); }, help)
      ->check(one_of(names))
      ->type_name(fmt::format("{}", fmt::join(names, "|")));
}

// Each word once, in the order given, leaving out `skip` (a repeated flag is
// still one fact about the person).
std::vector<std::string> distinct(const std::vector<std::string>& words, std::string_view skip = {}) {
  std::vector<std::string> out;
  for (const auto& word : words) {
    if (word != skip && std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
  }
  return out;
}

}  // namespace

CLI::Validator one_of_words(std::vector<std::string> accepted, Case letter_case) {
  const auto lower = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
  };
  return CLI::Validator(
      [accepted = std::move(accepted), letter_case, lower](std::string& value) {
        const std::string wanted = letter_case == Case::ignored ? lower(value) : value;
        if (std::find(accepted.begin(), accepted.end(), wanted) != accepted.end()) return std::string();
        std::string message = fmt::format("expected one of: {}; found {}", join(accepted), shortened(value));
        if (const auto near = closest_matches(wanted, accepted, 1); !near.empty()) {
          message += fmt::format(" (did you mean {}?)", near.front());
        }
        return message;
      },
      "");
}

CLI::Validator whole_number(Bounds bounds) { return range_of(bounds); }

CLI::Validator calendar_date() {
  return CLI::Validator(
      [](std::string& value) {
        return parse_date(value) ? std::string()
                                 : "expected a real calendar date as YYYY-MM-DD, found " + shortened(value);
      },
      "");
}

void add_date_option(CLI::App& command, std::string& date, const std::string& help) {
  command.add_option("--date", date, help)->check(calendar_date())->type_name("YYYY-MM-DD");
}

void add_maintenance_flag(CLI::App& command, bool& maintenance) {
  command.add_flag("--maintenance", maintenance,
                   "The lighter maintenance week, once the journal shows weeks without pain (see the coach rules)");
}

void ProfileOptions::add_file_to(CLI::App& command) {
  command.add_option("--profile", file, "Profile JSON file (kneeplan.profile/1; default: the one `init` saved)")
      ->check(non_empty_path())
      ->type_name("FILE");
  command.add_flag("--no-saved-profile", no_saved_profile, "Ignore the profile `kneeplan init` saved");
}

void ProfileOptions::add_to(CLI::App& command) {
  add_file_to(command);
  command.add_option("--age", overrides.age, "Age in years, 0-120 (default: unknown, treated as an adult)")->transform(range_of(kAgeBounds))->type_name("N");
  add_choice(command, "--level", overrides.level, "Training level (default: novice)");
  add_choice(command, "--side", overrides.side, "Affected knee (default: both)");
  command.add_option("--pain", overrides.pain, "Current knee pain, 0 (none) to 10 (worst)")
      ->transform(range_of(kPainBounds))
      ->type_name("0-10");
  add_choice(command, "--cause", overrides.cause, "What caused the knock knees (default: none)");
  command
      .add_option_function<std::vector<std::string>>(
          "--symptom", [this](const std::vector<std::string>& names) { overrides.symptoms = distinct(names); },
          "A symptom you have now (repeatable)")
      ->check(one_of(kSymptoms))
      ->type_name(fmt::format("{}", fmt::join(kSymptoms, "|")));
  command
      .add_option_function<std::vector<std::string>>(
          "--history", [this](const std::vector<std::string>& names) { overrides.history = distinct(names); },
          "Medical history (repeatable): knee-surgery or hip-surgery in the last 6 months, joint-replacement, "
          "osteoporosis")
      ->check(one_of(kHistory))
      ->type_name(fmt::format("{}", fmt::join(kHistory, "|")));
  command
      .add_option_function<std::vector<std::string>>(
          "--equipment",
          [this](const std::vector<std::string>& items) { overrides.equipment = distinct(items, "none"); },
          "Equipment you have (repeatable; `none` for none; default: all)")
      ->check(one_of(kEquipment, "none"))
      ->type_name(fmt::format("{}|none", fmt::join(kEquipment, "|")));
  command.add_option("--weeks-done", overrides.weeks_done, "Weeks of this routine already done, 0-520")
      ->transform(range_of(kWeeksDoneBounds))
      ->type_name("N");
  command.add_option("--height-cm", overrides.height_cm, "Height in centimetres, 40-250 (with weight: BMI)")
      ->transform(range_of(kHeightBounds, Kind::decimal))
      ->type_name("CM");
  command.add_option("--weight-kg", overrides.weight_kg, "Weight in kilograms, 2-400")
      ->transform(range_of(kWeightBounds, Kind::decimal))
      ->type_name("KG");
  command.add_option("--ankle-gap-cm", overrides.ankle_gap_cm, "Gap between the ankles with the knees together, 0-50 cm")
      ->transform(range_of(kAnkleGapBounds, Kind::decimal))
      ->type_name("CM");
  command.add_flag("--cleared", overrides.cleared_by_clinician, "A clinician has cleared you to exercise");
  command.add_option("--minutes", overrides.minutes_per_day, "Minutes you have on a training day; the plan fits them")
      ->check(range_of(kMinutesPerDayBounds))
      ->type_name("N");
}

Profile ProfileOptions::resolve(const JournalFacts* journal) const {
  Profile profile;
  if (!file.empty()) {
    const std::string text = read_input_file(file);
    profile = parse_profile(text, file);
  } else if (const auto saved = saved_profile_path(); saved && !no_saved_profile && std::filesystem::exists(*saved)) {
    try {
      profile = parse_profile(read_input_file(*saved), saved->string());
    } catch (const DataError& error) {
      auto diagnostics = error.diagnostics();
      diagnostics.push_back({saved->string(), "",
                             "this is the profile `kneeplan init` saved: run `kneeplan init` again, or add "
                             "--no-saved-profile to ignore it"});
      throw DataError(std::move(diagnostics));
    }
  }
  if (journal) apply_journal_facts(profile, *journal);
  apply_overrides(profile, overrides);
  return profile;
}

void PlanFlags::add_to(CLI::App& command) {
  command.add_option("--weeks", weeks, "Number of weeks to plan, 1 to 52")
      ->transform(range_of({1, kMaxWeeks}))
      ->capture_default_str()
      ->type_name("N");
  command.add_option("--start", start, "First day of the plan (default: today)")
      ->check(calendar_date())
      ->type_name("YYYY-MM-DD");
  add_rest_day_to(command);
}

void PlanFlags::add_rest_day_to(CLI::App& command) {
  command.add_option("--rest-day", rest_day, "Weekday to rest")
      ->check(one_of(EnumNames<Weekday>::names, {}, Case::ignored))
      ->capture_default_str()
      ->type_name(fmt::format("{}", fmt::join(EnumNames<Weekday>::names, "|")));
}

PlanOptions PlanFlags::resolve() const {
  PlanOptions options;
  options.weeks = weeks;
  options.start = start.empty() ? today() : *parse_date(start);
  // Dates are written as YYYY-MM-DD, so the plan must end by 9999-12-31.
  const std::chrono::year_month_day last{options.start + std::chrono::days{weeks * 7 - 1}};
  if (last.year() > std::chrono::year{9999}) {
    throw UsageError(fmt::format("--start: a {}-week plan from {} would end after 9999-12-31; choose an earlier date",
                                 weeks, format_date(options.start)));
  }
  // The flag's check ignores case but keeps what was typed ("Sunday").
  std::string day = rest_day;
  std::transform(day.begin(), day.end(), day.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto weekday = parse_name<Weekday>(day);
  if (!weekday) throw UsageError(fmt::format("--rest-day: expected a weekday name, found {}", shortened(rest_day)));
  options.rest_day = *weekday;
  return options;
}

Catalogue load_catalogue(const GlobalOptions& global) {
  const Source source = file_or_builtin(global.catalogue, "catalogue.json");
  return parse_catalogue(source.text, source.name);
}

Guidelines load_guidelines(const GlobalOptions& global) {
  const Source source = file_or_builtin(global.guidelines, "guidelines.json");
  return parse_guidelines(source.text, source.name);
}

SafetyRules load_safety(const GlobalOptions& global) {
  const Source source = file_or_builtin(global.safety, "safety.json");
  return parse_safety_rules(source.text, source.name);
}

}  // namespace kneeplan::cli
