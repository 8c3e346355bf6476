#include "json_reader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <unordered_set>

#include "kneeplan/text.hpp"

namespace kneeplan {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// 1-based line and column (in characters) of byte `offset` in `text`; a
// byte-order mark takes no column.
std::string line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  const std::size_t start = text.starts_with(kByteOrderMark) && offset >= kByteOrderMark.size() ? kByteOrderMark.size() : 0;
  for (std::size_t i = start; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0u) != 0x80u) {  // count characters, not continuation bytes
      ++column;
    }
  }
  return fmt::format("{}:{}", line, column);
}

// Offset of the first byte that breaks UTF-8, if any.
std::optional<std::size_t> invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
    } else {
      return i;
    }
    if (i + length > size) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char next = bytes[i + k];
      const unsigned char lo = (k == 1) ? low : 0x80;
      const unsigned char hi = (k == 1) ? high : 0xBF;
      if (next < lo || next > hi) return i;
    }
    i += length;
  }
  return std::nullopt;
}

// nlohmann's message without its "[json.exception…] parse error at line…: " prefix.
std::string plain_message(const std::string& what) {
  std::string message = what;
  if (const auto bracket = message.find("] "); message.starts_with("[json.exception") && bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  if (const auto column = message.find(", column "); message.starts_with("parse error at line")) {
    if (const auto colon = message.find(": ", column); colon != std::string::npos) message.erase(0, colon + 2);
  }
  return message;
}

// Builds the document like nlohmann's DOM parser, and also refuses
// duplicate keys and excessive nesting, remembering where they were.
class StrictSax {
 public:
  explicit StrictSax(json& root) : dom_(root, /*allow_exceptions=*/false) {}

  bool null() { return value(), dom_.null(); }
  bool boolean(bool v) { return value(), dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return value(), dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(), dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) { return value(), dom_.number_float(v, s); }
  bool string(json::string_t& v) { return value(), dom_.string(v); }
  bool binary(json::binary_t& v) { return value(), dom_.binary(v); }

  bool start_object(std::size_t n) {
    value();
    if (!enter()) return false;
    frames_.push_back({true, 0, {}, {}});
    return dom_.start_object(n);
  }
  bool key(json::string_t& k) {
    Frame& frame = frames_.back();
    frame.key = k;
    if (!frame.keys.insert(k).second) {
      fail(pointer(), fmt::format("duplicate key \"{}\"; each key may appear once", k));
      return false;
    }
    return dom_.key(k);
  }
  bool end_object() { return frames_.pop_back(), dom_.end_object(); }
  bool start_array(std::size_t n) {
    value();
    if (!enter()) return false;
    frames_.push_back({false, 0, {}, {}});
    return dom_.start_array(n);
  }
  bool end_array() { return frames_.pop_back(), dom_.end_array(); }

  bool parse_error(std::size_t position, const std::string& /*token*/, const nlohmann::detail::exception& error) {
    syntax_offset_ = position;
    message_ = plain_message(error.what());
    return false;
  }

  std::optional<std::size_t> syntax_offset_;
  std::string place_;
  std::string message_;

 private:
  struct Frame {
    bool is_object;
    std::size_t next_index;
    std::string key;
    std::set<std::string, std::less<>> keys;
  };

  // Called before each value: advances the index of the enclosing array.
  void value() {
    if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().next_index;
  }
  bool enter() {
    if (frames_.size() >= kMaxJsonDepth) {
      fail(pointer(), fmt::format("nested more than {} levels deep; expected a flatter document", kMaxJsonDepth));
      return false;
    }
    return true;
  }
  std::string pointer() const {
    std::string at;
    for (const auto& frame : frames_) {
      at = frame.is_object ? child(at, frame.key) : child(at, frame.next_index - 1);
    }
    return at;
  }
  void fail(std::string place, std::string message) {
    place_ = std::move(place);
    message_ = std::move(message);
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<Frame> frames_;
};

}  // namespace

json parse_json(std::string_view text, const std::string& file) {
  if (const auto bad = invalid_utf8(text)) {
    throw DataError(file, line_column(text, *bad), "invalid UTF-8 byte; save the file as UTF-8");
  }
  // nlohmann's lexer takes a NUL byte for the end of the input and would
  // ignore whatever follows it.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    throw DataError(file, line_column(text, nul), "a NUL byte; JSON text cannot contain one");
  }
  json root;
  StrictSax sax(root);
  const bool ok = json::sax_parse(text, &sax, json::input_format_t::json, /*strict=*/true);
  if (ok) return root;
  if (sax.syntax_offset_) {
    // nlohmann reports the offset just past the offending character.
    const std::size_t offset = *sax.syntax_offset_ > 0 ? *sax.syntax_offset_ - 1 : 0;
    throw DataError(file, line_column(text, offset), "invalid JSON: " + sax.message_);
  }
  throw DataError(file, sax.place_.empty() ? "/" : sax.place_, sax.message_);
}

std::string child(const std::string& at, std::string_view key) {
  std::string out = at;
  out += '/';
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child(const std::string& at, std::size_t index) { return at + '/' + std::to_string(index); }

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case json::value_t::string: {
      std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
      if (text.size() > 42) text = text.substr(0, 40) + "…\"";
      return "the string " + text;
    }
    default: {
      std::string text = value.dump();
      if (text.size() > 40) text = text.substr(0, 40) + "…";
      return "the number " + text;
    }
  }
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

