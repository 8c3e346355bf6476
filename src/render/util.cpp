#include "render/util.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kneeplan/core/text.hpp"

namespace kneeplan::detail {

std::string range_text(Range range) {
  return range.min == range.max ? std::to_string(range.min) : fmt::format("{}-{}", range.min, range.max);
}

std::string dose_text(Category category, int sets, Range reps, Range hold_seconds, const std::vector<Pass>& passes) {
  const std::string prefix = sets > 1 ? fmt::format("{} x ", sets) : "";
  switch (category) {
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

std::string dose_text(const Exercise& e) {
  if (e.category == Category::strength) return range_text(e.reps) + " reps";
  return dose_text(e.category, 1, e.reps, e.hold_seconds, e.passes);
}

std::string dose_text(const Item& item) {
  return dose_text(item.category, item.sets, item.reps, item.hold_seconds, item.passes);
}

std::string rest_text(const Item& item) {
  return item.sets > 1 && item.rest_seconds > 0 ? fmt::format("{} s", item.rest_seconds) : "";
}

std::string sides_text(const std::vector<Side>& sides) {
  if (sides.size() == 2) return "each leg";
  if (sides.size() == 1 && sides.front() == Side::both) return "both legs";
  if (sides.size() == 1) return std::string(name_of(sides.front())) + " leg";
  return {};
}

std::string equipment_text(const std::vector<std::string>& equipment) {
  return equipment.empty() ? "none" : join(equipment);
}

std::string profile_summary(const Profile& p) {
  std::string knees = p.side == Side::both ? "both knees" : fmt::format("{} knee", name_of(p.side));
  std::string out = fmt::format("{}, {}, pain {}/10", name_of(p.level), knees, p.pain);
  if (p.age) out += fmt::format(", age {}", *p.age);
  if (p.weeks_done > 0) out += fmt::format(", {} week{} done", p.weeks_done, p.weeks_done == 1 ? "" : "s");
  return out;
}

std::string day_label(std::chrono::sys_days day) {
  const std::string weekday = capitalised(name_of(weekday_of(day))).substr(0, 3);
  return weekday + " " + format_date(day);
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

}  // namespace kneeplan::detail
