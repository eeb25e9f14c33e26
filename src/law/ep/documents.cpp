#include "law/ep/documents.h"

#include <algorithm>

namespace flis::law::ep {

std::vector<DocumentItem> required_documents(SubService sub_service, Category category,
                                             const DocumentContext& context) {
  std::vector<DocumentItem> out;
  switch (sub_service) {
    case SubService::issue:
    case SubService::reissue:  // EP-A2.8: re-issue takes the documents of the categories 1–4 list
      if (category == Category::seasonal) {
        // EP-A2.8 seasonal workers: the worker's identity document (3); the fee proof (4) is not asked at
        // filing (I-26).
        out.push_back({"identity_document", "EP-A2.8 seasonal (3)"});
        break;
      }
      out.push_back({"education_documents", "EP-A2.8 categories 1–4 (3)"});
      if (context.foreign_sending) out.push_back({"foreign_sending_contract", "EP-A2.8 categories 1–4 (4), EP-39"});
      out.push_back({"qualification_letter", "EP-A2.8 categories 1–4 (5)"});
      if (category == Category::category_4 && context.earlier_category_4)
        out.push_back({"replacement_report", "EP-A2.8 categories 1–4 (6), I-31"});
      if (!context.local_content_exempt) out.push_back({"local_content", "EP-A2.8 categories 1–4 (7)"});
      if (category == Category::category_4) out.push_back({"replacement_plan", "EP-A2.8 categories 1–4 (9), EP-14.2"});
      if (context.multi_region) out.push_back({"services_contract_other_region", "EP-A2.8 categories 1–4 (10)"});
      out.push_back({"identity_document", "EP-A2.8 categories 1–4 (12)"});
      break;
    case SubService::extension:
      if (!context.local_content_exempt) out.push_back({"local_content", "EP-A2.8 extension (3)"});
      out.push_back({"identity_document", "EP-A2.8 extension (4)"});
      break;
    case SubService::ict_issue:
      out.push_back({"ict_contract", "EP-A2.8 ICT (2)"});
      out.push_back({"employment_history", "EP-A2.8 ICT (3)"});
      if (context.earlier_ict) out.push_back({"special_conditions_report", "EP-A2.8 ICT (4), EP-80, I-31"});
      out.push_back({"qualification_letter", "EP-A2.8 ICT (5)"});
      out.push_back({"local_content_ict", "EP-A2.8 ICT (7)"});
      out.push_back({"identity_document", "EP-A2.8 ICT (9)"});
      break;
    case SubService::ict_extension:
      out.push_back({"special_conditions_report", "EP-A2.8 ICT extension (2)"});
      out.push_back({"local_content_ict", "EP-A2.8 ICT extension (3)"});
      out.push_back({"extension_justification", "EP-A2.8 ICT extension (4)"});
      out.push_back({"identity_document", "EP-A2.8 ICT extension"});
      break;
    case SubService::reissue_on_change:
      out.push_back({"change_documents", "EP-A2.8 re-issue on changes (2)"});
      break;
  }
  return out;
}

std::vector<std::string> missing_documents(const std::vector<DocumentItem>& required,
                                           const std::set<std::string>& provided) {
  std::vector<std::string> out;
  for (const auto& item : required)
    if (!provided.count(item.code)) out.push_back(item.code);
  return out;
}

bool is_listed(SubService sub_service, std::string_view code) {
  // The widest list of the sub-service: every category and every context.
  DocumentContext widest{true, false, true, true, true};
  for (Category category : {Category::category_1, Category::category_4, Category::seasonal}) {
    const auto items = required_documents(sub_service, category, widest);
    if (std::any_of(items.begin(), items.end(), [&](const DocumentItem& i) { return i.code == code; })) return true;
  }
  return false;
}

}  // namespace flis::law::ep
