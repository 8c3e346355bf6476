// ascii_text: how text is spelled for a locale that is not UTF-8.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "kneeplan/render/render.hpp"

using kneeplan::ascii_text;

namespace {

bool all_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

TEST_CASE("ascii_text leaves ASCII as it is", "[render][ascii]") {
  CHECK(ascii_text("") == "");
  CHECK(ascii_text("Side plank: 1 x 8-12 reps, each side\n\t\"x\" <y> & 'z'") ==
        "Side plank: 1 x 8-12 reps, each side\n\t\"x\" <y> & 'z'");
  // Control characters are ASCII too: what to do with them is the caller's.
  CHECK(ascii_text(std::string("a\x1b[1mb\0c", 8)) == std::string("a\x1b[1mb\0c", 8));
}

TEST_CASE("ascii_text drops accents and spells letters and punctuation in ASCII", "[render][ascii]") {
  CHECK(ascii_text("Seitst\u00fctz") == "Seitstutz");
  CHECK(ascii_text("Cr\u00e8me br\u00fbl\u00e9e") == "Creme brulee");
  CHECK(ascii_text("Stra\u00dfe") == "Strasse");
  CHECK(ascii_text("\u00c6sir \u00f8l") == "AEsir ol");
  CHECK(ascii_text("a \u2014 b \u2013 c") == "a - b - c");
  CHECK(ascii_text("\u201cPlanke\u201d \u2018x\u2019") == "\"Planke\" 'x'");
  CHECK(ascii_text("wait\u2026") == "wait...");
  CHECK(ascii_text("Gr\u00fc\u00dfe aus K\u00f6ln, 3\u00a0min") == "Grusse aus Koln, 3 min");
}

TEST_CASE("ascii_text romanises other scripts and marks what has no spelling", "[render][ascii]") {
  const std::string greek = ascii_text("\u03b3\u03cc\u03bd\u03b1\u03c4\u03bf");  // "knee" in Greek
  CHECK(all_ascii(greek));
  CHECK(greek == "gonato");
  const std::string cyrillic = ascii_text("\u043a\u043e\u043b\u0435\u043d\u043e");  // "knee" in Russian
  CHECK(cyrillic == "koleno");
  // Malformed UTF-8 (a lone continuation byte, a cut-off sequence) and
  // symbols no rule spells come out as "?", never as raw bytes.
  const std::string malformed = ascii_text("a\x80" "b\xe2\x80");
  CHECK(all_ascii(malformed));
  CHECK(malformed.front() == 'a');
  CHECK(malformed.find('b') != std::string::npos);
  CHECK(malformed.find('?') != std::string::npos);
  const std::string symbol = ascii_text("ok \u2714 \U0001F9B5");
  CHECK(all_ascii(symbol));
  CHECK(symbol.rfind("ok ", 0) == 0);
}
