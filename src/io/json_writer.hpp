#pragma once
// Private to the renderers: JSON written straight into a string, laid out
// byte for byte as nlohmann's dump(2) lays out a document (two-space indent,
// "key": value, empty containers as {} and []), without building the
// document first. A 52-week plan is about a megabyte of JSON.
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kneeplan::detail {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Names the member whose value comes next.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(bool flag);
  void value(double number);
  template <std::integral Int>
    requires(!std::same_as<Int, bool>)
  void value(Int number) {
    next();
    out_ += std::to_string(number);
  }
  void null();
  // An array of strings.
  template <class Strings>
    requires std::convertible_to<typename Strings::value_type, std::string_view>
  void value(const Strings& texts) {
    begin_array();
    for (const auto& text : texts) value(std::string_view(text));
    end_array();
  }

  template <class Value>
  void member(std::string_view name, const Value& v) {
    key(name);
    value(v);
  }

 private:
  // Before a value: what new_line() writes, unless the value follows its key.
  void next();
  // Before a member or an element: a comma after the first, a new line, the indent.
  void new_line();
  void open(char bracket);
  void close(char bracket);
  void string(std::string_view text);

  std::string& out_;
  std::vector<std::size_t> counts_;  // values written so far in each open container
  bool after_key_ = false;
};

}  // namespace kneeplan::detail
