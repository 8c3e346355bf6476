#pragma once
// Private to the loaders: a Reader that checks the fields of a parsed JSON
// document and collects every problem under its JSON pointer.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_document.hpp"
#include "kneeplan/core/catalogue.hpp"
#include "kneeplan/io/diagnostics.hpp"
#include "kneeplan/core/names.hpp"
#include "kneeplan/core/profile.hpp"

namespace kneeplan {

// How a value reads in "found …".
std::string describe(const JsonValue& value);

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  void error(const std::string& at, std::string message);
  // Reports the problem that `message()` describes at the pointer `at()`;
  // both are called only while the diagnostics are not yet full, so that a
  // huge broken file costs no message past the cap.
  template <class At, class Message>
  void report(At&& at, Message&& message) {
    if (full()) {
      ++unreported_;
    } else {
      error(at(), message());
    }
  }
  // Throws DataError with everything collected so far, if anything.
  void finish() const;

  // `value` is an object whose keys are all in `keys`; reports unknown keys.
  bool object(const JsonValue& value, const std::string& at, std::initializer_list<std::string_view> keys);
  // The root's "format" member is exactly `format`.
  void format(const JsonValue& root, std::string_view format);

  // The member `key` of `object`, reporting it when required and missing.
  const JsonValue* member(const JsonValue& object, const std::string& at, std::string_view key, bool required);

  std::optional<std::string> string(const JsonValue& object, const std::string& at, std::string_view key,
                                    bool required = true);
  std::optional<int> integer(const JsonValue& object, const std::string& at, std::string_view key, Bounds bounds,
                             bool required = true);
  std::optional<double> number(const JsonValue& object, const std::string& at, std::string_view key, Bounds bounds,
                               bool required = true);
  std::optional<bool> boolean(const JsonValue& object, const std::string& at, std::string_view key,
                              bool required = true);
  // {"min": int, "max": int} with bounds.min <= min <= max <= bounds.max.
  std::optional<Range> range(const JsonValue& object, const std::string& at, std::string_view key, Bounds bounds,
                             bool required = true);
  // An array of non-empty, distinct strings, each from `vocabulary` unless it is empty.
  std::optional<std::vector<std::string>> strings(const JsonValue& object, const std::string& at, std::string_view key,
                                                  std::span<const std::string_view> vocabulary = {},
                                                  bool required = true, bool non_empty = false);
  // An array member; its elements are checked by the caller.
  const JsonValue* array(const JsonValue& object, const std::string& at, std::string_view key, bool required = true,
                    bool non_empty = false);

  // A string member that names a value of Enum.
  template <class Enum>
  std::optional<Enum> choice(const JsonValue& object, const std::string& at, std::string_view key, bool required = true) {
    const auto& names = EnumNames<Enum>::names;
    const auto text = word(object, at, key, {names.data(), names.size()}, required);
    if (!text) return std::nullopt;
    return parse_name<Enum>(*text);
  }

  // A string member from `vocabulary`.
  std::optional<std::string> word(const JsonValue& object, const std::string& at, std::string_view key,
                                  std::span<const std::string_view> vocabulary, bool required = true);
  // `text` is one of `vocabulary` (or it is empty); reports at the pointer
  // `at()` otherwise, which is built only then.
  template <class At>
  bool in_vocabulary(const std::string& text, At&& at, std::span<const std::string_view> vocabulary) {
    if (vocabulary.empty() || std::find(vocabulary.begin(), vocabulary.end(), text) != vocabulary.end()) return true;
    report(at, [&] { return unknown_value(text, vocabulary); });
    return false;
  }

  const std::string& file() const { return file_; }

 private:
  static std::string unknown_value(const std::string& text, std::span<const std::string_view> vocabulary);

  static constexpr std::size_t kMaxDiagnostics = 100;
  // True once kMaxDiagnostics problems are held; later ones are only counted.
  bool full() const { return diagnostics_.size() >= kMaxDiagnostics; }

  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  std::size_t unreported_ = 0;
};

}  // namespace kneeplan
