#include "render/escape.hpp"

#include <cstdint>

namespace kneeplan::detail {

namespace {

// The code point starting at `text[i]` and its length in bytes; length 0 for
// a byte that does not start valid UTF-8 (overlong, surrogate, out of range).
struct Decoded {
  std::uint32_t code_point = 0;
  std::size_t length = 0;
};

Decoded decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  std::uint32_t code_point = 0;
  std::uint32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1Fu, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0Fu, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07u, minimum = 0x10000;
  } else {
    return {};
  }
  if (i + length > text.size()) return {};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {};
    code_point = (code_point << 6) | (byte(i + k) & 0x3Fu);
  }
  if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return {};
  return {code_point, length};
}

bool invisible(std::uint32_t c) {
  const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
  const bool noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFEu) == 0xFFFEu;
  return control || noncharacter;
}

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
    const Decoded decoded = decode(text, i);
    if (decoded.length == 0 || invisible(decoded.code_point)) {
      out += ' ';
      i += decoded.length == 0 ? 1 : decoded.length;
      continue;
    }
    out.append(text.substr(i, decoded.length));
    i += decoded.length;
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
    const bool inline_markup = c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' ||
                               c == '>' || c == '|' || c == '~' || c == '!' || c == '&';
    const bool leading_block = i == 0 && (c == '#' || c == '-' || c == '+' || c == '=');
    const bool list_number = i == digits && digits > 0 && (c == '.' || c == ')');
    if (inline_markup || leading_block || list_number) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace kneeplan::detail