bool Reader::object(const json& value, const std::string& at, std::initializer_list<std::string_view> keys) {
  if (!value.is_object()) {
    error(at, "expected an object, found " + describe(value));
    return false;
  }
  const std::vector<std::string> known(keys.begin(), keys.end());
  for (const auto& [key, member] : value.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string message = fmt::format("unknown field \"{}\"", key);
    if (const auto near = closest_matches(key, known, 1); !near.empty()) {
      message += fmt::format("; did you mean \"{}\"?", near.front());
    } else {
      message += "; expected one of: " + join(known);
    }
    error(child(at, key), std::move(message));
  }
  return true;
}

void Reader::format(const json& root, std::string_view format) {
  const auto text = string(root, "", "format");
  if (text && *text != format) {
    error("/format", fmt::format("unsupported format \"{}\"; expected \"{}\"", *text, format));
  }
}

const json* Reader::member(const json& object, const std::string& at, std::string_view key, bool required) {
  const auto found = object.find(key);
  if (found != object.end()) return &*found;
  if (required) error(child(at, key), "missing required field");
  return nullptr;
}

std::optional<std::string> Reader::string(const json& object, const std::string& at, std::string_view key,
                                          bool required) {
  const json* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  if (!value->is_string() || value->get_ref<const std::string&>().empty()) {
    error(child(at, key), "expected a non-empty string, found " + describe(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

namespace {
std::string bounds_text(Bounds bounds) { return fmt::format("from {} to {}", bounds.min, bounds.max); }
}  // namespace

namespace {
// An integer within bounds, compared in its own type: nlohmann keeps every
// non-negative integer unsigned, and it may not fit in int64.
bool within(const json& value, Bounds bounds) {
  if (value.is_number_unsigned()) {
    const auto n = value.get<std::uint64_t>();
    return (bounds.min <= 0 || n >= static_cast<std::uint64_t>(bounds.min)) && n <= static_cast<std::uint64_t>(bounds.max);
  }
  const auto n = value.get<std::int64_t>();
  return n >= static_cast<std::int64_t>(bounds.min) && n <= static_cast<std::int64_t>(bounds.max);
}
}  // namespace

std::optional<int> Reader::integer(const json& object, const std::string& at, std::string_view key, Bounds bounds,
                                   bool required) {
  const json* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  if (!value->is_number_integer() || !within(*value, bounds)) {
    error(child(at, key), "expected a whole number " + bounds_text(bounds) + ", found " + describe(*value));
    return std::nullopt;
  }
  return static_cast<int>(value->get<std::int64_t>());
}

std::optional<double> Reader::number(const json& object, const std::string& at, std::string_view key, Bounds bounds,
                                     bool required) {
  const json* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  const std::string expected = "expected a number " + bounds_text(bounds);
  if (!value->is_number()) {
    error(child(at, key), expected + ", found " + describe(*value));
    return std::nullopt;
  }
  const double number = value->get<double>();
  if (!std::isfinite(number) || number < bounds.min || number > bounds.max) {
    error(child(at, key), expected + ", found " + describe(*value));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> Reader::boolean(const json& object, const std::string& at, std::string_view key, bool required) {
  const json* value = member(object, at, key, required);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    error(child(at, key), "expected true or false, found " + describe(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<Range> Reader::range(const json& object, const std::string& at, std::string_view key, Bounds bounds,
                                   bool required) {
  const json* value = member(object, at, key, required);
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

const json* Reader::array(const json& object, const std::string& at, std::string_view key, bool required,
                          bool non_empty) {
  const json* value = member(object, at, key, required);
  if (!value) return nullptr;
  if (!value->is_array()) {
    error(child(at, key), "expected an array, found " + describe(*value));
    return nullptr;
  }
  if (non_empty && value->empty()) {
    error(child(at, key), "expected at least one element, found an empty array");
    return nullptr;
  }
  return value;
}

bool Reader::in_vocabulary(const std::string& text, const std::string& at,
                           std::span<const std::string_view> vocabulary) {
  if (vocabulary.empty() || std::find(vocabulary.begin(), vocabulary.end(), text) != vocabulary.end()) return true;
  const std::vector<std::string> words(vocabulary.begin(), vocabulary.end());
  std::string message = fmt::format("unknown value \"{}\"; expected one of: {}", text, join(words));
  if (const auto near = closest_matches(text, words, 1); !near.empty()) {
    message += fmt::format(" (did you mean \"{}\"?)", near.front());
  }
  error(at, std::move(message));
  return false;
}

std::optional<std::string> Reader::word(const json& object, const std::string& at, std::string_view key,
                                        std::span<const std::string_view> vocabulary, bool required) {
  auto text = string(object, at, key, required);
  if (text && !in_vocabulary(*text, child(at, key), vocabulary)) return std::nullopt;
  return text;
}

std::optional<std::vector<std::string>> Reader::strings(const json& object, const std::string& at,
                                                        std::string_view key,
                                                        std::span<const std::string_view> vocabulary, bool required,
                                                        bool non_empty) {
  const json* list = array(object, at, key, required, non_empty);
  if (!list) return std::nullopt;
  const std::string here = child(at, key);
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;  // views into `list`, which outlives this loop
  bool ok = true;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& element = (*list)[i];
    if (!element.is_string() || element.get_ref<const std::string&>().empty()) {
      error(child(here, i), "expected a non-empty string, found " + describe(element));
      ok = false;
      continue;
    }
    const auto& text = element.get_ref<const std::string&>();
    if (!in_vocabulary(text, child(here, i), vocabulary)) {
      ok = false;
    } else if (!seen.insert(text).second) {
      error(child(here, i), fmt::format("\"{}\" is listed twice", text));
      ok = false;
    }
    out.push_back(text);
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace kneeplan
