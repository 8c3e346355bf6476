#include "render/escape.hpp"

#include <cstdint>

#include "kneeplan/core/text.hpp"

namespace kneeplan::detail {

namespace {

// Unicode noncharacters: never text, and refused by some formats.
bool noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFEu) == 0xFFFEu; }

}  // namespace

std::string readable(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\r' || text[i] == '\n') {
      const bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
      out += keep_line_breaks ? '\n' : ' ';
      i += crlf ? 2 : 1;
      continue;
    }
    const std::size_t length = utf8_sequence(text, i);
    if (length == 0) {
      out += ' ';
      ++i;
      continue;
    }
    const char32_t point = code_point(text, i, length);
    out += invisible(point) || noncharacter(point) ? std::string_view(" ") : text.substr(i, length);
    i += length;
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (const char c : readable(text, true)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  std::string plain = readable(text, false);
  // Leading and trailing spaces could make an indented code block or a hard break.
  const auto first = plain.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  plain = plain.substr(first, plain.find_last_not_of(' ') - first + 1);

  std::string out;
  out.reserve(plain.size() + plain.size() / 8);
  // Characters that start a block only at the start of a line: a heading,
  // list item, quote or setext underline; "1." and "1)" start ordered lists.
  std::size_t digits = 0;
  while (digits < plain.size() && plain[digits] >= '0' && plain[digits] <= '9') ++digits;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    // HTML's own characters as references: every Markdown renderer passes
    // HTML through, and not every one honours a backslash before it.
    if (c == '<' || c == '>' || c == '&') {
      out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&amp;";
      continue;
    }
    const bool inline_markup = c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '|' ||
                               c == '~' || c == '!';
    const bool leading_block = i == 0 && (c == '#' || c == '-' || c == '+' || c == '=');
    const bool list_number = i == digits && digits > 0 && (c == '.' || c == ')');
    if (inline_markup || leading_block || list_number) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace kneeplan::detail
