// Everything a handler may use, wired once by app/ and shared by the JSON API and the portal.
// Thread-safety: every member is a thread-safe port or service; the struct itself is immutable.
#pragma once

#include <string>

#include "cases/complaint.h"
#include "cases/external_calls.h"
#include "cases/ports.h"
#include "cases/quota_campaign.h"
#include "cases/self_employment.h"
#include "law/calendar.h"
#include "law/rules.h"

namespace flis::web {

class Auth;

struct AppContext {
  cases::Store& store;
  const cases::Clock& clock;
  const cases::TimeZone& zone;
  cases::Signer& signer;
  const law::WorkingCalendar& calendar;
  const law::RuleBook& rules;  // the rule versions the workflows decide by (data/rules/)
  cases::SelfEmploymentService& se;
  cases::ComplaintService& complaints;
  Auth& auth;
  std::string public_base_url;  // e.g. "http://localhost:8080": printed in QR codes of documents
  bool demo_mode = false;       // enables demo sign-in
  // The quota campaign (QT); null where a context is built without it (its routes then answer 503).
  cases::QuotaCampaignService* quota_campaign = nullptr;
  // Calls to other state systems: stuck calls, retries, "waiting on" (null: routes answer 503).
  cases::ExternalCallService* external_calls = nullptr;
};

}  // namespace flis::web
