// Text spelled in ASCII, for a locale whose character set is not UTF-8.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "kneeplan/render/render.hpp"

namespace kneeplan {

namespace {

// ICU's romanisation, then its ASCII spellings of Latin letters and
// punctuation. Built once: it reads its rules from ICU's data (tens of
// milliseconds), which only a non-ASCII text in a non-UTF-8 locale pays.
const icu::Transliterator* to_latin_ascii() {
  static const std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return transliterator.get();
}

}  // namespace

std::string ascii_text(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(text);
  }
  // Malformed UTF-8 arrives as U+FFFD, and leaves as "?" like anything else
  // no rule spells.
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (const icu::Transliterator* transliterator = to_latin_ascii()) transliterator->transliterate(unicode);
  std::string out;
  out.reserve(static_cast<std::size_t>(unicode.length()));
  for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
    const UChar32 c = unicode.char32At(i);
    out += c < 0x80 ? static_cast<char>(c) : '?';
  }
  return out;
}

}  // namespace kneeplan
