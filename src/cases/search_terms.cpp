#include "cases/search_terms.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <set>

namespace flis::cases::search {
namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// `word` cut to `letters` code points.
icu::UnicodeString prefix(const icu::UnicodeString& word, int letters) {
  const int32_t end = word.moveIndex32(0, letters);
  return word.tempSubString(0, end);
}

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.foldCase();
  // The root locale's word rules: they split Cyrillic, Latin and digits alike; ICU's status "word none" marks
  // spaces and punctuation between words. Building one loads its rules, and a search splits every profile it
  // reads: each thread keeps its own (an instance may not be used from two threads at once).
  thread_local const std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_FAILURE(status) ? nullptr : std::move(it);
  }();
  if (!words) return out;
  words->setText(s);
  for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    if (words->getRuleStatus() == UBRK_WORD_NONE) continue;
    out.push_back(utf8(s.tempSubStringBetween(start, end)));
  }
  return out;
}

std::vector<std::string> terms_of(std::initializer_list<std::string_view> texts) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (std::string_view text : texts)
    for (const std::string& w : words_of(text)) {
      const icu::UnicodeString word = icu::UnicodeString::fromUTF8(w);
      const int letters = word.countChar32();
      const int longest = std::min(letters, kMaxPrefix);
      for (int n = std::min(kMinPrefix, letters); n <= longest; ++n)
        if (std::string term = utf8(prefix(word, n)); seen.insert(term).second) out.push_back(std::move(term));
    }
  return out;
}

std::string term_of(std::string_view folded_word) {
  const icu::UnicodeString word =
      icu::UnicodeString::fromUTF8(icu::StringPiece(folded_word.data(), static_cast<int32_t>(folded_word.size())));
  return utf8(prefix(word, kMaxPrefix));
}

bool matches(const std::vector<std::string>& query, const std::vector<std::string>& words) {
  return std::all_of(query.begin(), query.end(), [&](const std::string& q) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.rfind(q, 0) == 0; });
  });
}

}  // namespace flis::cases::search
