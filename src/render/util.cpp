#include "render/util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>

#include "kneeplan/core/text.hpp"

namespace kneeplan::detail {

std::string range_text(Range range) {
  return range.min == range.max ? std::to_string(range.min) : fmt::format("{}-{}", range.min, range.max);
}

std::string dose_text(Category category, int sets, Range reps, Range hold_seconds, const std::vector<Pass>& passes,
                      Range minutes) {
  const std::string prefix = sets > 1 ? fmt::format("{} x ", sets) : "";
  switch (category) {
    case Category::warm_up:
      return fmt::format("{} min", range_text(minutes));
    case Category::strength:
      return fmt::format("{} x {} reps", sets, range_text(reps));
    case Category::stretch:
      return fmt::format("{}hold {} s", prefix, range_text(hold_seconds));
    case Category::foam_roll: {
      const bool even = std::all_of(passes.begin(), passes.end(),
                                    [&](const Pass& p) { return p.seconds == passes.front().seconds; });
      if (even && !passes.empty()) {
        return fmt::format("{}{} line{} x {} s", prefix, passes.size(), passes.size() == 1 ? "" : "s",
                           passes.front().seconds);
      }
      std::int64_t total = 0;  // hundreds of thousands of passes of up to an hour
      for (const auto& pass : passes) total += pass.seconds;
      return fmt::format("{}{} lines, {} s", prefix, passes.size(), total);
    }
  }
  return {};
}

void ItemColumns::fit(const Item& item) {
  name = std::max(name, std::min<std::size_t>(item.name.size(), 30));
  dose = std::max(dose, std::min<std::size_t>(dose_text(item).size(), 18));
}

std::string dose_text(const Exercise& e) {
  if (e.category == Category::strength) return range_text(e.reps) + " reps";
  return dose_text(e.category, 1, e.reps, e.hold_seconds, e.passes, e.minutes);
}

std::string dose_text(const Item& item) {
  return dose_text(item.category, item.sets, item.reps, item.hold_seconds, item.passes, item.minutes);
}

std::string rest_text(const Item& item) {
  return item.sets > 1 && item.rest_seconds > 0 ? fmt::format("{} s", item.rest_seconds) : "";
}

std::string equipment_text(const std::vector<std::string>& equipment) {
  return equipment.empty() ? "none" : join(equipment);
}

std::string needs_text(const std::vector<std::string>& equipment) {
  if (equipment.empty()) return "needs nothing";
  std::vector<std::string> things;
  for (std::string item : equipment) {
    std::replace(item.begin(), item.end(), '-', ' ');
    things.push_back("a " + item);
  }
  const std::string last = things.back();
  things.pop_back();
  return "needs " + (things.empty() ? last : join(things) + " and " + last);
}

std::string profile_summary(const Profile& p) {
  std::string knees = p.side == Side::both ? "both knees" : fmt::format("{} knee", name_of(p.side));
  std::string out = fmt::format("{}, {}, pain {}/10", name_of(p.level), knees, p.pain);
  if (p.age) out += fmt::format(", age {}", *p.age);
  if (p.weeks_done > 0) out += fmt::format(", {} week{} done", p.weeks_done, p.weeks_done == 1 ? "" : "s");
  return out;
}

std::string day_label(std::chrono::sys_days day) { return weekday_short(day) + " " + format_date(day); }

std::string weekday_short(std::chrono::sys_days day) { return capitalised(name_of(weekday_of(day))).substr(0, 3); }

std::string count_text(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

std::string session_letter(const Day& day) {
  if (day.rest) return "";
  if (day.items.empty()) return "-";
  const bool strength = std::any_of(day.items.begin(), day.items.end(),
                                    [](const Item& item) { return item.category == Category::strength; });
  return strength ? "S" : "F";
}

namespace {

// What a day asks for, item by item: days with the same key are the same session.
std::string session_key(const Day& day) {
  std::string key;
  for (const auto& item : day.items) key += item.exercise + '|' + dose_text(item) + '|' + item.sides_text + '\n';
  return key;
}

// One exercise (or ladder) across a week: the ways it is dosed and on how many days.
struct Appearance {
  std::string exercise;
  std::string name;
  bool strength = false;
  std::set<std::string> forms;  // "1 x 8-12 reps, each leg"
  std::set<int> sets;
  std::string next_rung;
  int days = 0;
};

std::vector<std::pair<std::string, Appearance>> appearances(const Week& week) {
  std::vector<std::pair<std::string, Appearance>> out;
  for (const auto& day : week.days) {
    for (const auto& item : day.items) {
      const std::string key = item.ladder.empty() ? item.exercise : item.ladder;
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& entry) { return entry.first == key; });
      if (it == out.end()) {
        out.push_back({key, {item.exercise, item.name, item.category == Category::strength, {}, {}, {}, 0}});
        it = std::prev(out.end());
      }
      Appearance& a = it->second;
      a.forms.insert(dose_text(item) + ", " + item.sides_text);
      a.sets.insert(item.sets);
      if (!item.next_rung.empty()) a.next_rung = item.next_rung;
      ++a.days;
    }
  }
  return out;
}

std::string forms_text(const std::set<std::string>& forms) {
  return join(std::vector<std::string>(forms.begin(), forms.end()), "; ");
}

}  // namespace

