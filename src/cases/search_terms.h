// What a case is found by (CaseChange::search_terms, CaseFilter::term): the words of its texts, case-folded
// by ICU (so "Садовник", "садовник" and "САДОВНИК" are one word in every script an immigrant writes), each
// indexed under its prefixes of 3 letters or more, so that a household typing "садов" finds "садовник"
// (LI-10). Looked up by equality only. Thread-safety: safe from any thread (one ICU word iterator per thread).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace flis::cases::search {

// Words shorter than this are indexed whole; longer ones under each prefix from this length on.
inline constexpr int kMinPrefix = 3;
// Prefixes longer than this are not indexed (a query word is cut to it too).
inline constexpr int kMaxPrefix = 24;

// The words of `text`, case-folded, in order (letters and digits; punctuation and spaces separate).
std::vector<std::string> words_of(std::string_view text);
// The terms `texts` are found by: every prefix of kMinPrefix..kMaxPrefix letters of each word (a shorter
// word whole), without repeats, in order.
std::vector<std::string> terms_of(std::initializer_list<std::string_view> texts);
// The term a query word is looked up by: the word cut to kMaxPrefix letters.
std::string term_of(std::string_view folded_word);
// Whether every word of `query` begins a word of `words` (both case-folded by words_of).
bool matches(const std::vector<std::string>& query, const std::vector<std::string>& words);

}  // namespace flis::cases::search
