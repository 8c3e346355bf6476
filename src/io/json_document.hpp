#pragma once
// Private to the loaders: a parsed JSON document, read-only. nlohmann's parser
// reads the text, so there is one grammar and one set of syntax messages; the
// values it reports are laid out in a single arena. A 10,000-exercise
// catalogue then costs a few dozen allocations instead of one or two per
// value, and is freed at once.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>

namespace kneeplan {

struct JsonMember;

// A number with a fraction or an exponent, and its text as the file wrote it
// ("18.0", "1e-400"), so that messages can quote it exactly.
struct JsonFloating {
  double value;
  std::string_view text;
};

class JsonValue {
 public:
  // Non-negative integers are unsigned, negative ones signed, as nlohmann reports them.
  enum class Type : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };

  JsonValue() = default;
  static JsonValue boolean(bool flag) { return {Type::boolean, 0, {.flag = flag}}; }
  static JsonValue integer(std::int64_t number) { return {Type::integer, 0, {.integer = number}}; }
  static JsonValue unsigned_integer(std::uint64_t number) {
    return {Type::unsigned_integer, 0, {.unsigned_integer = number}};
  }
  static JsonValue floating(const JsonFloating& number) { return {Type::floating, 0, {.floating = &number}}; }
  // `text`, `elements` and `members` must outlive the value: the document's arena holds them.
  // Their sizes fit in 32 bits: parse_json refuses longer texts.
  static JsonValue string(std::string_view text) { return {Type::string, text.size(), {.chars = text.data()}}; }
  static JsonValue array(std::span<const JsonValue> elements) {
    return {Type::array, elements.size(), {.elements = elements.data()}};
  }
  static JsonValue object(std::span<const JsonMember> members) {
    return {Type::object, members.size(), {.members = members.data()}};
  }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_boolean() const { return type_ == Type::boolean; }
  bool is_integer() const { return type_ == Type::integer || type_ == Type::unsigned_integer; }
  bool is_number() const { return is_integer() || type_ == Type::floating; }
  bool is_string() const { return type_ == Type::string; }
  bool is_array() const { return type_ == Type::array; }
  bool is_object() const { return type_ == Type::object; }

  // Each accessor expects its type.
  bool as_boolean() const { return value_.flag; }
  std::int64_t as_integer() const { return value_.integer; }
  std::uint64_t as_unsigned() const { return value_.unsigned_integer; }
  // Any number, as a double.
  double as_double() const;
  // A floating number as the file wrote it; empty for any other value.
  std::string_view number_text() const { return type_ == Type::floating ? value_.floating->text : std::string_view(); }
  std::string_view as_string() const { return {value_.chars, size_}; }
  std::span<const JsonValue> elements() const { return {value_.elements, size_}; }
  std::span<const JsonMember> members() const;

  // Elements of an array or members of an object; 0 for anything else.
  std::size_t size() const { return is_array() || is_object() ? size_ : 0; }
  // The member `key` of an object, or null.
  const JsonValue* find(std::string_view key) const;

 private:
  union Payload {
    bool flag;
    std::int64_t integer;
    std::uint64_t unsigned_integer;
    const JsonFloating* floating;
    const char* chars;
    const JsonValue* elements;
    const JsonMember* members;
  };
  JsonValue(Type type, std::size_t size, Payload value)
      : type_(type), size_(static_cast<std::uint32_t>(size)), value_(value) {}

  // 16 bytes a value: a 10,000-exercise catalogue holds about half a million.
  Type type_ = Type::null;
  std::uint32_t size_ = 0;  // characters, elements or members

  Payload value_{};
};

struct JsonMember {
  std::string_view key;
  JsonValue value;
};

inline std::span<const JsonMember> JsonValue::members() const { return {value_.members, size_}; }

class JsonDocument {
 public:
  JsonDocument(std::unique_ptr<std::pmr::monotonic_buffer_resource> arena, JsonValue root)
      : arena_(std::move(arena)), root_(root) {}
  const JsonValue& root() const { return root_; }

 private:
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena_;
  JsonValue root_;
};

// Deeper documents are refused: no format here nests more than a few levels.
inline constexpr std::size_t kMaxJsonDepth = 64;

// The longest text parse_json takes; input files are far smaller (kMaxInputBytes).
inline constexpr std::size_t kMaxJsonBytes = 0xFFFFFFFF;

// Parses `text` strictly (UTF-8, no NUL byte, no duplicate keys, bounded
// depth); throws DataError naming `file` with LINE:COL or a JSON pointer.
JsonDocument parse_json(std::string_view text, const std::string& file);

// The pointer of a member or element below `at`.
std::string child(const std::string& at, std::string_view key);
std::string child(const std::string& at, std::size_t index);

}  // namespace kneeplan
