// Form 4-ВОУПИРС (Appendix 11 to Rules 279; EP-A11, EP-80, EP-14.3, I-39) as a table form (docs/table_form.h):
// the header of the administrative form (index, periodicity, reporting period, BIN/IIN, name, address, phone,
// e-mail), the 12 columns with their groups («Информация о выполнении работодателем особых условий» over
// 3–5, «ИРС, работающая без разрешений» over 9–12), the executor and the head. Row 1 is the issuing LEB's
// (columns 2–8, lists of people as the columns ask), the rows after it one foreign worker each without a
// permit (columns 9–12). Russian is the seed's wording; the Kazakh is FLIS's (the seed has none).
// Rendered by render_table_form_pdf / render_table_form_xlsx.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "docs/table_form.h"

namespace flis::docs::ep {

struct VoupirsUnpermitted {
  std::string name_iin;  // column 9
  std::string profession;
  std::string country;
  std::string category;
};

struct VoupirsView {
  std::string reference;  // the report's case id, in the footer
  Date date;              // filed (or prepared) on
  Date period_from;       // the reporting month's first day ..
  Date period_to;         // .. and last
  std::string bin;
  std::string employer_name;
  std::string address;
  std::string phone;
  std::string email;
  std::string executor;                   // name, phone
  std::string head;                       // the head or the person acting as head
  LocalizedText issuer;                   // column 2
  std::vector<std::string> trained;       // column 3: "name, IIN"
  std::vector<std::string> jobs;          // column 4
  std::vector<std::string> replaced;      // column 5
  std::vector<std::string> kazakh_staff;  // column 6
  std::vector<std::string> art_137_1;     // column 7
  std::vector<std::string> seconded;      // column 8
  std::vector<VoupirsUnpermitted> without_permit;
  std::string status;  // "filed dd.mm.yyyy, signed …" or "draft", under the table
};

TableForm voupirs_form(const VoupirsView& view);

}  // namespace flis::docs::ep
