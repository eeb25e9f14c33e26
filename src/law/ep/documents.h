// EP-A2.8: the documents an employer uploads with an application, per sub-service, with the readings that
// narrow the list (I-26: no fee proof at filing; I-29: no other region's letter; I-30: local-content
// exemptions; I-31: category-4 items). The application itself is the signed form and the worker data
// are its fields, so neither is an upload. Pure.
// Thread-safety: pure functions.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "law/ep/ep.h"

namespace flis::law::ep {

struct DocumentItem {
  std::string code;  // stored as StoredFile::doc_type, e.g. "identity_document"
  std::string item;  // where the list names it: "EP-A2.8 categories 1–4 (12)"
};

// What decides the list beyond the sub-service and category.
struct DocumentContext {
  bool multi_region = false;          // EP-18: item (10), a services contract in each other region
  bool local_content_exempt = false;  // EP-A2.8 item 7, EP-20.1, I-30
  bool earlier_category_4 = false;    // I-31: item 6 reports on earlier category-4 permits
  bool foreign_sending = false;       // EP-39: item 4, the contract or letter the foreign entity sends under
  bool earlier_ict = false;           // I-31: ICT item 4 reports on the special conditions of earlier ICT permits
};

std::vector<DocumentItem> required_documents(SubService sub_service, Category category, const DocumentContext& context);
// The codes of `required` not among `provided`, in list order.
std::vector<std::string> missing_documents(const std::vector<DocumentItem>& required,
                                           const std::set<std::string>& provided);
// Every code any list may name (what attach_file accepts).
bool is_listed(SubService sub_service, std::string_view code);

}  // namespace flis::law::ep
