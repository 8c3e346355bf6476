#include "io/json_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <new>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/core/text.hpp"

namespace kneeplan {

static_assert(sizeof(JsonValue) <= 16, "half a million values in a big catalogue: keep them small");

double JsonValue::as_double() const {
  switch (type_) {
    case Type::integer:
      return static_cast<double>(value_.integer);
    case Type::unsigned_integer:
      return static_cast<double>(value_.unsigned_integer);
    case Type::floating:
      return value_.floating->value;
    default:
      return 0;
  }
}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const auto& member : members()) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

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
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence(text, i);
    if (length == 0) return i;
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

// Lays out the values nlohmann's parser reports: the elements and members of
// each open container wait on a stack and move into the arena, contiguous,
// when it closes. Refuses duplicate keys and excessive nesting, remembering
// where they were.
class Builder {
 public:
  explicit Builder(std::pmr::memory_resource& arena) : arena_(arena) {}

  bool null() { return add(JsonValue()); }
  bool boolean(bool v) { return add(JsonValue::boolean(v)); }
  bool number_integer(std::int64_t v) { return add(JsonValue::integer(v)); }
  bool number_unsigned(std::uint64_t v) { return add(JsonValue::unsigned_integer(v)); }
  bool number_float(double v, const std::string& text) {
    auto* number = static_cast<JsonFloating*>(arena_.allocate(sizeof(JsonFloating), alignof(JsonFloating)));
    return add(JsonValue::floating(*new (number) JsonFloating{v, copy(text)}));
  }
  bool string(std::string& v) { return add(JsonValue::string(copy(v))); }
  bool binary(nlohmann::json::binary_t& /*v*/) { return false; }  // not produced by JSON text

  bool start_object(std::size_t /*size*/) { return open(true); }
  bool key(std::string& k) {
    frames_.back().key = copy(k);
    members_.push_back({frames_.back().key, {}});
    return true;
  }
  bool end_object() {
    const std::size_t first = frames_.back().first;
    const std::span<const JsonMember> members(members_.data() + first, members_.size() - first);
    if (has_repeated_key(members)) {
      // Name the first key, in file order, that repeats an earlier one.
      const auto repeated = repeats(members.size(), [&](std::size_t i) { return members[i].key; });
      const std::string_view key = members[repeated.front().index].key;
      fail(child(path(frames_.size() - 1), key), fmt::format("duplicate key \"{}\"; each key may appear once", shortened(key)));
      return false;
    }
    const JsonValue object = JsonValue::object(store(members));
    members_.resize(first);
    frames_.pop_back();
    return add(object);
  }
  bool start_array(std::size_t /*size*/) { return open(false); }
  bool end_array() {
    const std::size_t first = frames_.back().first;
    const JsonValue array = JsonValue::array(store(std::span<const JsonValue>(values_.data() + first, values_.size() - first)));
    values_.resize(first);
    frames_.pop_back();
    return add(array);
  }

  bool parse_error(std::size_t position, const std::string& /*token*/, const nlohmann::detail::exception& error) {
    syntax_offset_ = position;
    message_ = plain_message(error.what());
    return false;
  }

  JsonValue root_;
  std::optional<std::size_t> syntax_offset_;
  std::string place_;
  std::string message_;

 private:
  struct Frame {
    bool is_object;
    std::size_t first;      // where its elements or members start on their stack
    std::size_t count = 0;  // elements completed so far, in an array
    std::string_view key;   // the member being read, in an object
  };

