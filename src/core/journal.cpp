#include "kneeplan/core/journal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kneeplan/core/dates.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

using std::chrono::days;
using std::chrono::sys_days;

Measure measure_of(Category category) {
  switch (category) {
    case Category::strength:
      return Measure::reps;
    case Category::stretch:
      return Measure::hold_seconds;
    case Category::foam_roll:
      return Measure::passes;
    case Category::warm_up:
      // Logged in seconds, as a hold is: the journal has no measure of its own for minutes.
      return Measure::hold_seconds;
  }
  return Measure::reps;
}

std::optional<int> JournalEntry::worst_pain(Knee knee) const {
  std::optional<int> worst;
  for (const auto& at : pain) {
    if (const auto& score = at.of(knee); score && (!worst || *score > *worst)) worst = score;
  }
  return worst;
}

bool JournalEntry::has_content() const {
  const bool any_pain = std::any_of(pain.begin(), pain.end(), [](const KneePain& p) { return p.left || p.right; });
  return !done.empty() || !skipped.empty() || any_pain || !symptoms.empty() || !notes.empty();
}

void merge(JournalEntry& entry, const JournalEntry& addition) {
  auto drop = [&entry](const std::string& id) {
    std::erase_if(entry.done, [&](const ExerciseDone& d) { return d.exercise == id; });
    std::erase_if(entry.skipped, [&](const ExerciseSkipped& s) { return s.exercise == id; });
  };
  // Every exercise the addition names is replaced as a whole, whatever its sides.
  for (const auto& done : addition.done) drop(done.exercise);
  for (const auto& skipped : addition.skipped) drop(skipped.exercise);
  entry.done.insert(entry.done.end(), addition.done.begin(), addition.done.end());
  entry.skipped.insert(entry.skipped.end(), addition.skipped.begin(), addition.skipped.end());
  for (std::size_t moment = 0; moment < entry.pain.size(); ++moment) {
    for (const Knee knee : {Knee::left, Knee::right}) {
      if (const auto& score = addition.pain[moment].of(knee)) entry.pain[moment].of(knee) = score;
    }
  }
  for (const auto& symptom : addition.symptoms) {
    const bool open = std::any_of(entry.symptoms.begin(), entry.symptoms.end(), [&](const SymptomRecord& s) {
      return s.name == symptom.name && !s.gone;
    });
    if (!open) entry.symptoms.push_back(symptom);
  }
  entry.notes.insert(entry.notes.end(), addition.notes.begin(), addition.notes.end());
}

namespace {

// The catalogue's most for one set of `exercise`, in its measure.
int catalogue_top(const Exercise& exercise) {
  switch (exercise.category) {
    case Category::strength:
      return exercise.reps.max;
    case Category::stretch:
      return exercise.hold_seconds.max;
    case Category::foam_roll:
      return static_cast<int>(exercise.passes.size());
    case Category::warm_up:
      return exercise.minutes.max * 60;
  }
  return 0;
}

std::string_view unit_of(Measure measure) {
  switch (measure) {
    case Measure::reps:
      return "reps";
    case Measure::hold_seconds:
      return "seconds";
    case Measure::passes:
      return "passes";
  }
  return "";
}

std::string unknown_exercise(const std::string& id, const Catalogue& catalogue) {
  std::string message = fmt::format("unknown exercise \"{}\"", id);
  if (const auto near = closest_matches(id, catalogue.ids(), 1); !near.empty()) {
    message += fmt::format("; did you mean \"{}\"?", near.front());
  } else {
    message += "; `kneeplan exercises` lists them";
  }
  return message;
}

bool in_bounds(int value, Bounds bounds) { return value >= bounds.min && value <= bounds.max; }

}  // namespace

