// SE-6 and QT-9: who sits on which Commission. An LEB forms two Commissions with different members —
// the SE Commission assesses qualified foreigners (SE-9, SE-10), the regional quota Commission decides
// the employers' requests (QT-10) — and a member acts only in the one they sit on, and only for the
// LEB (body and region) that formed it. The workflow tables name the member role per command
// (se/se_workflow.cpp, qt/qt_workflow.cpp); this file answers the questions a table cannot: is a user
// listed as present a member of this case's Commission, and who may the portal offer as present.
// Thread-safety: pure functions, apart from check_present, which reads users through the Store port.
#pragma once

#include <string_view>
#include <vector>

#include "cases/ports.h"
#include "cases/records.h"
#include "core/result.h"

namespace flis::cases::commission {

// The role of the members of the Commission that acts on cases of `service`: "SE" → se_commission_member
// (SE-6), "QT" → qt_commission_member (QT-9); empty for a service without a Commission.
std::string_view member_role(std::string_view service);

// The service whose cases the Commission of a member `role` works on ("SE", "QT"); empty for any other
// role. A member sees only those cases of their LEB (cases/access.h), never the LEB's other work.
std::string_view service_of(std::string_view role);

// Does `u` sit on the Commission of `c`: the Commission of the case's act, formed by the case's LEB.
bool sits_on(const UserRecord& u, const CaseRecord& c);

// The members listed as present on the minutes (SE-9) or the decision (QT-9) of `c`: the author among
// them, each one sitting on the case's Commission, none listed twice — a name listed twice would wait
// for a second signature that never comes (issue 9). Invalid, at the field "present":
// "<service>.minutes_author_absent", "<service>.not_a_commission_member" (detail: the user id),
// "validation.duplicate" (detail: the user id); <service> is the case's, in lower case.
Status check_present(Store& store, const CaseRecord& c, const std::vector<std::string>& present, const Actor& author);

}  // namespace flis::cases::commission
