#include "app/modules.h"

#include "web/complaint/complaint.h"
#include "web/ep/ep.h"
#include "web/external_calls/external_calls.h"
#include "web/li/li.h"
#include "web/qt/qt.h"
#include "web/rule_notice/rule_notice.h"
#include "web/se/se.h"

namespace flis::app {

const web::ModuleList& modules() {
  static const web::ModuleList list = {
      &web::se::module(),              // self-employment certificates (Order 236 as amended by Order 426)
      &web::qt::module(),              // the yearly quota and its ledger (Order 274)
      &web::ep::module(),              // employer permits (Rules 279 as amended by Order 93)
      &web::li::module(),              // labour-immigrant permits (Order 288 as amended by Order 302) and the pilot
      &web::complaint::module(),       // complaints about decisions (SE-24..SE-28)
      &web::external_calls::module(),  // calls to other state systems, stuck calls and retries
      &web::rule_notice::module(),     // the Ministry's notices of a change of the Rules (EP-2-3, LI-3)
  };
  return list;
}

}  // namespace flis::app