std::vector<Session> sessions(const Week& week) {
  std::vector<Session> out;
  std::vector<std::string> keys;
  for (const auto& day : week.days) {
    if (day.rest) continue;
    const std::string key = session_key(day);
    const auto found = std::find(keys.begin(), keys.end(), key);
    if (found == keys.end()) {
      keys.push_back(key);
      out.push_back({{&day}, session_letter(day) == "S"});
    } else {
      out[static_cast<std::size_t>(found - keys.begin())].days.push_back(&day);
    }
  }
  return out;
}

std::string exercise_name(const Plan& plan, std::string_view id) {
  const PlanExercise* entry = plan.exercise(id);
  return entry ? entry->exercise.name : std::string(id);
}

WeekChanges week_changes(const Plan& plan, std::size_t index) {
  WeekChanges out;
  const auto now = appearances(plan.weeks.at(index));
  const auto before = index > 0 ? appearances(plan.weeks[index - 1]) : decltype(now){};
  const auto find = [](const auto& list, const std::string& key) -> const Appearance* {
    const auto it = std::find_if(list.begin(), list.end(), [&](const auto& entry) { return entry.first == key; });
    return it == list.end() ? nullptr : &it->second;
  };
  // The common case first: every strength exercise moves from one set count to another.
  std::optional<std::pair<int, int>> sets_change;
  bool all_strength_same = true;
  int strength_keys = 0;
  for (const auto& [key, a] : now) {
    if (!a.strength) continue;
    ++strength_keys;
    const Appearance* b = find(before, key);
    const bool only_sets = b && b->exercise == a.exercise && a.sets.size() == 1 && b->sets.size() == 1 &&
                           *a.sets.begin() != *b->sets.begin() && a.days == b->days;
    const std::pair<int, int> change{b && !b->sets.empty() ? *b->sets.begin() : 0, *a.sets.begin()};
    if (!only_sets || (sets_change && *sets_change != change)) {
      all_strength_same = false;
    } else {
      sets_change = change;
    }
  }
  const bool collapse = sets_change && all_strength_same && strength_keys > 0;
  if (collapse) {
    std::string line = fmt::format("Strength: {} of each exercise (was {})",
                                   count_text(static_cast<std::size_t>(sets_change->second), "set"), sets_change->first);
    if (sets_change->second == plan.top_sets) line += ", the most for your level";
    if (sets_change->first == 1) {
      for (const auto& day : plan.weeks[index].days) {
        const auto item = std::find_if(day.items.begin(), day.items.end(),
                                       [](const Item& i) { return i.category == Category::strength; });
        if (item == day.items.end() || rest_text(*item).empty()) continue;
        line += ", " + rest_text(*item) + " rest between sets";
        break;
      }
    }
    out.lines.push_back(line + ".");
  }
  for (const auto& [key, a] : now) {
    const Appearance* b = find(before, key);
    if (!(collapse && a.strength)) {
      if (!b) {
        out.lines.push_back(fmt::format("{}: new, {}.", a.name, forms_text(a.forms)));
      } else if (b->exercise != a.exercise) {
        out.lines.push_back(fmt::format("{} moves up to {}: {}.", b->name, a.name, forms_text(a.forms)));
      } else if (a.forms != b->forms) {
        out.lines.push_back(fmt::format("{}: {} (was {}).", a.name, forms_text(a.forms), forms_text(b->forms)));
      } else if (a.days != b->days) {
        out.lines.push_back(fmt::format("{}: on {} (was {}).", a.name, count_text(static_cast<std::size_t>(a.days), "day"), b->days));
      }
    }
    if (!a.next_rung.empty() && (!b || b->next_rung != a.next_rung)) {
      out.move_to.emplace_back(a.name, exercise_name(plan, a.next_rung));
    }
  }
  for (const auto& [key, b] : before) {
    if (!find(now, key)) out.lines.push_back(fmt::format("{}: no longer in the plan.", b.name));
  }
  for (const auto& day : plan.weeks[index].days) {
    for (const auto& note : day.notes) out.lines.push_back(fmt::format("{}: {}", day_label(day.date), note));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> next_rungs(const Plan& plan) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& choice : plan.rungs) {
    out.emplace_back(exercise_name(plan, choice.exercise), choice.next.empty() ? "" : exercise_name(plan, choice.next));
  }
  return out;
}

