#include "io/json_writer.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

namespace kneeplan::detail {

namespace {
// The bytes a JSON string holds as they are: printable ASCII but quote and backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();
}  // namespace

void JsonWriter::key(std::string_view name) {
  new_line();
  string(name);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  next();
  string(text);
}

void JsonWriter::value(bool flag) {
  next();
  out_ += flag ? "true" : "false";
}

void JsonWriter::value(double number) {
  next();
  out_ += nlohmann::json(number).dump();  // nlohmann's shortest round-trip form, "168.0" and all
}

void JsonWriter::null() {
  next();
  out_ += "null";
}

void JsonWriter::next() {
  if (after_key_) {
    after_key_ = false;
  } else if (!counts_.empty()) {
    new_line();
  }
}

void JsonWriter::new_line() {
  out_ += counts_.back()++ > 0 ? ",\n" : "\n";
  out_.append(2 * counts_.size(), ' ');
}

void JsonWriter::open(char bracket) {
  next();
  out_ += bracket;
  counts_.push_back(0);
}

void JsonWriter::close(char bracket) {
  const bool empty = counts_.back() == 0;
  counts_.pop_back();
  if (!empty) {
    out_ += '\n';
    out_.append(2 * counts_.size(), ' ');
  }
  out_ += bracket;
}

void JsonWriter::string(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return kPlain[static_cast<unsigned char>(c)]; })) {
    out_ += '"';
    out_ += text;
    out_ += '"';
  } else {
    // Escapes, UTF-8 and invalid bytes exactly as nlohmann's dump treats them.
    out_ += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

}  // namespace kneeplan::detail
