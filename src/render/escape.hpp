#pragma once
// Private to the renderers: making any text safe for the format it goes into.
#include <string>
#include <string_view>

namespace kneeplan::detail {

// `text` with every character a reader cannot see or that a format forbids
// (what invisible() in core/text.hpp names, Unicode noncharacters, bytes
// that are not UTF-8)
// turned into a space. Line breaks (LF, CR LF, CR) become "\n" when
// `keep_line_breaks`, else spaces too. Tabs become spaces.
std::string readable(std::string_view text, bool keep_line_breaks);

// HTML text or a quoted attribute value: readable, with & < > " ' as references.
std::string html_escape(std::string_view text);

// Markdown inline text on one line: readable, line breaks as spaces, and
// every character that could start markup (emphasis, links, tables, or a
// block when it leads the line) escaped, so it renders as itself; <, > and &
// become HTML character references.
std::string markdown_escape(std::string_view text);

}  // namespace kneeplan::detail
