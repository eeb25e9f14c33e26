// Who may see what: the one place that decides it (issue 8 item 4). The API, the portal, PDF/XLSX
// downloads and every list ask here; workflows ask here through Workflow::load_visible.
//  * applicants (foreigners, employers): their own cases;
//  * staff of a body (LEB officers and heads): the cases of their body; a member of one of its
//    Commissions only the cases of the act that Commission works on (SE-6, QT-9; cases/commission.h);
//  * the quality authority: the complaints forwarded to it (its body), nothing else (SE-26); the head of the
//    State Corporation: the complaints about its staff (its body, LI-35); the akim's office of a region: the
//    complaints about its LEB's permits to employers (its body, EP-82);
//  * the Ministry: every case (national views, the quota campaign);
//  * the other parties a joint case names in its data ("parties": the employer of a labour immigrant's
//    application, the immigrant of an agreement of intent, the State Corporation office that took it, the
//    police a revocation was sent to);
//  * everyone else (administrators): no case through the case views.
// What an actor may DO on a case they see is the case kind's workflow table (workflow_table.h).
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/records.h"
#include "core/result.h"

namespace flis::cases::access {

bool can_view(const Actor& actor, const CaseRecord& c);
// The other parties `c` names in its data (user ids or body ids), in the order it names them.
std::vector<std::string> parties_of(const CaseRecord& c);
// The cases `actor` may list, as a filter the store applies (own, the body's, every case); forbidden
// "case.role_not_allowed" for a role that lists none. Callers may narrow it further.
Result<CaseFilter> list_scope(const Actor& actor);
// `scope` narrowed to the cases of `service`; nullopt when the scope admits none of them (a Commission
// member's scope is its act's cases: asking for another act's lists nothing and never widens it).
std::optional<CaseFilter> only_service(CaseFilter scope, std::string_view service);
// Whether the role works a queue of cases (the inbox): staff of a body, the quality authority, the head of
// the State Corporation, the Ministry, and the front office and the police (the cases naming them).
bool has_inbox(std::string_view role);

}  // namespace flis::cases::access