  // Places a value where the parser is: the root, the next element of an
  // array or the member whose key came last.
  bool add(JsonValue value) {
    if (frames_.empty()) {
      root_ = value;
    } else if (Frame& frame = frames_.back(); frame.is_object) {
      members_.back().value = value;
    } else {
      values_.push_back(value);
      ++frame.count;
    }
    return true;
  }
  bool open(bool is_object) {
    if (frames_.size() >= kMaxJsonDepth) {
      fail(path(frames_.size()), fmt::format("nested more than {} levels deep; expected a flatter document", kMaxJsonDepth));
      return false;
    }
    frames_.push_back({is_object, is_object ? members_.size() : values_.size(), 0, {}});
    return true;
  }
  // The JSON pointer of the container open at `depth` (the root is depth 0):
  // each enclosing object names its current key, each array its next index.
  std::string path(std::size_t depth) const {
    std::string at;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& frame = frames_[i];
      at = frame.is_object ? child(at, frame.key) : child(at, frame.count);
    }
    return at;
  }
  std::string_view copy(std::string_view text) {
    if (text.empty()) return {};
    auto* chars = static_cast<char*>(arena_.allocate(text.size(), 1));
    std::copy(text.begin(), text.end(), chars);
    return {chars, text.size()};
  }
  template <class T>
  std::span<const T> store(std::span<const T> items) {
    if (items.empty()) return {};
    auto* block = static_cast<T*>(arena_.allocate(items.size_bytes(), alignof(T)));
    std::uninitialized_copy(items.begin(), items.end(), block);
    return {block, items.size()};
  }
  // Whether any key appears twice: pairwise for the few keys of most objects,
  // else in a hash table of their positions (open addressing, at most half
  // full), in time linear in the keys.
  bool has_repeated_key(std::span<const JsonMember> members) {
    if (members.size() <= 16) {
      for (std::size_t i = 1; i < members.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (members[i].key == members[j].key) return true;
        }
      }
      return false;
    }
    std::size_t slots = 64;
    while (slots < 2 * members.size()) slots *= 2;
    slots_.assign(slots, 0);
    for (std::size_t i = 0; i < members.size(); ++i) {
      std::size_t slot = std::hash<std::string_view>{}(members[i].key) & (slots - 1);
      while (slots_[slot] != 0) {
        if (members[slots_[slot] - 1].key == members[i].key) return true;
        slot = (slot + 1) & (slots - 1);
      }
      slots_[slot] = static_cast<std::uint32_t>(i + 1);  // fits: parse_json refuses texts past 4 GiB
    }
    return false;
  }
  void fail(std::string place, std::string message) {
    place_ = std::move(place);
    message_ = std::move(message);
  }

  std::pmr::memory_resource& arena_;
  std::vector<Frame> frames_;
  std::vector<JsonValue> values_;    // elements of the open arrays, innermost last
  std::vector<JsonMember> members_;  // members of the open objects, innermost last
  std::vector<std::uint32_t> slots_;  // scratch space for has_repeated_key(): member positions + 1
};

}  // namespace

JsonDocument parse_json(std::string_view text, const std::string& file) {
  if (text.size() > kMaxJsonBytes) {
    throw DataError(file, "", fmt::format("{} bytes of JSON; the limit is {} bytes", text.size(), kMaxJsonBytes));
  }
  if (const auto bad = invalid_utf8(text)) {
    throw DataError(file, line_column(text, *bad), "invalid UTF-8 byte; save the file as UTF-8");
  }
  // nlohmann's lexer takes a NUL byte for the end of the input and would
  // ignore whatever follows it.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    throw DataError(file, line_column(text, nul), "a NUL byte; JSON text cannot contain one");
  }
  // The values take less room than their text; one upstream block then holds most documents.
  auto arena = std::make_unique<std::pmr::monotonic_buffer_resource>(text.size() + 1024);
  Builder builder(*arena);
  const bool ok = nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json, /*strict=*/true);
  if (ok) return JsonDocument(std::move(arena), builder.root_);
  if (builder.syntax_offset_) {
    // nlohmann reports the offset just past the offending character.
    const std::size_t offset = *builder.syntax_offset_ > 0 ? *builder.syntax_offset_ - 1 : 0;
    throw DataError(file, line_column(text, offset), "invalid JSON: " + builder.message_);
  }
  throw DataError(file, builder.place_.empty() ? "/" : builder.place_, builder.message_);
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

}  // namespace kneeplan
