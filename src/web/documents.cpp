#include "web/documents.h"

#include "cases/case_data.h"

namespace flis::web {
namespace json = boost::json;

namespace {

std::string name_in(const json::object& names, std::string_view locale) {
  for (auto key : {locale, std::string_view("ru")})
    if (auto* v = names.if_contains(key); v && v->is_string() && !v->get_string().empty())
      return std::string(v->get_string());
  return {};
}

}  // namespace

std::string reference_name(cases::Store& store, const std::string& set, const std::string& code,
                           std::string_view locale) {
  // Names for display: the open-ended version if there is one, else any version that ever existed.
  if (auto e = store.find_reference(set, code, Date(2100, 1, 1))) return name_in(e->payload, locale);
  if (auto all = store.reference_set(set))
    for (const auto& e : *all)
      if (e.code == code) return name_in(e.payload, locale);
  return code;
}

docs::LocalizedText localized_names(const json::object& names) { return {name_in(names, "kk"), name_in(names, "ru")}; }

docs::LocalizedText issuing_body(cases::Store& store, const std::string& region, std::optional<Date> on) {
  docs::LocalizedText names{reference_name(store, "region", region, "kk"),
                            reference_name(store, "region", region, "ru")};
  if (on)
    if (auto e = store.find_reference("region", region, *on)) names = localized_names(e->payload);
  return {names.kk + " жергілікті атқарушы органы", "Местный исполнительный орган: " + names.ru};
}

std::string verification_url(const AppContext& ctx, const cases::IssuedDocument& doc) {
  return ctx.public_base_url + "/verify/" + doc.verification_token;
}

}  // namespace flis::web
