// Names in Latin letters for documents that need them (EP-A2.8: the worker's name «также на латинице»),
// when the applicant did not give one: an ICU transform (Kazakh letters as passports spell them, Russian by
// BGN/PCGN, any other script by ICU's Any-Latin, then plain ASCII). A transliteration, not the passport's own spelling
// — the applicant's spelling always wins, so the form offers the field first. Thread-safety: safe from any thread (one
// ICU transliterator per thread).
#pragma once

#include <string>
#include <string_view>

namespace flis::cases {

// `text` in ASCII Latin letters; `text` unchanged when ICU cannot build the transform.
std::string transliterate_latin(std::string_view text);

// "Surname Given Patronymic" as documents print a person (parts left empty are skipped).
std::string person_name(std::string_view surname, std::string_view given_name, std::string_view patronymic);

}  // namespace flis::cases