std::vector<EntryProblem> check_entry(const JournalEntry& entry, const Catalogue& catalogue, sys_days today) {
  std::vector<EntryProblem> problems;
  auto problem = [&](std::string field, std::string message) {
    problems.push_back({std::move(field), std::move(message)});
  };
  const std::string date = format_date(entry.date);
  if (entry.date < kJournalEpoch) {
    problem("date", fmt::format("{} is before {}; sessions are dated from then on", date, format_date(kJournalEpoch)));
  } else if (entry.date > today) {
    problem("date", fmt::format("{} is in the future (today is {})", date, format_date(today)));
  }

  for (std::size_t moment = 0; moment < entry.pain.size(); ++moment) {
    for (const Knee knee : {Knee::left, Knee::right}) {
      const auto& score = entry.pain[moment].of(knee);
      if (score && !in_bounds(*score, kPainBounds)) {
        problem(fmt::format("pain/{}/{}", name_of(static_cast<Moment>(moment)), name_of(knee)),
                fmt::format("pain is scored 0 to 10, found {}", *score));
      }
    }
  }
  const KneePain& next_day = entry.pain_at(Moment::next_day);
  if ((next_day.left || next_day.right) && entry.date >= today) {
    problem("pain/next_day", fmt::format("the morning after {} is {}, which has not come yet; record it then", date,
                                         format_date(entry.date + days{1})));
  }

  for (std::size_t i = 0; i < entry.done.size(); ++i) {
    const ExerciseDone& done = entry.done[i];
    const std::string at = fmt::format("done/{}", i);
    const Exercise* exercise = catalogue.find(done.exercise);
    if (!exercise) {
      problem(at + "/exercise", unknown_exercise(done.exercise, catalogue));
      continue;
    }
    if (done.rung.empty()) problem(at + "/rung", "expected the variant done, found an empty text");
    const bool bilateral = exercise->laterality == Laterality::bilateral;
    if (bilateral != (done.side == Side::both)) {
      problem(at + "/side", bilateral ? fmt::format("{} works both legs at once; its side is \"both\"", done.exercise)
                                      : fmt::format("{} is done on each side: left or right, not \"{}\"",
                                                    done.exercise, name_of(done.side)));
    }
    const Measure measure = measure_of(exercise->category);
    if (done.measure != measure) {
      problem(at, fmt::format("{} is counted in {}, not {}", done.exercise, name_of(measure), name_of(done.measure)));
    }
    if (!in_bounds(done.sets, kSetsDoneBounds)) {
      problem(at + "/sets", fmt::format("expected 1 to {} sets, found {}", kSetsDoneBounds.max, done.sets));
    }
    const int most = 2 * catalogue_top(*exercise);
    if (done.amount < 1 || done.amount > most) {
      problem(at + "/" + std::string(name_of(done.measure)),
              fmt::format("{} {} is outside 1 to {} (twice the catalogue's most for {}); check the number",
                          done.amount, unit_of(done.measure), most, done.exercise));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (entry.done[j].exercise == done.exercise && entry.done[j].side == done.side) {
        problem(at, fmt::format("{} ({}) is recorded twice; give each side once", done.exercise, name_of(done.side)));
        break;
      }
    }
  }
  for (std::size_t i = 0; i < entry.skipped.size(); ++i) {
    const ExerciseSkipped& skipped = entry.skipped[i];
    const std::string at = fmt::format("skipped/{}", i);
    if (!catalogue.find(skipped.exercise)) problem(at + "/exercise", unknown_exercise(skipped.exercise, catalogue));
    const bool done = std::any_of(entry.done.begin(), entry.done.end(),
                                  [&](const ExerciseDone& d) { return d.exercise == skipped.exercise; });
    const bool twice = std::any_of(entry.skipped.begin(), entry.skipped.begin() + static_cast<std::ptrdiff_t>(i),
                                   [&](const ExerciseSkipped& s) { return s.exercise == skipped.exercise; });
    if (done) problem(at, fmt::format("{} is both done and skipped; give one", skipped.exercise));
    if (twice) problem(at, fmt::format("{} is skipped twice", skipped.exercise));
  }
  for (std::size_t i = 0; i < entry.symptoms.size(); ++i) {
    const SymptomRecord& symptom = entry.symptoms[i];
    const std::string at = fmt::format("symptoms/{}", i);
    if (std::find(kSymptoms.begin(), kSymptoms.end(), symptom.name) == kSymptoms.end()) {
      std::vector<std::string> known(kSymptoms.begin(), kSymptoms.end());
      problem(at + "/name", fmt::format("unknown symptom \"{}\"; expected one of: {}", symptom.name, join(known)));
    }
    if (symptom.gone && (*symptom.gone < entry.date || *symptom.gone > today)) {
      problem(at + "/gone", fmt::format("expected a date from {} to {}, found {}", date, format_date(today),
                                        format_date(*symptom.gone)));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (entry.symptoms[j].name == symptom.name) {
        problem(at, fmt::format("{} is recorded twice on {}", symptom.name, date));
        break;
      }
    }
  }
  return problems;
}

