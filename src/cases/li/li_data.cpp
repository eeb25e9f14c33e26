#include "cases/li/li_data.h"

#include "cases/transliteration.h"

namespace flis::cases {

std::string full_name(const LiImmigrant& immigrant) {
  return person_name(immigrant.surname, immigrant.given_name, immigrant.patronymic);
}

}  // namespace flis::cases
