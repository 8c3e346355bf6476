#include <catch2/catch.hpp>

#include "kneeplan/io/diagnostics.hpp"

using namespace kneeplan;

TEST_CASE("format_diagnostic places line:col like a compiler and pointers after a space", "[diagnostics]") {
  CHECK(format_diagnostic({"a.json", "3:14", "invalid JSON"}) == "a.json:3:14: invalid JSON");
  CHECK(format_diagnostic({"a.json", "/exercises/0/id", "missing"}) == "a.json: /exercises/0/id: missing");
  CHECK(format_diagnostic({"a.json", "", "file is empty"}) == "a.json: file is empty");
}

TEST_CASE("diagnostics stay one printable line whatever the input held", "[diagnostics]") {
  CHECK(printable("plain text, ünïcode") == "plain text, ünïcode");
  CHECK(printable("l\neft") == "l\\neft");
  CHECK(printable("a\tb\rc") == "a\\tb\\rc");
  CHECK(printable(std::string("x\x1b[31my\x7f", 8)) == "x\\u001b[31my\\u007f");
  const auto line = format_diagnostic({"bad\nname.json", "/a\nb", "unknown field \"a\nb\""});
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line == "bad\\nname.json: /a\\nb: unknown field \"a\\nb\"");
}

TEST_CASE("DataError keeps every diagnostic and summarises the first", "[diagnostics]") {
  const DataError error({{"f", "/a", "first"}, {"f", "/b", "second"}});
  REQUIRE(error.diagnostics().size() == 2);
  CHECK(error.diagnostics()[1].message == "second");
  CHECK(std::string(error.what()) == "f: /a: first");
}
