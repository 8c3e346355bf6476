#include "io/json_reader.hpp"

#include <fmt/format.h>

#include <cmath>

#include "io/json_writer.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

std::string describe(const JsonValue& value) {
  constexpr std::size_t kLength = 40;
  switch (value.type()) {
    case JsonValue::Type::null:
      return "null";
    case JsonValue::Type::object:
      return "an object";
    case JsonValue::Type::array:
      return "an array";
    case JsonValue::Type::boolean:
      return value.as_boolean() ? "true" : "false";
    case JsonValue::Type::string: {
      std::string text;
      detail::JsonWriter(text).value(shortened(value.as_string(), kLength));
      return "the string " + text;
    }
    case JsonValue::Type::integer:
      return "the number " + std::to_string(value.as_integer());
    case JsonValue::Type::unsigned_integer:
      return "the number " + std::to_string(value.as_unsigned());
    case JsonValue::Type::floating:
      // As written: "18.0", "1e-400" and "17.99999999999999999" are not what a double makes of them.
      return "the number " + shortened(value.number_text(), kLength);
  }
  return "a value";
}

void Reader::error(const std::string& at, std::string message) {
  // Past the cap only count: a huge broken file must not cost unbounded memory or output.
  if (diagnostics_.size() < kMaxDiagnostics) {
    diagnostics_.push_back({file_, at, std::move(message)});
  } else {
    ++unreported_;
  }
}

void Reader::finish() const {
  if (diagnostics_.empty()) return;
  std::vector<Diagnostic> all = diagnostics_;
  if (unreported_ > 0) all.push_back({file_, "", fmt::format("{} more problems not shown; fix these first", unreported_)});
  throw DataError(std::move(all));
}

bool Reader::object(const JsonValue& value, const std::string& at, std::initializer_list<std::string_view> keys) {
  if (!value.is_object()) {
    error(at, "expected an object, found " + describe(value));
    return false;
  }
  const std::vector<std::string> known(keys.begin(), keys.end());
  for (const auto& member : value.members()) {
    const std::string_view key = member.key;  // a name of its own: lambdas cannot capture a structured binding in clang 14
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    report([&] { return child(at, key); },
           [&] {
             std::string message = fmt::format("unknown field \"{}\"", shortened(key));
             if (const auto near = closest_matches(key, known, 1); !near.empty()) {
               message += fmt::format("; did you mean \"{}\"?", near.front());
             } else {
               message += "; expected one of: " + join(known);
             }
             return message;
           });
  }
  return true;
}

void Reader::format(const JsonValue& root, std::string_view format) {
  const auto text = string(root, "", "format");
  if (text && *text != format) {
    error("/format", fmt::format("unsupported format \"{}\"; expected \"{}\"", shortened(*text), format));
  }
}

const JsonValue* Reader::member(const JsonValue& object, const std::string& at, std::string_view key, bool required) {
  if (const JsonValue* found = object.find(key)) return found;
  if (required) error(child(at, key), "missing required field");
  return nullptr;
}

std::optional<std::string> Reader::string(const JsonValue& object, const std::string& at, std::string_view key,
                                          bool required) {
  const JsonValue* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  if (!value->is_string() || value->as_string().empty()) {
    error(child(at, key), "expected a non-empty string, found " + describe(*value));
    return std::nullopt;
  }
  return std::string(value->as_string());
}

namespace {
std::string bounds_text(Bounds bounds) { return fmt::format("from {} to {}", bounds.min, bounds.max); }
}  // namespace

namespace {
// An integer within bounds, compared in its own type: every non-negative
// integer is unsigned, and it may not fit in int64.
bool within(const JsonValue& value, Bounds bounds) {
  if (value.type() == JsonValue::Type::unsigned_integer) {
    const auto n = value.as_unsigned();
    return (bounds.min <= 0 || n >= static_cast<std::uint64_t>(bounds.min)) && n <= static_cast<std::uint64_t>(bounds.max);
  }
  const auto n = value.as_integer();
  return n >= static_cast<std::int64_t>(bounds.min) && n <= static_cast<std::int64_t>(bounds.max);
}
}  // namespace

std::optional<int> Reader::integer(const JsonValue& object, const std::string& at, std::string_view key, Bounds bounds,
                                   bool required) {
  const JsonValue* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  if (!value->is_integer() || !within(*value, bounds)) {
    report([&] { return child(at, key); },
           [&] {
             std::string message = "expected a whole number " + bounds_text(bounds) + ", found " + describe(*value);
             // "18.0" is whole, but written as a fraction: say how to write it.
             const std::string_view text = value->number_text();
             if (const auto point = text.find('.');
                 point != std::string_view::npos && text.find_first_not_of('0', point + 1) == std::string_view::npos) {
               message += fmt::format("; write it as {}", text.substr(0, point));
             }
             return message;
           });
    return std::nullopt;
  }
  // Within bounds, so it fits an int whichever way it is stored.
  return static_cast<int>(value->as_integer());
}

