#include "cases/transliteration.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace flis::cases {
namespace {

// Kazakh letters the Russian transform does not know, as Kazakhstan's passports spell them (ә → a, ұ → u, …),
// soft and hard signs dropped; then Russian by BGN/PCGN (щ → shch, not ICU's default šč), any other script
// by ICU's default, and the accents stripped to ASCII.
constexpr const char* kRules =
    "ә > a; Ә > A; ғ > g; Ғ > G; қ > k; Қ > K; ң > n; Ң > N; ө > o; Ө > O; ұ > u; Ұ > U; ү > u; Ү > U; "
    "һ > h; Һ > H; і > i; І > I; ь > ; Ь > ; ъ > ; Ъ > ; "
    "::Russian-Latin/BGN; ::Any-Latin; ::Latin-ASCII;";

}  // namespace

std::string transliterate_latin(std::string_view text) {
  // Building a transliterator parses its rules (about a millisecond); each thread keeps its own, since one
  // instance may not be used from two threads at once.
  thread_local std::unique_ptr<icu::Transliterator> to_latin = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "flis-latin", icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, where, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  if (!to_latin) return std::string(text);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  to_latin->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string person_name(std::string_view surname, std::string_view given_name, std::string_view patronymic) {
  std::string out(surname);
  for (std::string_view part : {given_name, patronymic})
    if (!part.empty()) out += (out.empty() ? "" : " ") + std::string(part);
  return out;
}

}  // namespace flis::cases