std::vector<Side> default_sides(const Exercise& exercise, const Item* planned) {
  if (exercise.laterality == Laterality::bilateral) return {Side::both};
  if (planned && !planned->sides.empty()) return planned->sides;
  return {Side::left, Side::right};
}

std::vector<ExerciseDone> planned_records(const Exercise& exercise, const Item& planned) {
  int amount = 0;
  switch (exercise.category) {
    case Category::strength:
      amount = planned.reps.min;
      break;
    case Category::stretch:
      amount = planned.hold_seconds.min;
      break;
    case Category::foam_roll:
      amount = static_cast<int>(planned.passes.size());
      break;
    case Category::warm_up:
      amount = planned.minutes.min * 60;
      break;
  }
  std::vector<ExerciseDone> records;
  for (const Side side : default_sides(exercise, &planned)) {
    records.push_back({exercise.id, exercise.id, side, planned.sets, measure_of(exercise.category), amount});
  }
  return records;
}

namespace {

// A whole number of at most 5 digits.
std::optional<int> small_number(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

struct Dose {
  int sets = 1;
  int amount = 0;
};

// "SETSxN" or "N".
std::optional<Dose> parse_dose(std::string_view text) {
  const auto x = text.find_first_of("xX");
  if (x == std::string_view::npos) {
    const auto amount = small_number(text);
    if (!amount) return std::nullopt;
    return Dose{1, *amount};
  }
  const auto sets = small_number(text.substr(0, x));
  const auto amount = small_number(text.substr(x + 1));
  if (!sets || !amount) return std::nullopt;
  return Dose{*sets, *amount};
}

}  // namespace

DoneParse parse_done(const Exercise& exercise, std::string_view value, const Item* planned) {
  DoneParse out;
  const Measure measure = measure_of(exercise.category);
  const std::string unit(unit_of(measure));
  const std::string example = fmt::format("{}=2x{}", exercise.id, measure == Measure::reps ? "12" : "1");
  if (value.empty()) {
    if (!planned) {
      out.problem = fmt::format("{} is not in the plan for that day, so it has no planned dose; give what you did, "
                                "e.g. {} (sets x {})",
                                exercise.id, example, unit);
      return out;
    }
    out.records = planned_records(exercise, *planned);
    return out;
  }
  auto record = [&](Side side, Dose dose) {
    out.records.push_back({exercise.id, exercise.id, side, dose.sets, measure, dose.amount});
  };
  const auto bad_dose = [&](std::string_view text) {
    return fmt::format("expected SETSxN or N ({} per set), e.g. {}, found \"{}\"", unit, example, text);
  };
  if (value.find(':') == std::string_view::npos) {
    const auto dose = parse_dose(value);
    if (!dose) {
      out.problem = bad_dose(value);
      return out;
    }
    for (const Side side : default_sides(exercise, planned)) record(side, *dose);
    return out;
  }
  if (exercise.laterality == Laterality::bilateral) {
    out.problem = fmt::format("{} works both legs at once; give {} without sides", exercise.id, example);
    return out;
  }
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find(',', start);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view part = value.substr(start, end - start);
    const auto colon = part.find(':');
    const auto side = colon == std::string_view::npos ? std::nullopt : parse_name<Side>(part.substr(0, colon));
    if (!side || *side == Side::both) {
      out.problem = fmt::format("expected left:SETSxN or right:SETSxN, found \"{}\"", part);
      out.records.clear();
      return out;
    }
    const auto dose = parse_dose(part.substr(colon + 1));
    if (!dose) {
      out.problem = bad_dose(part.substr(colon + 1));
      out.records.clear();
      return out;
    }
    if (std::any_of(out.records.begin(), out.records.end(), [&](const ExerciseDone& d) { return d.side == *side; })) {
      out.problem = fmt::format("the {} side is given twice", name_of(*side));
      out.records.clear();
      return out;
    }
    record(*side, *dose);
    start = end + 1;
  }
  return out;
}

