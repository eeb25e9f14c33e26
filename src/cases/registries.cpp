#include "cases/registries.h"

#include "cases/registry_codec.h"

namespace flis::cases {

BySubject to_query(const Subject& subject) {
  BySubject q;
  if (const auto* iin = std::get_if<Iin>(&subject))
    q.iin = iin->digits();
  else
    q.bin = std::get<Bin>(subject).digits();
  return q;
}

namespace {
template <class Message, class Endpoint>
OutboxMessage outbox_of(const Message& message, const Endpoint& endpoint, const std::string& case_id) {
  OutboxMessage m;
  m.id = message.request_id;
  m.case_id = case_id;
  m.system = std::string(endpoint.system);
  m.operation = std::string(endpoint.operation);
  m.payload = codec::encode_object(message);
  return m;
}
}  // namespace

OutboxMessage to_outbox(const PoliceAgreementRequest& message) {
  return outbox_of(message, codec::ep::kPoliceAgreementRequest, message.case_id);
}
OutboxMessage to_outbox(const PoliceRevocationNotice& message) {
  return outbox_of(message, codec::ep::kPoliceRevocationNotice, message.case_id);
}
OutboxMessage to_outbox(const ApostilleCheckRequest& message) {
  return outbox_of(message, codec::ep::kApostilleCheckRequest, message.case_id);
}
OutboxMessage to_outbox(const ContactCentreNotification& message) {
  return outbox_of(message, codec::ep::kContactCentreNotification, "");
}
OutboxMessage to_outbox(const FrontOfficeStatus& message) {
  return outbox_of(message, codec::ep::kFrontOfficeStatus, message.case_id);
}

Error registry_not_connected(std::string_view system) {
  return Error::unavailable("gateway.unavailable", std::string(system) + " is not connected (no registry URL)");
}

Result<std::vector<LabourContract>> LabourContractRegistry::contracts_by_individual_employer(const Iin& /*employer*/) {
  return registry_not_connected("labour_contracts");
}

}  // namespace flis::cases