std::optional<double> Reader::number(const JsonValue& object, const std::string& at, std::string_view key, Bounds bounds,
                                     bool required) {
  const JsonValue* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  const std::string expected = "expected a number " + bounds_text(bounds);
  if (!value->is_number()) {
    error(child(at, key), expected + ", found " + describe(*value));
    return std::nullopt;
  }
  const double number = value->as_double();
  if (!std::isfinite(number) || number < bounds.min || number > bounds.max) {
    error(child(at, key), expected + ", found " + describe(*value));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> Reader::boolean(const JsonValue& object, const std::string& at, std::string_view key, bool required) {
  const JsonValue* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    error(child(at, key), "expected true or false, found " + describe(*value));
    return std::nullopt;
  }
  return value->as_boolean();
}

std::optional<Range> Reader::range(const JsonValue& object, const std::string& at, std::string_view key, Bounds bounds,
                                   bool required) {
  const JsonValue* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  const std::string here = child(at, key);
  if (!this->object(*value, here, {"min", "max"})) return std::nullopt;
  const auto min = integer(*value, here, "min", bounds);
  const auto max = integer(*value, here, "max", bounds);
  if (!min || !max) return std::nullopt;
  if (*min > *max) {
    error(here, fmt::format("expected min <= max, found min {} and max {}", *min, *max));
    return std::nullopt;
  }
  return Range{*min, *max};
}

const JsonValue* Reader::array(const JsonValue& object, const std::string& at, std::string_view key, bool required,
                          bool non_empty) {
  const JsonValue* value = member(object, at, key, required);
  if (!value) return nullptr;
  if (!value->is_array()) {
    error(child(at, key), "expected an array, found " + describe(*value));
    return nullptr;
  }
  if (non_empty && value->size() == 0) {
    error(child(at, key), "expected at least one element, found an empty array");
    return nullptr;
  }
  return value;
}

std::string Reader::unknown_value(const std::string& text, std::span<const std::string_view> vocabulary) {
  const std::vector<std::string> words(vocabulary.begin(), vocabulary.end());
  std::string message = fmt::format("unknown value \"{}\"; expected one of: {}", shortened(text), join(words));
  if (const auto near = closest_matches(text, words, 1); !near.empty()) {
    message += fmt::format(" (did you mean \"{}\"?)", near.front());
  }
  return message;
}

std::optional<std::string> Reader::word(const JsonValue& object, const std::string& at, std::string_view key,
                                        std::span<const std::string_view> vocabulary, bool required) {
  auto text = string(object, at, key, required);
  if (text && !in_vocabulary(*text, [&] { return child(at, key); }, vocabulary)) return std::nullopt;
  return text;
}

std::optional<std::vector<std::string>> Reader::strings(const JsonValue& object, const std::string& at,
                                                        std::string_view key,
                                                        std::span<const std::string_view> vocabulary, bool required,
                                                        bool non_empty) {
  const JsonValue* list = array(object, at, key, required, non_empty);
  if (!list) return std::nullopt;
  // Pointers are built only for problems: a valid list costs no strings beyond its own.
  const auto at_element = [&](std::size_t i) { return child(child(at, key), i); };
  const auto elements = list->elements();
  const auto repeated = repeats(elements.size(), [&](std::size_t i) {
    return elements[i].is_string() ? elements[i].as_string() : std::string_view();
  });
  auto next_repeat = repeated.begin();
  std::vector<std::string> out;
  out.reserve(elements.size());
  bool ok = true;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    while (next_repeat != repeated.end() && next_repeat->index < i) ++next_repeat;
    const JsonValue& element = elements[i];
    if (!element.is_string() || element.as_string().empty()) {
      report([&] { return at_element(i); }, [&] { return "expected a non-empty string, found " + describe(element); });
      ok = false;
      continue;
    }
    std::string text(element.as_string());
    if (!in_vocabulary(text, [&] { return at_element(i); }, vocabulary)) {
      ok = false;
    } else if (next_repeat != repeated.end() && next_repeat->index == i) {
      report([&] { return at_element(i); }, [&] { return fmt::format("\"{}\" is listed twice", shortened(text)); });
      ok = false;
    }
    out.push_back(std::move(text));
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace kneeplan
