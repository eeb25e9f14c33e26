// The Ministry's notices of a change of the Rules (EP-2-3, LI-3; cases/rule_notice) in the web layer: the
// JSON API (api.cpp), the page /rule-notices — the Ministry's list with its deadlines and the sending, the
// recipients' list of what they were told — and the recipients' alert above their inbox (pages.cpp).
// module() is what app/modules.cpp lists.
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "cases/rule_notice/rule_notice.h"
#include "web/context.h"
#include "web/module.h"
#include "web/router.h"

namespace flis::web::rule_notice {

const Module& module();

// api.cpp
void register_api(Router& router, AppContext& ctx);
// One notice as the API shows it: the change, its deadline, whether and when it went out (late or not)
// and the contact centre's message with its delivery status.
boost::json::object notice_json(const AppContext& ctx, const cases::CaseRecord& c, const cases::RuleNoticeData& d);
// What the recipients read, worded from data/i18n in `locale` (kk, ru, en): "the rules of <act> changed ...".
std::string summary_text(const Request& req, std::string_view locale, const cases::RuleNoticeData& d);
// The texts of the sending: those the body gives, the rest worded by summary_text.
cases::RuleNoticeSending worded(const Request& req, cases::RuleNoticeSending given, const cases::RuleNoticeData& d);
// Whether `actor` is one the notices are for or by (the Ministry, LEB officers and heads, State Corporation operators).
bool sees_notices(const cases::Actor& actor);

// pages.cpp
void register_pages(Router& router, std::shared_ptr<const portal::Portal> site);
std::vector<Alert> alerts(const Request& req, const AppContext& ctx, const cases::Actor& actor);

}  // namespace flis::web::rule_notice
