#include "kneeplan/core/plan_limits.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kneeplan {

namespace {

// Room for what surrounds the texts: member names, numbers, indentation,
// table bars. A strength item is about 370 bytes of JSON besides its texts.
constexpr std::size_t kItemBytes = 512;
constexpr std::size_t kPassBytes = 128;
constexpr std::size_t kDayBytes = 256;
constexpr std::size_t kEntryBytes = 256;  // a warning or an omission
constexpr std::size_t kPlanBytes = 4096;
constexpr std::size_t kCardBytes = 2048;   // a card's headings and markup
constexpr std::size_t kPhaseBytes = 128;   // a card's dose for one week

std::size_t item_bytes(const Exercise& exercise) {
  std::size_t bytes = kItemBytes + output_bytes(exercise.id) + output_bytes(exercise.name);
  if (!exercise.cues.empty()) bytes += output_bytes(exercise.cues.front());
  // The words for the sides, with a side filled in, on every item.
  bytes += output_bytes(exercise.side_text.one) + output_bytes(exercise.side_text.each) +
           output_bytes(exercise.side_text.both);
  for (const auto& pass : exercise.passes) bytes += kPassBytes + output_bytes(pass.area);
  return bytes;
}

// An exercise described in full, once per plan: in the JSON export's
// exercises and on its card in Markdown and HTML.
std::size_t card_bytes(const Exercise& exercise, std::size_t weeks) {
  std::size_t bytes = kCardBytes + weeks * kPhaseBytes + output_bytes(exercise.id) + 2 * output_bytes(exercise.name) +
                      output_bytes(exercise.source) + output_bytes(exercise.harder);
  for (const auto* list : {&exercise.steps, &exercise.cues, &exercise.targets, &exercise.muscle_groups,
                           &exercise.equipment, &exercise.alternatives}) {
    for (const auto& text : *list) bytes += kPassBytes + 2 * output_bytes(text);
  }
  for (const auto& pass : exercise.passes) bytes += kPassBytes + output_bytes(pass.area);
  return bytes;
}

std::string megabytes(std::size_t bytes) { return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0)); }

}  // namespace

std::size_t output_bytes(std::string_view text) {
  std::size_t bytes = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '&' || c == '"') {
      bytes += 6;  // \u001b; &amp; &quot;
    } else if (c == '<' || c == '>') {
      bytes += 4;  // &lt;
    } else if (byte >= 0x80 || c == '\\' || c == '|') {
      bytes += 2;  // \\, \|; \u2028 for three bytes
    } else {
      bytes += 1;
    }
  }
  // Wrapping turns a space into a new line and an indent of up to 11 columns,
  // at most once per 69 columns.
  return bytes + bytes / 4;
}

PlanSize estimate_plan_size(const std::vector<const Exercise*>& chosen, const std::vector<char>& group,
                            const std::vector<const Exercise*>& described, std::string_view pattern,
                            const PlanOptions& options, const Plan& plan, std::string_view checkpoint_note) {
  // Items and bytes of a training day, by its pattern letter: the other
  // categories come every day, strength by its half.
  struct Load {
    std::size_t items = 0;
    std::size_t bytes = 0;
  };
  Load every_day;
  Load half_a;
  Load half_b;
  std::size_t s = 0;
  for (const Exercise* exercise : chosen) {
    Load& load = exercise->category != Category::strength ? every_day : group[s++] == 'A' ? half_a : half_b;
    ++load.items;
    load.bytes += item_bytes(*exercise);
  }
  const auto day_load = [&](char letter) {
    Load load = every_day;
    for (const Load* half : {letter == 'F' || letter == 'A' ? &half_a : nullptr,
                             letter == 'F' || letter == 'B' ? &half_b : nullptr}) {
      if (!half) continue;
      load.items += half->items;
      load.bytes += half->bytes;
    }
    return load;
  };

  PlanSize size;
  size.bytes = kPlanBytes + output_bytes(plan.progression) + output_bytes(checkpoint_note);
  for (const auto& finding : plan.warnings) {
    size.bytes += kEntryBytes + output_bytes(finding.id) + output_bytes(finding.message) + output_bytes(finding.source);
  }
  for (const auto& omission : plan.omitted) {
    size.bytes += kEntryBytes + output_bytes(omission.exercise) + output_bytes(omission.reason);
  }
  const auto days = static_cast<std::size_t>(std::max(options.weeks, 0)) * 7;
  for (const Exercise* exercise : described) size.bytes += card_bytes(*exercise, days / 7);
  size.bytes += days * kDayBytes;
  // Every week has one rest day; training day t follows letter t of the pattern, cyclically.
  const std::size_t training_days = days / 7 * 6;
  const std::string_view letters = pattern.empty() ? std::string_view("-") : pattern;
  for (std::size_t p = 0; p < letters.size() && p < training_days; ++p) {
    const Load load = day_load(letters[p]);
    const std::size_t count = (training_days - p + letters.size() - 1) / letters.size();
    size.most_items_per_day = std::max(size.most_items_per_day, load.items);
    size.bytes += count * load.bytes;
  }
  return size;
}

void check_plan_size(const PlanSize& size) {
  if (size.most_items_per_day > kMaxItemsPerDay) {
    throw PlanTooLarge(fmt::format(
        "a training day would hold {} exercises, past the limit of {} a day; use a catalogue with fewer routine "
        "exercises (mark the others \"role\": \"alternative\")",
        size.most_items_per_day, kMaxItemsPerDay));
  }
  if (size.bytes > kMaxPlanBytes) {
    throw PlanTooLarge(fmt::format(
        "the plan could take up to {}, past the limit of {}; plan fewer weeks, or use a catalogue with fewer "
        "exercises or shorter texts",
        megabytes(size.bytes), megabytes(kMaxPlanBytes)));
  }
}

}  // namespace kneeplan