bool any_open(const std::vector<std::pair<std::string, std::string>>& pairs) {
  return std::any_of(pairs.begin(), pairs.end(), [](const auto& pair) { return !pair.second.empty(); });
}

std::vector<std::string> budget_lines(const Plan& plan) {
  std::vector<std::string> out;
  if (!plan.budget) return out;
  int training = 0;
  int strength = 0;
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      training += day.rest ? 0 : 1;
      strength += session_letter(day) == "S" ? 1 : 0;
    }
  }
  for (const auto& change : plan.budget->changes) {
    std::string when = change.days == training ? "every training day"
                       : change.days == strength ? "every strength day"
                                                 : "on " + count_text(static_cast<std::size_t>(change.days), "training day");
    if (when.starts_with("every")) when = "on " + when;
    out.push_back(fmt::format("{}: {} {}.", change.name, change.change, when));
  }
  return out;
}

std::string capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  for (auto& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out;
  std::size_t column = indent;  // the caller has already written the first line's indent
  bool line_empty = true;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!line_empty && column + 1 + word.size() > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    line_empty = false;
  }
  return out;
}

std::string paint(std::string_view text, Tone tone, const Style& style) {
  if (!style.colour) return std::string(text);
  const char* code = "";
  switch (tone) {
    case Tone::heading:
      code = "\x1b[1m";
      break;
    case Tone::dim:
      code = "\x1b[2m";
      break;
    case Tone::info:
      code = "\x1b[36m";
      break;
    case Tone::caution:
      code = "\x1b[33m";
      break;
    case Tone::alert:
      code = "\x1b[1;31m";
      break;
  }
  return fmt::format("{}{}\x1b[0m", code, text);
}

Tone tone_of(Severity severity) {
  switch (severity) {
    case Severity::info:
      return Tone::info;
    case Severity::caution:
      return Tone::caution;
    case Severity::refer:
    case Severity::urgent:
      return Tone::alert;
  }
  return Tone::info;
}

Plan printable_copy(Plan plan) {
  const auto fix = [](std::string& text) { text = printable(text); };
  const auto fix_all = [&](std::vector<std::string>& texts) {
    for (auto& text : texts) fix(text);
  };
  fix_all(plan.profile.symptoms);
  fix_all(plan.profile.history);
  if (plan.profile.equipment) fix_all(*plan.profile.equipment);
  for (auto& finding : plan.warnings) {
    fix(finding.id);
    fix(finding.message);
    fix(finding.source);
  }
  for (auto& omission : plan.omitted) {
    fix(omission.exercise);
    fix(omission.reason);
  }
  for (auto& choice : plan.rungs) {
    for (auto* text : {&choice.ladder, &choice.exercise, &choice.next, &choice.why, &choice.source}) fix(*text);
  }
  fix(plan.progression);
  fix(plan.move_up);
  if (plan.budget) {
    for (auto& change : plan.budget->changes) {
      fix(change.exercise);
      fix(change.name);
      fix(change.change);
    }
  }
  for (auto& shown : plan.exercises) {
    Exercise& e = shown.exercise;
    for (auto* text : {&e.id, &e.name, &e.side_text.one, &e.side_text.each, &e.side_text.both, &e.harder, &e.source,
                       &shown.easier, &shown.harder}) {
      fix(*text);
    }
    for (auto* texts : {&e.targets, &e.muscle_groups, &e.equipment, &e.steps, &e.cues, &e.alternatives}) fix_all(*texts);
    for (auto& pass : e.passes) fix(pass.area);
  }
  for (auto& week : plan.weeks) {
    for (auto& day : week.days) {
      fix_all(day.notes);
      for (auto& item : day.items) {
        for (auto* text : {&item.exercise, &item.name, &item.sides_text, &item.ladder, &item.next_rung}) fix(*text);
        for (auto& pass : item.passes) fix(pass.area);
      }
      for (auto& trim : day.trims) {
        fix(trim.exercise);
        fix(trim.change);
      }
    }
  }
  for (auto& decision : plan.decisions) {
    fix(decision.text);
    fix(decision.source);
  }
  if (plan.checkpoint) {
    fix(plan.checkpoint->note);
    fix(plan.checkpoint->source);
  }
  return plan;
}

}  // namespace kneeplan::detail
