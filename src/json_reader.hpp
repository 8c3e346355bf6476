#pragma once
// Private to the loaders: JSON text to a document with line:column syntax
// errors, and a Reader that checks fields and collects every problem under
// its JSON pointer. Nothing outside the loaders sees nlohmann::json input.
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kneeplan/catalogue.hpp"
#include "kneeplan/diagnostics.hpp"
#include "kneeplan/names.hpp"
#include "kneeplan/profile.hpp"

namespace kneeplan {

using json = nlohmann::json;

// Deeper documents are refused: no format here nests more than a few levels.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses `text` strictly (UTF-8, no duplicate keys, bounded depth); throws
// DataError naming `file` with LINE:COL or a JSON pointer.
json parse_json(std::string_view text, const std::string& file);

// The pointer of a member or element below `at`.
std::string child(const std::string& at, std::string_view key);
std::string child(const std::string& at, std::size_t index);

// How a value reads in "found …".
std::string describe(const json& value);

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  void error(const std::string& at, std::string message);
  // Throws DataError with everything collected so far, if anything.
  void finish() const;

  // `value` is an object whose keys are all in `keys`; reports unknown keys.
  bool object(const json& value, const std::string& at, std::initializer_list<std::string_view> keys);
  // The root's "format" member is exactly `format`.
  void format(const json& root, std::string_view format);

  // The member `key` of `object`, reporting it when required and missing.
  const json* member(const json& object, const std::string& at, std::string_view key, bool required);

  std::optional<std::string> string(const json& object, const std::string& at, std::string_view key,
                                    bool required = true);
  std::optional<int> integer(const json& object, const std::string& at, std::string_view key, Bounds bounds,
                             bool required = true);
  std::optional<double> number(const json& object, const std::string& at, std::string_view key, Bounds bounds,
                               bool required = true);
  std::optional<bool> boolean(const json& object, const std::string& at, std::string_view key,
                              bool required = true);
  // {"min": int, "max": int} with bounds.min <= min <= max <= bounds.max.
  std::optional<Range> range(const json& object, const std::string& at, std::string_view key, Bounds bounds,
                             bool required = true);
  // An array of non-empty, distinct strings, each from `vocabulary` unless it is empty.
  std::optional<std::vector<std::string>> strings(const json& object, const std::string& at, std::string_view key,
                                                  std::span<const std::string_view> vocabulary = {},
                                                  bool required = true, bool non_empty = false);
  // An array member; its elements are checked by the caller.
  const json* array(const json& object, const std::string& at, std::string_view key, bool required = true,
                    bool non_empty = false);

  // A string member that names a value of Enum.
  template <class Enum>
  std::optional<Enum> choice(const json& object, const std::string& at, std::string_view key, bool required = true) {
    const auto& names = EnumNames<Enum>::names;
    const auto text = word(object, at, key, {names.data(), names.size()}, required);
    if (!text) return std::nullopt;
    return parse_name<Enum>(*text);
  }

  // A string member from `vocabulary`.
  std::optional<std::string> word(const json& object, const std::string& at, std::string_view key,
                                  std::span<const std::string_view> vocabulary, bool required = true);
  // `text` is one of `vocabulary`; reports at `at` otherwise.
  bool in_vocabulary(const std::string& text, const std::string& at, std::span<const std::string_view> vocabulary);

  const std::string& file() const { return file_; }

 private:
  static constexpr std::size_t kMaxDiagnostics = 100;

  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  std::size_t unreported_ = 0;
};

}  // namespace kneeplan
