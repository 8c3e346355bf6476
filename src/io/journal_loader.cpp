#include "kneeplan/io/journal_loader.hpp"

#include <fmt/format.h>

#include <map>

#include "io/json_reader.hpp"
#include "kneeplan/core/dates.hpp"

namespace kneeplan {

namespace {

std::optional<std::chrono::sys_days> read_date(Reader& reader, const JsonValue& object, const std::string& at,
                                               std::string_view key, bool required) {
  const auto text = reader.string(object, at, key, required);
  if (!text) return std::nullopt;
  const auto date = parse_date(*text);
  if (!date) reader.error(child(at, key), fmt::format("expected a real calendar date as YYYY-MM-DD, found \"{}\"", *text));
  return date;
}

// Non-empty strings, repeats allowed (a note may well say the same twice).
std::vector<std::string> read_notes(Reader& reader, const JsonValue& entry, const std::string& at, bool& ok) {
  std::vector<std::string> notes;
  const JsonValue* list = reader.array(entry, at, "notes");
  if (!list) {
    ok = false;
    return notes;
  }
  for (std::size_t i = 0; i < list->elements().size(); ++i) {
    const JsonValue& note = list->elements()[i];
    if (!note.is_string() || note.as_string().empty()) {
      reader.error(child(child(at, "notes"), i), "expected a non-empty string, found " + describe(note));
      ok = false;
    } else {
      notes.emplace_back(note.as_string());
    }
  }
  return notes;
}

std::optional<JournalEntry> read_entry(Reader& reader, const JsonValue& value, const std::string& at) {
  if (!reader.object(value, at, {"date", "done", "skipped", "pain", "symptoms", "notes"})) return std::nullopt;
  JournalEntry entry;
  bool ok = true;
  if (const auto date = read_date(reader, value, at, "date", true)) {
    entry.date = *date;
  } else {
    ok = false;
  }

  if (const JsonValue* done = reader.array(value, at, "done")) {
    const std::string list_at = child(at, "done");
    for (std::size_t i = 0; i < done->elements().size(); ++i) {
      const JsonValue& item = done->elements()[i];
      const std::string here = child(list_at, i);
      if (!reader.object(item, here, {"exercise", "rung", "side", "sets", "reps", "hold_seconds", "passes"})) {
        ok = false;
        continue;
      }
      ExerciseDone record;
      const auto exercise = reader.string(item, here, "exercise");
      const auto rung = reader.string(item, here, "rung");
      const auto side = reader.choice<Side>(item, here, "side");
      const auto sets = reader.integer(item, here, "sets", kSetsDoneBounds);
      std::optional<int> amount;
      int measures = 0;
      for (const Measure measure : {Measure::reps, Measure::hold_seconds, Measure::passes}) {
        if (!item.find(name_of(measure))) continue;
        ++measures;
        record.measure = measure;
        amount = reader.integer(item, here, name_of(measure), kAmountBounds);
      }
      if (measures != 1) {
        reader.error(here, fmt::format("expected exactly one of \"reps\", \"hold_seconds\" or \"passes\", found {}",
                                       measures));
      }
      if (!exercise || !rung || !side || !sets || !amount || measures != 1) {
        ok = false;
        continue;
      }
      record.exercise = *exercise;
      record.rung = *rung;
      record.side = *side;
      record.sets = *sets;
      record.amount = *amount;
      entry.done.push_back(std::move(record));
    }
  } else {
    ok = false;
  }

  if (const JsonValue* skipped = reader.array(value, at, "skipped")) {
    const std::string list_at = child(at, "skipped");
    for (std::size_t i = 0; i < skipped->elements().size(); ++i) {
      const JsonValue& item = skipped->elements()[i];
      const std::string here = child(list_at, i);
      if (!reader.object(item, here, {"exercise", "reason"})) {
        ok = false;
        continue;
      }
      const auto exercise = reader.string(item, here, "exercise");
      const auto reason = reader.string(item, here, "reason", false);
      if (!exercise || (item.find("reason") && !reason)) {
        ok = false;
        continue;
      }
      entry.skipped.push_back({*exercise, reason.value_or("")});
    }
  } else {
    ok = false;
  }

  if (const JsonValue* pain = reader.member(value, at, "pain", true)) {
    const std::string pain_at = child(at, "pain");
    const auto& moments = EnumNames<Moment>::names;
    if (reader.object(*pain, pain_at, {moments[0], moments[1], moments[2], moments[3]})) {
      for (const auto& [key, scores] : pain->members()) {
        const auto moment = parse_name<Moment>(key);
        const std::string here = child(pain_at, key);
        if (!moment || !reader.object(scores, here, {"left", "right"})) {
          ok = false;
          continue;
        }
        if (scores.size() == 0) reader.error(here, "expected a score for \"left\" or \"right\", found an empty object");
        for (const Knee knee : {Knee::left, Knee::right}) {
          if (!scores.find(name_of(knee))) continue;
          const auto score = reader.integer(scores, here, name_of(knee), kPainBounds);
          if (!score) ok = false;
          entry.pain_at(*moment).of(knee) = score;
        }
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }

  if (const JsonValue* symptoms = reader.array(value, at, "symptoms")) {
    const std::string list_at = child(at, "symptoms");
    for (std::size_t i = 0; i < symptoms->elements().size(); ++i) {
      const JsonValue& item = symptoms->elements()[i];
      const std::string here = child(list_at, i);
      if (!reader.object(item, here, {"name", "gone"})) {
        ok = false;
        continue;
      }
      const auto name = reader.word(item, here, "name", kSymptoms);
      const auto gone = read_date(reader, item, here, "gone", false);
      if (!name || (item.find("gone") && !gone)) {
        ok = false;
        continue;
      }
      entry.symptoms.push_back({*name, gone});
    }
  } else {
    ok = false;
  }

  entry.notes = read_notes(reader, value, at, ok);
  if (!ok) return std::nullopt;
  return entry;
}

}  // namespace

std::vector<JournalEntry> parse_journal(std::string_view text, const std::string& file, const Catalogue& catalogue,
                                        std::chrono::sys_days today) {
  const JsonDocument document = parse_json(text, file);
  const JsonValue& root = document.root();
  Reader reader(file);
  std::vector<JournalEntry> entries;
  if (reader.object(root, "", {"format", "entries"})) {
    reader.format(root, kJournalFormat);
    if (const JsonValue* list = reader.array(root, "", "entries")) {
      std::map<std::chrono::sys_days, std::size_t> first_of_date;
      for (std::size_t i = 0; i < list->elements().size(); ++i) {
        const std::string at = child("/entries", i);
        auto entry = read_entry(reader, list->elements()[i], at);
        if (!entry) continue;
        for (const auto& problem : check_entry(*entry, catalogue, today)) {
          reader.error(problem.field.empty() ? at : at + "/" + problem.field, problem.message);
        }
        const auto [first, inserted] = first_of_date.emplace(entry->date, i);
        if (!inserted) {
          reader.error(at + "/date", fmt::format("{} has an entry already, at /entries/{}; merge the two",
                                                 format_date(entry->date), first->second));
        }
        entries.push_back(std::move(*entry));
      }
    }
  }
  reader.finish();
  return entries;
}

}  // namespace kneeplan