sys_days monday_of(sys_days day) { return day - days{static_cast<int>(weekday_of(day))}; }

std::vector<WeekSummary> summarise_weeks(const std::vector<JournalEntry>& entries, int training_days) {
  std::vector<const JournalEntry*> ordered;
  ordered.reserve(entries.size());
  for (const auto& entry : entries) ordered.push_back(&entry);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const JournalEntry* a, const JournalEntry* b) { return a->date > b->date; });
  std::vector<WeekSummary> weeks;
  for (const JournalEntry* entry : ordered) {
    const sys_days monday = monday_of(entry->date);
    if (weeks.empty() || weeks.back().monday != monday) {
      weeks.push_back({});
      weeks.back().monday = monday;
      weeks.back().sessions_planned = training_days;
    }
    WeekSummary& week = weeks.back();
    week.entries.push_back(entry);
    if (!entry->done.empty()) ++week.sessions_done;
    for (const Knee knee : {Knee::left, Knee::right}) {
      const auto worst = entry->worst_pain(knee);
      auto& so_far = week.worst.of(knee);
      if (worst && (!so_far || *worst > *so_far)) so_far = worst;
    }
  }
  return weeks;
}

const Item* find_planned(const Plan& plan, std::string_view exercise) {
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      for (const auto& item : day.items) {
        if (item.exercise == exercise) return &item;
      }
    }
  }
  return nullptr;
}

const Day* first_session(const Plan& plan) {
  for (const auto& week : plan.weeks) {
    for (const auto& day : week.days) {
      if (!day.rest && !day.items.empty()) return &day;
    }
  }
  return nullptr;
}

std::optional<KneePain> parse_knee_scores(std::string_view text) {
  auto score = [](std::string_view digits) -> std::optional<int> {
    const auto value = small_number(digits);
    if (!value || !in_bounds(*value, kPainBounds)) return std::nullopt;
    return value;
  };
  KneePain pain;
  if (text.find(':') == std::string_view::npos) {
    const auto both = score(text);
    if (!both) return std::nullopt;
    pain.left = pain.right = both;
    return pain;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = text.substr(start, end - start);
    const auto colon = part.find(':');
    const auto knee = colon == std::string_view::npos ? std::nullopt : parse_name<Knee>(part.substr(0, colon));
    const auto value = knee ? score(part.substr(colon + 1)) : std::nullopt;
    if (!value || pain.of(*knee)) return std::nullopt;
    pain.of(*knee) = value;
    start = end + 1;
  }
  return pain;
}

namespace {

// Oldest first, in place; a journal's reads already are, and a stable sort
// would copy every entry to a buffer even then.
void sort_by_date(std::vector<JournalEntry>& entries) {
  const auto earlier = [](const JournalEntry& a, const JournalEntry& b) { return a.date < b.date; };
  if (!std::is_sorted(entries.begin(), entries.end(), earlier)) std::stable_sort(entries.begin(), entries.end(), earlier);
}

}  // namespace

JournalHistory::JournalHistory(std::vector<JournalEntry> all) : entries(std::move(all)) {
  sort_by_date(entries);
  for (const auto& entry : entries) {
    if (!entry.done.empty()) sessions.push_back(entry.date);
  }
  if (!entries.empty()) first_day = entries.front().date;
}

JournalHistory::JournalHistory(std::vector<JournalEntry> recent, std::vector<std::chrono::sys_days> session_days,
                               std::optional<std::chrono::sys_days> first)
    : entries(std::move(recent)), sessions(std::move(session_days)), first_day(first) {
  sort_by_date(entries);
  if (!std::is_sorted(sessions.begin(), sessions.end())) std::sort(sessions.begin(), sessions.end());
}

}  // namespace kneeplan
