// Handler tests of the HTML portal: requests dispatched through the router against a real SQLite store,
// the real workflows, templates and message catalogs.
#include "web/portal/portal.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "cases/complaint/complaint.h"
#include "cases/qt/quota_campaign.h"
#include "cases/se/self_employment.h"
#include "cases/testing/ports.h"
#include "cases/testing/registries.h"
#include "core/testing/requirements.h"
#include "core/testing/source_dir.h"
#include "docs/content_inspector.h"
#include "docs/sample_scan.h"
#include "law/testing/rules.h"
#include "store/testing/test_store.h"
#include "web/api/api.h"
#include "web/auth.h"
#include "web/complaint/complaint.h"
#include "web/external_calls/external_calls.h"
#include "web/qt/qt.h"
#include "web/se/se.h"

namespace flis::web::portal {
namespace {
namespace json = boost::json;

class PortalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::testing::memory_store();
    cases::Ports ports{*store_, clock_, zone_, signer_, calendar_, *rules_, inspector_};
    if (registries_ != nullptr) registries_->connect(ports.registries);
    auth_ = std::make_unique<Auth>(*store_, clock_, true);
    ctx_ = std::make_unique<AppContext>(
        AppContext{*store_, clock_, zone_, signer_, calendar_, *rules_, *auth_, "https://flis.example.kz", true});
    // The modules whose pages these tests open (app/modules.cpp lists them for the real server).
    const ModuleList modules = {&se::module(), &qt::module(), &complaint::module(), &external_calls::module()};
    for (const auto* module : modules) module->wire(ports, ctx_->services);
    ctx_->use_modules(modules);
    auto catalog = i18n::Catalog::load(std::string(FLIS_SOURCE_DIR) + "/data/i18n");
    ASSERT_TRUE(catalog.ok()) << catalog.error().detail;
    catalog_ = std::move(*catalog);
    auto registered = register_portal_routes(router_, *ctx_, {std::string(FLIS_SOURCE_DIR) + "/assets/templates", {}});
    ASSERT_TRUE(registered.ok()) << registered.error().detail;

    auto ref = [&](std::string set, std::string code, json::object payload) {
      ASSERT_TRUE(store_->upsert_reference({set, code, Date(2000, 1, 1), std::nullopt, std::move(payload), true}).ok());
    };
    ref("region", "710000000", {{"kk", "Астана қаласы"}, {"ru", "город Астана"}, {"en", "Astana"}});
    ref("country", "CN", {{"kk", "Қытай"}, {"ru", "Китай"}, {"en", "China"}});
    ref("se_profession", "2.1.1",
        {{"code", "2.1.1"},
         {"kk", "Бағдарламашы"},
         {"ru", "Программист"},
         {"en", "Programmer"},
         {"sector", json::object{{"kk", "Есептеу"}, {"ru", "Вычисления"}, {"en", "Computing"}}}});
    for (const auto& u : std::vector<cases::UserRecord>{
             {"u-chen", "chen", "Chen Wei", "foreigner", "", "", "", "en"},
             {"u-other", "other", "Other Person", "foreigner", "", "", "", "en"},
             {"u-officer", "officer", "Сейткали Жанар", "leb_officer", "leb-710000000", "710000000", "", "kk"},
             {"u-head", "head", "Абдрахманов Ерлан", "leb_head", "leb-710000000", "710000000", "", "kk"},
             {"u-com1", "com1", "Нурланова Айгерим", "se_commission_member", "leb-710000000", "710000000", "", "ru"},
             {"u-com2", "com2", "Ким Дмитрий", "se_commission_member", "leb-710000000", "710000000", "", "ru"},
             {"u-emp", "emp", "ТОО «Алатау Курылыс»", "employer", "", "", "", "en"},
             {"u-ministry", "ministry", "Бекова Динара", "ministry_officer", "ministry", "", "", "en"}})
      ASSERT_TRUE(store_->upsert_user(u).ok());
  }

  struct Session {
    std::string cookie;
    std::string csrf;
  };

  Response send(const std::string& method, const std::string& target, const Session* s = nullptr, std::string body = {},
                std::string content_type = "application/x-www-form-urlencoded", std::string locale = "en",
                const std::map<std::string, std::string>& headers = {}) {
    Request req;
    req.method = method;
    req.target = target;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = *parse_query(target.substr(q + 1));
    req.locale = locale;
    req.catalog = &catalog_;
    req.body = std::move(body);
    if (!req.body.empty()) req.headers.set("Content-Type", content_type);
    if (s) req.cookies[kSessionCookie] = s->cookie;
    for (const auto& [name, value] : headers) {
      if (name == "Cookie")
        req.cookies[value.substr(0, value.find('='))] = value.substr(value.find('=') + 1);
      else
        req.headers.set(name, value);
    }
    return router_.dispatch(req);
  }

  // The sign-in form's token and its cookie "flis_login_csrf=…", as a browser gets them from GET /login.
  std::pair<std::string, std::string> login_form_token() {
    auto page = send("GET", "/login");
    std::smatch m;
    EXPECT_TRUE(std::regex_search(page.body, m, std::regex("name=\"csrf\" value=\"([^\"]+)\"")));
    const std::string set_cookie(page.headers.get("Set-Cookie").value_or(""));
    return {m.size() > 1 ? m[1].str() : std::string(), set_cookie.substr(0, set_cookie.find(';'))};
  }

  Session sign_in(const std::string& login) {
    auto [token, cookie] = login_form_token();
    auto r = send("POST", "/login", nullptr, "login=" + login + "&csrf=" + token, "application/x-www-form-urlencoded",
                  "en", {{"Cookie", cookie}});
    EXPECT_EQ(r.status, 303);
    std::string set_cookie(r.headers.get("Set-Cookie").value_or(""));
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_NE(set_cookie.find("Secure"), std::string::npos);  // the base URL is https
    Session s;
    s.cookie = set_cookie.substr(set_cookie.find('=') + 1, set_cookie.find(';') - set_cookie.find('=') - 1);
    Request probe;
    probe.cookies[kSessionCookie] = s.cookie;
    s.csrf = auth_->csrf_of(probe);
    return s;
  }

  Response post(const std::string& path, const Session& s, const std::string& fields) {
    return send("POST", path, &s, "csrf=" + s.csrf + (fields.empty() ? "" : "&" + fields));
  }

  Response upload(const std::string& case_id, const Session& s, const std::string& doc_type) {
    std::string body;
    auto part = [&](const std::string& headers, const std::string& content) {
      body += "--B0undary\r\n" + headers + "\r\n\r\n" + content + "\r\n";
    };
    part("Content-Disposition: form-data; name=\"csrf\"", s.csrf);
    part("Content-Disposition: form-data; name=\"doc_type\"", doc_type);
    part("Content-Disposition: form-data; name=\"file\"; filename=\"" + doc_type +
             ".pdf\"\r\nContent-Type: application/pdf",
         *docs::render_sample_scan(doc_type));
    body += "--B0undary--\r\n";
    return send("POST", "/cases/" + case_id + "/files", &s, body, "multipart/form-data; boundary=B0undary");
  }

  static std::string location(const Response& r) { return std::string(r.headers.get("Location").value_or("")); }

  cases::testing::MovableClock clock_{cases::testing::at("2026-03-10T09:00:00+05:00")};
  cases::testing::KazakhstanZone zone_;
  law::WorkingCalendar calendar_ = law::WorkingCalendar::kazakhstan();
  std::unique_ptr<cases::Store> store_;
  cases::testing::FakeSigner signer_;
  docs::ContentInspector inspector_;
  std::unique_ptr<Auth> auth_;
  std::unique_ptr<AppContext> ctx_;
  i18n::Catalog catalog_;
  Router router_;
  // The control bodies' registries (F-QR1) when a fixture connects them before SetUp; none by default.
  cases::testing::FakeViolationRegistries* registries_ = nullptr;
  // The rule versions, when a fixture sets others before SetUp; data/rules by default.
  const law::RuleBook* rules_ = &law::testing::rule_book();
};

// The OpenAPI document is built from the same module list as the routes; a route added without its
// operation, or an operation whose route is gone, fails here.
TEST_F(PortalTest, EveryApiRouteIsInOpenApiAndEveryOperationHasItsRoute) {
  Router api_router;
  api::register_api_routes(api_router, *ctx_);
  const auto document = api::openapi_document(ctx_->modules);
  const auto& paths = document.at("paths").as_object();
  // Every operation is in the document once, and is routed (by its own pattern, or by `route`).
  std::vector<ApiOperation> operations = api::shared_operations();
  for (const auto* module : ctx_->modules)
    for (auto& op : module->operations()) operations.push_back(std::move(op));
  std::set<std::pair<std::string, std::string>> routed_by_an_operation;
  for (const auto& op : operations) {
    std::string upper(op.method);
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const std::string pattern = op.route.empty() ? op.path : op.route;
    routed_by_an_operation.emplace(upper, pattern);
    const auto* item = paths.if_contains(op.path);
    EXPECT_TRUE(item && item->as_object().contains(op.method))
        << upper << " " << op.path << " missing from the document";
    if (op.path == "/healthz" || op.path == "/metrics") continue;  // web::Server adds these two itself
    EXPECT_TRUE(api_router.has_route(upper, pattern)) << upper << " " << op.path << " is documented but not routed";
  }
  int api_routes = 0;
  for (const auto& [method, pattern] : api_router.routes()) {
    if (!pattern.starts_with("/api/")) continue;
    ++api_routes;
    EXPECT_TRUE(routed_by_an_operation.count({method, pattern}))
        << method << " " << pattern << " is routed but not in OpenAPI";
  }
  EXPECT_GT(api_routes, 40);
  // Every request body the operations name is a schema of the document.
  const auto& schemas = document.at("components").at("schemas").as_object();
  for (const auto& [path, item] : paths)
    for (const auto& [method, op] : item.as_object())
      if (const auto* body = op.as_object().if_contains("requestBody")) {
        const auto& content = body->at("content").as_object();
        if (const auto* json_body = content.if_contains("application/json")) {
          std::string ref(json_body->at("schema").at("$ref").as_string());
          EXPECT_TRUE(schemas.contains(ref.substr(ref.rfind('/') + 1))) << method << " " << path << " " << ref;
        }
      }
}

TEST_F(PortalTest, HomeIsInTheRequestedLanguageAndRemembersIt) {
  auto r = send("GET", "/?lang=kk", nullptr, {}, {}, "kk");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"kk\">"), std::string::npos);
  EXPECT_NE(r.body.find("өзін-өзі жұмыспен қамту үшін біліктілікке сәйкестігі"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#main-content\""), std::string::npos);  // skip link
  EXPECT_NE(std::string(r.headers.get("Set-Cookie").value_or("")).find("lang=kk"), std::string::npos);
}

TEST_F(PortalTest, ImmigrantLanguagesInTheSwitcherWithRussianWhereAPageIsNotTranslated) {
  FLIS_REQUIREMENTS("F-P1");
  auto r = send("GET", "/?lang=uz", nullptr, {}, {}, "uz");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"uz\">"), std::string::npos);
  // Six languages, each named in itself; the chosen one marked.
  for (const auto* name : {"Қазақша", "Русский", "English", "O\u02BBzbekcha", "Тоҷикӣ", "Кыргызча"})
    EXPECT_NE(r.body.find(name), std::string::npos) << name;
  EXPECT_NE(r.body.find("hreflang=\"uz\" aria-current=\"true\""), std::string::npos);
  EXPECT_NE(r.body.find("hreflang=\"ky\""), std::string::npos);
  EXPECT_NE(std::string(r.headers.get("Set-Cookie").value_or("")).find("lang=uz"), std::string::npos);
  // The layout the immigrant sees is Uzbek; the SE home page is not in the immigrant's set: Russian.
  EXPECT_NE(r.body.find("Asosiy menyu"), std::string::npos);
  EXPECT_NE(r.body.find("Davlat xizmatlari bo\u02BByicha yagona aloqa markazi"), std::string::npos);
  EXPECT_NE(r.body.find("Справка о соответствии квалификации иностранца"), std::string::npos);
  // A validation error on a page without Tajik texts: the error summary and message are Tajik.
  auto bad = send("GET", "/self-assessment?calculate=1&experience_years=abc", nullptr, {}, {}, "tg");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("<html lang=\"tg\">"), std::string::npos);
  EXPECT_NE(bad.body.find("Хатогӣ ҳаст"), std::string::npos);
  EXPECT_NE(bad.body.find("Предварительный расчёт баллов"), std::string::npos);
  // The citizenship list names the country in the reader's language (CLDR), not in Russian.
  auto chen = sign_in("chen");
  auto form = send("GET", "/cabinet/new?kind=issue", &chen, {}, {}, "uz");
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find(">Xitoy<"), std::string::npos);
  EXPECT_EQ(form.body.find(">Китай<"), std::string::npos);
  EXPECT_NE(send("GET", "/cabinet/new?kind=issue", &chen, {}, {}, "ky").body.find(">Кытай<"), std::string::npos);
}

TEST_F(PortalTest, SelfAssessmentShowsPointsAndInlineErrors_SE10_SEA29) {
  FLIS_REQUIREMENTS("SE-10", "I-12");
  auto r = send("GET", "/self-assessment?calculate=1&higher_education=1&experience_years=4");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("data-testid=\"points\">7<"), std::string::npos);  // 3 + 4 (SE-10)
  EXPECT_NE(r.body.find("the threshold of 6 is met"), std::string::npos);

  auto bad = send("GET", "/self-assessment?calculate=1&experience_years=abc");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("id=\"f-sa-experience-years-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#f-sa-experience-years\""), std::string::npos);  // error summary link
  EXPECT_NE(bad.body.find("value=\"abc\""), std::string::npos);                    // input kept
}

// A hypothetical SE-A2.9 version raises the threshold from 6 to 7 points from 01.01.2027.
class RaisedThresholdPortalTest : public PortalTest {
 protected:
  void SetUp() override {
    law::RuleVersion seven = *law::testing::rule_book().in_force("SE-A2.9", Date(2026, 12, 31));
    seven.source = "Hypothetical order of 2026";
    seven.effective_from = Date(2027, 1, 1);
    seven.effective_to.reset();
    seven.parameters["threshold"] = std::int64_t{7};
    book_ = law::testing::with_version(law::testing::rule_book(), seven);
    rules_ = &book_;
    PortalTest::SetUp();
  }
  law::RuleBook book_;
};

// F-R6: before filing, the public estimate (the page and the API) reads the rule versions in force today: the
// same 6 points meet the threshold of 6 on 31.12.2026 and fall below the threshold of 7 on 01.01.2027.
TEST_F(RaisedThresholdPortalTest, SelfAssessmentUsesTheVersionsInForceToday) {
  FLIS_REQUIREMENTS("SE-A2.9", "F-R6");
  Router api_router;
  api::register_api_routes(api_router, *ctx_);
  auto estimate = [&] {
    Request req;
    req.method = "POST";
    req.target = req.path = "/api/v1/self-employment/assessment";
    req.locale = "en";
    req.catalog = &catalog_;
    req.body = R"({"higher_education":true,"academic_degree":false,"english_teaching_certificate":true,)"
               R"("experience_years":0})";
    req.headers.set("Content-Type", "application/json");
    auto r = api_router.dispatch(req);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  };
  const std::string page =
      "/self-assessment?calculate=1&higher_education=1&english_teaching_certificate=1"
      "&experience_years=0";  // 3 + 3 points (SE-10)

  struct Day {
    const char* at;
    int threshold;
    bool meets;
    const char* shown;
  };
  for (const Day& day : {Day{"2026-12-31T10:00:00+05:00", 6, true, "6 points — the threshold of 6 is met."},
                         Day{"2027-01-01T10:00:00+05:00", 7, false, "6 points — below the threshold of 7."}}) {
    SCOPED_TRACE(day.at);
    clock_.set(cases::testing::at(day.at));
    auto score = estimate();
    EXPECT_EQ(score.at("points").to_number<int>(), 6);
    EXPECT_EQ(score.at("threshold").to_number<int>(), day.threshold);
    EXPECT_EQ(score.at("meets_threshold").as_bool(), day.meets);
    EXPECT_NE(send("GET", page).body.find(day.shown), std::string::npos);
  }
}

TEST_F(PortalTest, PagesNeedASessionAndFormsNeedTheCsrfToken) {
  auto r = send("GET", "/cabinet");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(location(r), "/login?next=/cabinet");
  auto chen = sign_in("chen");
  auto forged = send("POST", "/cabinet/new", &chen, "csrf=wrong&kind=issue");
  EXPECT_EQ(forged.status, 403);
}

// Login CSRF (issue 9): a cross-site page must not sign a visitor in as someone else.
TEST_F(PortalTest, SignInNeedsTheFormsOwnTokenAndCookieFromThisSite) {
  auto [token, cookie] = login_form_token();
  EXPECT_EQ(cookie.rfind("flis_login_csrf=", 0), 0u);
  const std::string form = "application/x-www-form-urlencoded";
  EXPECT_EQ(send("POST", "/login", nullptr, "login=chen", form).status, 403);
  EXPECT_EQ(send("POST", "/login", nullptr, "login=chen&csrf=" + token, form).status, 403);  // no cookie
  EXPECT_EQ(send("POST", "/login", nullptr, "login=chen&csrf=" + std::string(token.size(), 'x'), form, "en",
                 {{"Cookie", cookie}})
                .status,
            403);
  EXPECT_EQ(send("POST", "/login", nullptr, "login=chen&csrf=" + token, form, "en",
                 {{"Cookie", cookie}, {"Host", "flis.example"}, {"Origin", "https://attacker.example"}})
                .status,
            403);
  EXPECT_EQ(send("POST", "/login", nullptr, "login=chen&csrf=" + token, form, "en",
                 {{"Cookie", cookie}, {"Sec-Fetch-Site", "cross-site"}})
                .status,
            403);
  EXPECT_EQ(send("POST", "/login", nullptr, "login=chen&csrf=" + token, form, "en",
                 {{"Cookie", cookie}, {"Host", "flis.example"}, {"Origin", "https://flis.example"}})
                .status,
            303);
}

TEST_F(PortalTest, WholeIssuePathThroughThePortal_SEA1_SEA28_SE7_SE9_SE10_SE11_SE13_SE5) {
  FLIS_REQUIREMENTS("SE-3", "SE-5", "SE-7", "SE-9", "SE-10", "SE-11", "SE-12", "SE-13", "SE-A1", "SE-A2.3", "SE-A2.8",
                    "I-18");
  auto chen = sign_in("chen");
  const std::string person =
      "region=710000000&profession_code=2.1.1&applicant.full_name=Chen+Wei&applicant.passport_number=EA7788123"
      "&applicant.citizenship=CN&applicant.iin=910823300123&self_assessment.higher_education=1"
      "&self_assessment.academic_degree=1&self_assessment.experience_years=12";
  // SE-A1: a missing required field comes back next to the field, with what was typed.
  auto missing = post("/cabinet/new", chen, "kind=issue&" + person);
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("id=\"f-applicant-phone-error\""), std::string::npos);
  EXPECT_NE(missing.body.find("value=\"EA7788123\""), std::string::npos);

  auto created = post("/cabinet/new", chen, "kind=issue&applicant.phone=%2B7+702+111+22+33&" + person);
  ASSERT_EQ(created.status, 303) << created.body;
  std::smatch m;
  std::string loc = location(created);
  ASSERT_TRUE(std::regex_search(loc, m, std::regex("/cases/(SE-2026-\\d+)")));
  const std::string id = m[1];
  const std::string page = "/cases/" + id;

  // SE-A2.8: the checklist and the upload form while a draft; filing without consent is refused inline.
  auto draft = send("GET", page, &chen);
  EXPECT_EQ(draft.status, 200);
  EXPECT_NE(draft.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  for (const char* doc :
       {"application", "identity_document", "education_documents_translation", "employment_record_copy"}) {
    auto up = upload(id, chen, doc);
    ASSERT_EQ(up.status, 303)
        << doc
        << up.body.substr(up.body.find("error-summary") == std::string::npos ? 0 : up.body.find("error-summary"), 600);
  }
  auto no_consent = post(page + "/file", chen, "");
  EXPECT_EQ(no_consent.status, 400);
  EXPECT_NE(no_consent.body.find("f-file-consent-personal-data-error"), std::string::npos);
  auto filed = post(page + "/file", chen, "consent_personal_data=1");
  ASSERT_EQ(filed.status, 303) << filed.body.substr(filed.body.find("<main"), 1500);

  // Another foreigner cannot see it (an applicant sees only their own cases).
  auto other = sign_in("other");
  EXPECT_EQ(send("GET", page, &other).status, 404);

  auto officer = sign_in("officer");
  auto inbox = send("GET", "/inbox", &officer);
  EXPECT_NE(inbox.body.find(id), std::string::npos);
  ASSERT_EQ(post(page + "/refer", officer, "").status, 303);  // SE-7

  auto com1 = sign_in("com1");
  auto com2 = sign_in("com2");
  ASSERT_EQ(post(page + "/score", com1, "higher_education=1&academic_degree=1&experience_years=12").status, 303);
  ASSERT_EQ(post(page + "/score", com2, "higher_education=1&experience_years=11").status, 303);
  auto scored = send("GET", page, &com1);
  EXPECT_NE(scored.body.find("data-testid=\"my-score\">13<"), std::string::npos);  // 3 + 4 + 6 (SE-10)
  // Only SE-A2.9 grounds are offered (I-18).
  EXPECT_NE(scored.body.find("value=\"score_below_threshold\""), std::string::npos);
  EXPECT_EQ(scored.body.find("value=\"other\""), std::string::npos);
  ASSERT_EQ(
      post(page + "/recommend", com1,
           "present=u-com1&present=u-com2&recommends_issue=1&criteria.higher_education=1&criteria.academic_degree=1"
           "&criteria.experience_years=12")
          .status,
      303);
  ASSERT_EQ(post(page + "/sign-minutes", com1, "").status, 303);  // SE-9
  ASSERT_EQ(post(page + "/sign-minutes", com2, "").status, 303);

  auto head = sign_in("head");
  auto refuse_without_ground = post(page + "/decide", head, "approve=0");
  EXPECT_EQ(refuse_without_ground.status, 400);                      // SE-12
  ASSERT_EQ(post(page + "/decide", head, "approve=1").status, 303);  // SE-11

  auto issued = send("GET", page, &chen);
  EXPECT_NE(issued.body.find("Certificate issued"), std::string::npos);
  EXPECT_NE(issued.body.find("SE-A2.3"), std::string::npos);                     // service due date with its rule
  EXPECT_NE(issued.body.find("Referred to the Commission"), std::string::npos);  // SE-5 timeline
  auto pdf = send("GET", page + "/certificate.pdf", &chen);                      // SE-13
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);

  auto cert = ctx_->services.get<cases::SelfEmploymentService>().certificate_of(*store_->load_case(id));
  ASSERT_TRUE(cert.ok());
  auto verify = send("GET", "/verify/" + cert->verification_token);
  EXPECT_EQ(verify.status, 200);
  EXPECT_NE(verify.body.find("data-testid=\"status\">Valid<"), std::string::npos);
  EXPECT_NE(verify.body.find("Chen Wei"), std::string::npos);
  EXPECT_NE(verify.body.find("Programmer"), std::string::npos);
  EXPECT_EQ(verify.body.find("EA7788123"), std::string::npos);  // no passport
  EXPECT_EQ(verify.body.find(id), std::string::npos);           // no case id
}

// ---- The quota campaign (act QT) ----

class QuotaPortalTest : public PortalTest {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    // 20.09.2026: requests for 2027 are open until 1 October (QT-6).
    clock_.set(std::chrono::sys_days{std::chrono::year{2026} / 9 / 20} + std::chrono::hours{4});
    for (auto [code, en, lf] : {std::tuple{"710000000", "Astana", 800000}, {"750000000", "Almaty", 1200000}}) {
      ASSERT_TRUE(store_
                      ->upsert_reference({"region", code, Date(2000, 1, 1), std::nullopt,
                                          json::object{{"kk", en}, {"ru", en}, {"en", en}}, true})
                      .ok());
      ASSERT_TRUE(store_
                      ->upsert_reference({"labour_force", code, Date(2027, 1, 1), Date(2027, 12, 31),
                                          json::object{{"year", 2027}, {"labour_force", lf}}, true})
                      .ok());
    }
    // QT-9: here com1 and com2 sit on Astana's quota Commission; secom on its SE Commission (SE-6).
    for (const auto& u : std::vector<cases::UserRecord>{
             {"u-com1", "com1", "Нурланова Айгерим", "qt_commission_member", "leb-710000000", "710000000", "", "ru"},
             {"u-com2", "com2", "Ким Дмитрий", "qt_commission_member", "leb-710000000", "710000000", "", "ru"},
             {"u-secom", "secom", "Оспанов Талгат", "se_commission_member", "leb-710000000", "710000000", "", "ru"}})
      ASSERT_TRUE(store_->upsert_user(u).ok());
  }

  static constexpr const char* kRequest =
      "region=710000000&employer.name=Alatau&employer.bin=180340012346&employer.legal_address=Astana%2C+Turan+1"
      "&current_year_count=8&justification=General+contract+17%2F2026"
      "&lines%5B0%5D.category=category_3&lines%5B0%5D.profession=Welder&lines%5B0%5D.count=6"
      "&lines%5B2%5D.category=category_4&lines%5B2%5D.profession=Fitter&lines%5B2%5D.count=4";
  const std::string request_id = "QTA1-71-2027-000001";  // the first request for Astana (71) in 2027

  // Files the request, consolidates it and brings it to the Commission (QT-6, QT-7, QT-8).
  void file_and_bring_to_commission() {
    auto emp = sign_in("emp");
    ASSERT_EQ(post("/quota/requests/new", emp, kRequest).status, 303);
    auto officer = sign_in("officer");
    std::string considerations = "year=2027";
    for (auto name : {"regional_demand", "unemployment_forecast", "domestic_labour", "previous_year_effectiveness",
                      "li_regional_demand", "li_unemployment_forecast", "li_previous_year_effectiveness"})
      considerations += std::string("&") + name + "=Considered";
    ASSERT_EQ(post("/quota/region/consolidation", officer, considerations).status, 303);
    ASSERT_EQ(post("/quota/region/commission-submission", officer, "year=2027").status, 303);
  }
};

TEST_F(QuotaPortalTest, EmployerFilesTheQtA1FormWithInlineErrorsAndSeesTheRequest_QT6_QTA1) {
  FLIS_REQUIREMENTS("QT-6", "QT-8", "QT-A1", "F-Q4");
  auto emp = sign_in("emp");
  auto cabinet = send("GET", "/quota/requests", &emp);
  ASSERT_EQ(cabinet.status, 200);
  EXPECT_NE(cabinet.body.find("Quota request for 2027"), std::string::npos);
  EXPECT_NE(cabinet.body.find("href=\"/quota/requests\" aria-current=\"page\""), std::string::npos);  // nav
  auto form = send("GET", "/quota/requests/new", &emp);
  ASSERT_EQ(form.status, 200);
  for (int i = 0; i < 5; ++i)  // five fixed rows, no JavaScript
    EXPECT_NE(form.body.find("id=\"f-lines-" + std::to_string(i) + "--profession\""), std::string::npos);

  // A line without its profession: the error names the row typed in, not the n-th filled one.
  auto bad = post("/quota/requests/new", emp,
                  "region=710000000&employer.name=Alatau&employer.bin=180340012346&employer.legal_address=A"
                  "&current_year_count=0&justification=J&lines%5B0%5D.category=category_3"
                  "&lines%5B0%5D.profession=Welder&lines%5B0%5D.count=2"
                  "&lines%5B3%5D.category=category_4&lines%5B3%5D.count=1");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("href=\"#f-lines-3--profession\""), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"f-lines-3--profession-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"Welder\""), std::string::npos);  // typed values kept

  auto filed = post("/quota/requests/new", emp, kRequest);
  ASSERT_EQ(filed.status, 303);
  EXPECT_EQ(location(filed), "/quota/requests?done=filed#req-" + request_id);
  auto list = send("GET", "/quota/requests?done=filed", &emp);
  EXPECT_NE(list.body.find("Your request is filed"), std::string::npos);
  EXPECT_NE(list.body.find(request_id), std::string::npos);
  EXPECT_NE(list.body.find("Filed, with the LEB"), std::string::npos);
  EXPECT_NE(list.body.find("QT-8"), std::string::npos);     // the next step's deadline with its rule
  auto again = post("/quota/requests/new", emp, kRequest);  // F-Q4: one per region and year
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("already filed a request"), std::string::npos);

  // QT-6: after the date, the form says why.
  clock_.set(std::chrono::sys_days{std::chrono::year{2026} / 10 / 5} + std::chrono::hours{4});
  emp = sign_in("emp");
  auto late = post("/quota/requests/new", emp, std::string(kRequest) + "&x=1");
  EXPECT_EQ(late.status, 422);
  EXPECT_NE(late.body.find("QT-6 date"), std::string::npos);

  auto foreigner = sign_in("chen");
  EXPECT_EQ(send("GET", "/quota/requests", &foreigner).status, 403);
  EXPECT_EQ(send("GET", "/quota/ministry", &foreigner).status, 403);
}

TEST_F(QuotaPortalTest, CommissionDecidesOnlyOnQt10GroundsAndTheEmployerSeesTheReason_QT7_QT8_QT9_QT10_QT11_FQR1) {
  FLIS_REQUIREMENTS("QT-7", "QT-10", "QT-11", "I-18", "F-Q6", "F-QR1");
  file_and_bring_to_commission();
  auto com1 = sign_in("com1");
  auto page = send("GET", "/quota/region?year=2027", &com1);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("QT-7(1) Regional labour demand"), std::string::npos);  // the considerations
  // QT-10 (I-18): the ground select offers the three grounds of the act and nothing else.
  const std::string slot = "name=\"grounds[0]\"";
  const auto at = page.body.find(slot);
  ASSERT_NE(at, std::string::npos);
  const std::string select = page.body.substr(at, page.body.find("</select>", at) - at);
  std::size_t options = 0;
  for (auto p = select.find("<option"); p != std::string::npos; p = select.find("<option", p + 1)) ++options;
  EXPECT_EQ(options, 4u);  // "no ground" + QT-10(1), (2), (3)
  for (auto code : {"domestic_labour_available", "permit_violations", "labour_law_violations"})
    EXPECT_NE(select.find(std::string("value=\"") + code + "\""), std::string::npos);
  EXPECT_NE(select.find("QT-10(2)"), std::string::npos);

  const std::string action = "/quota/region/requests/" + request_id + "/decision";
  const std::string form = "f-decide-" + request_id + "-";
  auto no_ground = post(action, com1, "year=2027&accepted%5B0%5D=4&accepted%5B1%5D=4&present=u-com1");
  EXPECT_EQ(no_ground.status, 400);
  EXPECT_NE(no_ground.body.find("id=\"" + form + "grounds-0--error\""), std::string::npos);
  EXPECT_NE(no_ground.body.find("value=\"4\""), std::string::npos);
  auto no_evidence = post(action, com1,
                          "year=2027&accepted%5B0%5D=4&accepted%5B1%5D=4&present=u-com1"
                          "&grounds%5B1%5D=permit_violations");
  EXPECT_EQ(no_evidence.status, 400);  // F-Q6, F-QR1: a registry record picked, on the slot used
  EXPECT_NE(no_evidence.body.find("id=\"" + form + "evidence-1--record-error\""), std::string::npos);
  // F-QR1: no registry is connected here: "could not be checked"; the member may check again.
  EXPECT_NE(page.body.find("could not be checked"), std::string::npos);
  const std::string recheck = "/quota/region/requests/" + request_id + "/registry-check";
  EXPECT_NE(page.body.find(recheck), std::string::npos);
  auto rechecked = post(recheck, com1, "year=2027");
  ASSERT_EQ(rechecked.status, 303);
  EXPECT_EQ(location(rechecked), "/quota/region?year=2027&done=rechecked#req-" + request_id);
  auto decided = post(action, com1,
                      "year=2027&accepted%5B0%5D=4&accepted%5B1%5D=4&present=u-com1&present=u-com2"
                      "&grounds%5B0%5D=domestic_labour_available&evidence%5B0%5D.reference=Forecast+2027"
                      "&evidence%5B0%5D.note=Two+welders+trained+locally&reasons=Partly+covered+locally");
  ASSERT_EQ(decided.status, 303);
  EXPECT_EQ(location(decided), "/quota/region?year=2027&done=decided#req-" + request_id);

  auto officer = sign_in("officer");
  auto leb = send("GET", "/quota/region?year=2027", &officer);
  EXPECT_NE(leb.body.find("/quota/region/requests/" + request_id + "/notice"), std::string::npos);
  EXPECT_NE(leb.body.find("QT-11"), std::string::npos);  // the notice's deadline
  ASSERT_EQ(post("/quota/region/requests/" + request_id + "/notice", officer, "year=2027").status, 303);

  auto emp = sign_in("emp");
  auto list = send("GET", "/quota/requests", &emp);
  EXPECT_NE(list.body.find("Partially rejected"), std::string::npos);
  EXPECT_NE(list.body.find("QT-10(1) — the need can be met by domestic labour"), std::string::npos);
  EXPECT_NE(list.body.find("Two welders trained locally"), std::string::npos);
  EXPECT_NE(list.body.find("Partly covered locally"), std::string::npos);
  EXPECT_NE(list.body.find("Employer informed"), std::string::npos);
}

// QT-10(2), (3), I-18, F-QR1 (issue 8 correction): with the registries connected, the Commission's page
// says why a record does not count — remedied (and when), or no violation of the permit procedure — and
// offers only the records that count to cite.
class QuotaFindingsPortalTest : public QuotaPortalTest {
 protected:
  void SetUp() override {
    const std::string bin = "180340012346";  // the employer of kRequest
    fake_.police = {
        {"МП-2026-00233", bin, "519", Date(2026, 2, 12), Date(2026, 2, 26), "Без разрешения", Date(2026, 4, 15)},
        {"МП-2026-00611", bin, "518", Date(2026, 5, 6), Date(2026, 5, 20), "Не уведомил", std::nullopt},
        {"МП-2026-00700", bin, "519", Date(2026, 6, 1), Date(2026, 6, 10), "Без разрешения", std::nullopt}};
    registries_ = &fake_;
    QuotaPortalTest::SetUp();
  }
  cases::testing::FakeViolationRegistries fake_;
};

TEST_F(QuotaFindingsPortalTest, FindingsSayWhyARecordDoesNotCount_QT10_FQR1) {
  FLIS_REQUIREMENTS("QT-10", "I-18", "F-QR1");
  file_and_bring_to_commission();
  auto com1 = sign_in("com1");
  auto page = send("GET", "/quota/region?year=2027", &com1);
  ASSERT_EQ(page.status, 200);
  auto item = [&](const std::string& reference) {
    const auto at = page.body.find(reference + ", ");
    return at == std::string::npos ? std::string() : page.body.substr(at, page.body.find("</li>", at) - at);
  };
  const std::string remedied = item("МП-2026-00233");
  EXPECT_NE(remedied.find("remedied on 15.04.2026: no longer a ground"), std::string::npos) << remedied;
  EXPECT_NE(remedied.find("QT-10(2), F-QR1"), std::string::npos) << remedied;
  const std::string other = item("МП-2026-00611");
  EXPECT_NE(other.find("not a violation of the permit procedure nor of labour law"), std::string::npos) << other;
  EXPECT_NE(other.find("QT-10, I-18, F-QR1"), std::string::npos) << other;
  const std::string counts = item("МП-2026-00700");
  EXPECT_NE(counts.find("<strong>QT-10(2)</strong>"), std::string::npos) << counts;
  // The record select of the decision offers the record that counts, not the two that do not.
  EXPECT_NE(page.body.find("value=\"migration_police/МП-2026-00700\""), std::string::npos);
  EXPECT_EQ(page.body.find("value=\"migration_police/МП-2026-00233\""), std::string::npos);
  EXPECT_EQ(page.body.find("value=\"migration_police/МП-2026-00611\""), std::string::npos);
}

// QT-9, SE-6: the quota Commission's page and decision are its members' only; a member of the same LEB's
// SE Commission is refused, is not offered as present, and may not be listed as present.
TEST_F(QuotaPortalTest, OnlyTheQuotaCommissionDecidesAndListsItsOwnMembers_QT9_SE6) {
  FLIS_REQUIREMENTS("QT-9", "SE-6");
  file_and_bring_to_commission();
  const std::string action = "/quota/region/requests/" + request_id + "/decision";
  auto secom = sign_in("secom");
  EXPECT_EQ(send("GET", "/quota/region?year=2027", &secom).status, 403);
  EXPECT_EQ(post(action, secom, "year=2027&accepted%5B0%5D=6&accepted%5B1%5D=4&present=u-secom").status, 403);
  auto com1 = sign_in("com1");
  auto page = send("GET", "/quota/region?year=2027", &com1);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("value=\"u-com2\""), std::string::npos);
  EXPECT_EQ(page.body.find("value=\"u-secom\""), std::string::npos);
  auto listed = post(action, com1, "year=2027&accepted%5B0%5D=6&accepted%5B1%5D=4&present=u-com1&present=u-secom");
  EXPECT_EQ(listed.status, 400);
  auto twice = post(action, com1, "year=2027&accepted%5B0%5D=6&accepted%5B1%5D=4&present=u-com1&present=u-com1");
  EXPECT_EQ(twice.status, 400);
  EXPECT_NE(twice.body.find("listed only once"), std::string::npos);
  EXPECT_EQ(post(action, com1, "year=2027&accepted%5B0%5D=6&accepted%5B1%5D=4&present=u-com1&present=u-com2").status,
            303);
}

TEST_F(QuotaPortalTest, MinistryTriesPercentagesDistributesPublishesAndRedistributes_QT18_QT19_QT20_QT21) {
  FLIS_REQUIREMENTS("QT-4", "QT-18", "QT-19", "QT-20", "QT-21", "F-Q7");
  file_and_bring_to_commission();
  auto com1 = sign_in("com1");
  ASSERT_EQ(post("/quota/region/requests/" + request_id + "/decision", com1,
                 "year=2027&accepted%5B0%5D=6&accepted%5B1%5D=4&present=u-com1")
                .status,
            303);
  auto officer = sign_in("officer");
  ASSERT_EQ(post("/quota/region/ministry-submission", officer,
                 "year=2027&li_current_year_count=10&li_need=20&li_justification=Demand")
                .status,
            303);  // QT-12, QT-16, QT-A2, QT-A3

  auto ministry = sign_in("ministry");
  auto bad = send("GET", "/quota/ministry?year=2027&employer_percent=abc&labour_immigrant_percent=0.1", &ministry);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("id=\"f-whatif-employer-percent-error\""), std::string::npos);
  auto what_if = send("GET", "/quota/ministry?year=2027&employer_percent=0.25&labour_immigrant_percent=0.1", &ministry);
  ASSERT_EQ(what_if.status, 200);
  EXPECT_NE(what_if.body.find("data-testid=\"qt-formation\""), std::string::npos);
  // Astana: 0.25 % of 800 000 = 2 000 ≥ the 6 + 4 requested, so each category gets its request.
  EXPECT_NE(what_if.body.find("<th scope=\"row\">Astana</th><td>Category 3 (specialists)</td><td>6</td><td>6"),
            std::string::npos);
  EXPECT_EQ(store_->load_case("QT-2027").error().kind, Error::Kind::not_found);  // what-if saves nothing

  ASSERT_EQ(
      post("/quota/ministry/distribution", ministry, "year=2027&employer_percent=0.25&labour_immigrant_percent=0.1")
          .status,
      303);
  ASSERT_EQ(post("/quota/ministry/publication", ministry, "year=2027").status, 303);
  auto same = post("/quota/ministry/redistributions", ministry,
                   "year=2027&from_region=710000000&to_region=710000000&kind=category_3&units=2"
                   "&proposed_by=LEB&reasons=R");
  EXPECT_EQ(same.status, 400);
  EXPECT_NE(same.body.find("Choose two different regions"), std::string::npos);
  ASSERT_EQ(post("/quota/ministry/redistributions", ministry,
                 "year=2027&from_region=710000000&to_region=750000000&kind=category_3&units=2"
                 "&proposed_by=Almaty+LEB&reasons=Construction+peak")
                .status,
            303);
  auto page = send("GET", "/quota/ministry?year=2027", &ministry);
  EXPECT_NE(page.body.find("Quota redistributed"), std::string::npos);  // the audit trail
  EXPECT_NE(page.body.find("QT-21"), std::string::npos);
  EXPECT_NE(page.body.find("Construction peak"), std::string::npos);

  auto pub = send("GET", "/quota/decision/2027");  // public, no session
  ASSERT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find("href=\"/api/v1/quota/2027/decision.csv\""), std::string::npos);
  EXPECT_NE(pub.body.find("href=\"/api/v1/quota/2027/decision.json\""), std::string::npos);
  EXPECT_NE(pub.body.find("<th scope=\"row\">Astana</th><td>Category 3 (specialists)</td><td>6</td><td>4"),
            std::string::npos);
  EXPECT_NE(send("GET", "/quota/decision").body.find("href=\"/quota/decision/2027\""), std::string::npos);
  EXPECT_EQ(send("GET", "/quota/decision/2030").status, 404);
}

// The main navigation of a page (layout.mustache), to tell its links from links in the page.
std::string main_nav(const std::string& html) {
  const auto from = html.find("<nav class=\"flis-nav\"");
  if (from == std::string::npos) return {};
  return html.substr(from, html.find("</nav>", from) - from);
}

TEST_F(QuotaPortalTest, TheQuotaIsInTheNavigationOncePerRole_QT19_I14_I17) {
  auto links = [&](const Session* s, const std::string& page) { return main_nav(send("GET", page, s).body); };
  auto has = [](const std::string& nav, const std::string& href) {
    return nav.find("href=\"" + href + "\"") != std::string::npos;
  };
  const auto visitor = links(nullptr, "/");  // the public: the live balance and the published decisions
  EXPECT_TRUE(has(visitor, "/quota"));
  EXPECT_TRUE(has(visitor, "/quota/decision"));
  EXPECT_NE(visitor.find("Quota balance"), std::string::npos);
  EXPECT_NE(visitor.find("Published quota decisions"), std::string::npos);
  EXPECT_FALSE(has(visitor, "/quota/requests"));

  auto emp = sign_in("emp");  // an employer: their requests and what is left for them (I-14)
  const auto employer = links(&emp, "/quota");
  EXPECT_TRUE(has(employer, "/quota/requests"));
  EXPECT_NE(employer.find("href=\"/quota\" aria-current=\"page\""), std::string::npos);
  EXPECT_FALSE(has(employer, "/quota/decision"));
  EXPECT_FALSE(has(employer, "/quota/region"));

  auto officer = sign_in("officer");  // the LEB and its Commission: the region's campaign
  const auto leb = links(&officer, "/quota/region?year=2027");
  EXPECT_TRUE(has(leb, "/quota/region"));
  EXPECT_FALSE(has(leb, "/quota"));
  EXPECT_FALSE(has(leb, "/quota/ministry"));
  auto com1 = sign_in("com1");
  EXPECT_TRUE(has(links(&com1, "/"), "/quota/region"));

  auto ministry = sign_in("ministry");  // the Ministry: the whole campaign
  const auto page = send("GET", "/quota/ministry?year=2027", &ministry);
  EXPECT_TRUE(has(main_nav(page.body), "/quota/ministry"));
  EXPECT_FALSE(has(main_nav(page.body), "/quota/region"));
  EXPECT_FALSE(has(main_nav(page.body), "/quota"));
  // The pages still lead to the public ones, and every old address still answers.
  EXPECT_NE(page.body.find("href=\"/quota/decision\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/quota\""), std::string::npos);
  EXPECT_EQ(send("GET", "/quota", &ministry).status, 200);
  EXPECT_EQ(send("GET", "/quota/decision", &officer).status, 200);
  EXPECT_NE(send("GET", "/quota").body.find("href=\"/quota/decision\""), std::string::npos);
}

TEST_F(QuotaPortalTest, MinistryRecordsACentralBodysProposalWithErrorsAtTheField_QT13_FQ5) {
  FLIS_REQUIREMENTS("QT-13", "QT-18", "F-Q5");
  auto ministry = sign_in("ministry");
  auto page = send("GET", "/quota/ministry?year=2027", &ministry);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("action=\"/quota/ministry/proposals\""), std::string::npos);
  EXPECT_NE(page.body.find("No proposal of a central state body is recorded yet."), std::string::npos);
  EXPECT_NE(page.body.find("name=\"agreed_with_leb\" value=\"yes\""), std::string::npos);

  const std::string proposal =
      "year=2027&body=Ministry+of+Energy&region=710000000&justification=Forecast+2027%3A+two+new+plants"
      "&lines%5B0%5D.category=category_3&lines%5B0%5D.profession=Turbine+engineer&lines%5B0%5D.count=5";
  // QT-13: not agreed with the LEB — the error sits at the checkbox, and what was typed stays.
  auto not_agreed = post("/quota/ministry/proposals", ministry, proposal);
  EXPECT_EQ(not_agreed.status, 400);
  EXPECT_NE(not_agreed.body.find("id=\"f-proposal-agreed-with-leb-error\""), std::string::npos);
  EXPECT_NE(not_agreed.body.find("href=\"#f-proposal-agreed-with-leb\""), std::string::npos);  // the summary
  EXPECT_NE(not_agreed.body.find("agreed with the LEB concerned"), std::string::npos);
  EXPECT_NE(not_agreed.body.find("value=\"Ministry of Energy\""), std::string::npos);
  // In Kazakh and Russian too.
  auto kk = send("POST", "/quota/ministry/proposals", &ministry, "csrf=" + ministry.csrf + "&" + proposal,
                 "application/x-www-form-urlencoded", "kk");
  EXPECT_NE(kk.body.find("id=\"f-proposal-agreed-with-leb-error\""), std::string::npos);
  EXPECT_NE(kk.body.find(catalog_.text("kk", "qt.proposal_not_agreed")), std::string::npos);
  auto ru = send("POST", "/quota/ministry/proposals", &ministry, "csrf=" + ministry.csrf + "&year=2027",
                 "application/x-www-form-urlencoded", "ru");
  EXPECT_NE(ru.body.find("id=\"f-proposal-body-error\""), std::string::npos);  // the body is required
  EXPECT_NE(ru.body.find("Центральный государственный орган"), std::string::npos);
  // A line without its profession: the error names the row typed in (the third).
  auto no_profession = post("/quota/ministry/proposals", ministry,
                            proposal + "&agreed_with_leb=yes&lines%5B2%5D.category=seasonal&lines%5B2%5D.count=9");
  EXPECT_EQ(no_profession.status, 400);
  EXPECT_NE(no_profession.body.find("id=\"f-proposal-lines-2--profession-error\""), std::string::npos);
  EXPECT_NE(no_profession.body.find("checked"), std::string::npos);  // the tick stays

  auto recorded = post("/quota/ministry/proposals", ministry, proposal + "&agreed_with_leb=yes");
  ASSERT_EQ(recorded.status, 303);
  EXPECT_EQ(location(recorded), "/quota/ministry?year=2027&done=proposed");
  auto list = send("GET", "/quota/ministry?year=2027&done=proposed", &ministry);
  EXPECT_NE(list.body.find("The central body&apos;s proposal is recorded."), std::string::npos);
  EXPECT_NE(list.body.find("data-testid=\"qt-proposals\""), std::string::npos);
  EXPECT_NE(list.body.find("<th scope=\"row\">Ministry of Energy</th><td>Astana</td>"), std::string::npos);
  EXPECT_NE(list.body.find("Category 3 (specialists): Turbine engineer — 5"), std::string::npos);
  EXPECT_EQ(list.body.find("data-testid=\"qt-proposal-late\""), std::string::npos);  // before 1 November

  // After 1 November a proposal is recorded, and marked late.
  clock_.set(std::chrono::sys_days{std::chrono::year{2026} / 11 / 3} + std::chrono::hours{4});
  ministry = sign_in("ministry");  // the session of September has expired
  ASSERT_EQ(post("/quota/ministry/proposals", ministry,
                 "year=2027&body=Ministry+of+Health&region=750000000&agreed_with_leb=yes&justification=Clinics"
                 "&lines%5B0%5D.category=category_2&lines%5B0%5D.profession=Chief+physician&lines%5B0%5D.count=2")
                .status,
            303);
  auto late = send("GET", "/quota/ministry?year=2027", &ministry);
  EXPECT_NE(late.body.find("data-testid=\"qt-proposal-late\">done late (QT-13)"), std::string::npos);
  // QT-18: the proposals count in the what-if.
  auto what_if = send("GET", "/quota/ministry?year=2027&employer_percent=0.25&labour_immigrant_percent=0.1", &ministry);
  EXPECT_NE(what_if.body.find("<th scope=\"row\">Astana</th><td>Category 3 (specialists)</td><td>5</td><td>5"),
            std::string::npos);
}

TEST_F(QuotaPortalTest, WhatIfTakesARegionsOwnPercentageAndCarriesItToTheDistribution_QT18_QT4) {
  FLIS_REQUIREMENTS("QT-4", "QT-18", "F-Q8");
  auto ministry = sign_in("ministry");
  auto page = send("GET", "/quota/ministry?year=2027", &ministry);
  EXPECT_NE(page.body.find("data-testid=\"qt-overrides\""), std::string::npos);
  EXPECT_NE(page.body.find("name=\"employer_percent_by_region.710000000\""), std::string::npos);
  EXPECT_NE(page.body.find("name=\"labour_immigrant_percent_by_region.750000000\""), std::string::npos);
  EXPECT_NE(page.body.find("Astana: employers&apos; quota, % of the labour force"), std::string::npos);  // its label
  EXPECT_NE(page.body.find("<details class=\"flis-qt-overrides\"><summary"), std::string::npos);  // folded: optional

  const std::string query = "/quota/ministry?year=2027&employer_percent=0.25&labour_immigrant_percent=0.1";
  auto bad = send("GET", query + "&employer_percent_by_region.710000000=x", &ministry);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("id=\"f-whatif-employer-percent-by-region-710000000-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"x\""), std::string::npos);

  // Astana at 0.5 %: a limit of 4 000 of its 800 000; Almaty, without a limit of its own, could get up to
  // the national ceiling, 0.25 % of the two regions' 2 000 000 = 5 000 (F-Q8).
  auto tried = send(
      "GET",
      query + "&employer_percent_by_region.710000000=0.5&labour_immigrant_percent_by_region.710000000=", &ministry);
  ASSERT_EQ(tried.status, 200);
  EXPECT_NE(tried.body.find("<details class=\"flis-qt-overrides\" open>"), std::string::npos);  // what was tried shows
  EXPECT_NE(tried.body.find("<th scope=\"row\">Astana</th><td>800000</td><td>0.5</td><td>4000</td>"),
            std::string::npos);
  EXPECT_NE(tried.body.find("<th scope=\"row\">Almaty</th><td>1200000</td><td>0.25</td><td>5000</td>"),
            std::string::npos);
  // The approval carries the override, visibly.
  EXPECT_NE(tried.body.find("data-testid=\"qt-overrides-carried\""), std::string::npos);
  EXPECT_NE(tried.body.find("id=\"f-distribute-employer-percent-by-region-710000000\" "
                            "name=\"employer_percent_by_region.710000000\" type=\"text\" value=\"0.5\""),
            std::string::npos);
  EXPECT_EQ(tried.body.find("f-distribute-labour-immigrant-percent-by-region-710000000"), std::string::npos);
  // An error in a carried percentage sits at its field of the distribution form.
  auto refused = post("/quota/ministry/distribution", ministry,
                      "year=2027&employer_percent=0.25&labour_immigrant_percent=0.1"
                      "&employer_percent_by_region.710000000=200");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("id=\"f-distribute-employer-percent-by-region-710000000-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#f-distribute-employer-percent-by-region-710000000\""), std::string::npos);
  ASSERT_EQ(post("/quota/ministry/distribution", ministry,
                 "year=2027&employer_percent=0.25&labour_immigrant_percent=0.1"
                 "&employer_percent_by_region.710000000=0.5")
                .status,
            303);
  auto campaign = store_->load_case("QT-2027");
  ASSERT_TRUE(campaign.ok());
  EXPECT_NE(json::serialize(campaign->data).find("\"employer_ceiling\":4000"), std::string::npos);
  // The distributed campaign says which regions had their own percentage.
  auto distributed = send("GET", "/quota/ministry?year=2027", &ministry);
  EXPECT_NE(distributed.body.find("data-testid=\"qt-own-percentages\"><li>Astana: employers&apos; quota, % of the "
                                  "labour force: 0.5</li></ul>"),
            std::string::npos);
}

TEST_F(QuotaPortalTest, FormsToDownloadAreLinkedWithTheirNameAndFormat_QTA1_QTA2_QTA3_QTA4) {
  FLIS_REQUIREMENTS("QT-12", "QT-A1", "QT-A2", "QT-A3", "QT-A4");
  file_and_bring_to_commission();
  auto emp = sign_in("emp");
  const std::string a1 = "/api/v1/quota/requests/" + request_id + "/qt-a1";
  auto mine = send("GET", "/quota/requests", &emp);
  EXPECT_NE(mine.body.find("href=\"" + a1 + ".pdf\" type=\"application/pdf\""), std::string::npos);
  EXPECT_NE(mine.body.find("QT-A1 (PDF)<span class=\"usa-sr-only\"> — " + request_id + "</span>"), std::string::npos);
  EXPECT_NE(mine.body.find("href=\"" + a1 + ".xlsx\""), std::string::npos);
  EXPECT_NE(mine.body.find("QT-A1 (XLSX)"), std::string::npos);

  auto com1 = sign_in("com1");
  ASSERT_EQ(post("/quota/region/requests/" + request_id + "/decision", com1,
                 "year=2027&accepted%5B0%5D=6&accepted%5B1%5D=4&present=u-com1")
                .status,
            303);
  auto officer = sign_in("officer");
  const std::string regional = "/api/v1/quota/2027/regions/710000000/";
  auto before = send("GET", "/quota/region?year=2027", &officer);
  EXPECT_NE(before.body.find("href=\"" + a1 + ".pdf\""), std::string::npos);  // the LEB's copy of QT-A1
  EXPECT_EQ(before.body.find(regional), std::string::npos);                   // nothing to download before QT-12
  ASSERT_EQ(post("/quota/region/ministry-submission", officer,
                 "year=2027&li_current_year_count=10&li_need=20&li_justification=Demand")
                .status,
            303);
  auto region = send("GET", "/quota/region?year=2027", &officer);
  for (const auto* form : {"qt-a2", "qt-a3", "qt-a4"})
    for (const auto* ext : {".pdf", ".xlsx"})
      EXPECT_NE(region.body.find("href=\"" + regional + form + ext + "\""), std::string::npos) << form << ext;
  EXPECT_NE(region.body.find("QT-A3 (XLSX)<span class=\"usa-sr-only\"> — Astana</span>"), std::string::npos);

  auto ministry = sign_in("ministry");
  auto page = send("GET", "/quota/ministry?year=2027", &ministry);
  EXPECT_NE(page.body.find("href=\"" + regional + "qt-a2.pdf\""), std::string::npos);
  EXPECT_NE(page.body.find("QT-A4 (PDF)<span class=\"usa-sr-only\"> — Astana</span>"), std::string::npos);
  EXPECT_EQ(page.body.find("/api/v1/quota/2027/regions/750000000/"), std::string::npos);  // Almaty: not submitted
}

// I-15, LI-4: the region's labour-immigrant quota by district. The fixture distributes 2026's quota to Astana
// and Almaty in the ledger (as the Ministry's distribution does, I-17) and lists two districts of Astana and one
// of Almaty.
class DistrictQuotaPortalTest : public QuotaPortalTest {
 protected:
  void SetUp() override {
    QuotaPortalTest::SetUp();
    for (auto [code, region, en] : {std::tuple{"711210000", "710000000", "Esil District"},
                                    {"711310000", "710000000", "Saryarka District"},
                                    {"751110000", "750000000", "Almaly District"}})
      ASSERT_TRUE(store_
                      ->upsert_reference({"district", code, Date(2024, 1, 1), std::nullopt,
                                          json::object{{"region", region}, {"kk", en}, {"ru", en}, {"en", en}}, true})
                      .ok());
    cases::CaseChange distribution;
    distribution.is_new = true;
    distribution.next.id = "QTD-2026";
    distribution.next.service = "QT";
    distribution.next.kind = "distribution";
    distribution.next.state = "distributed";
    distribution.next.data = json::object{{"year", 2026}};
    distribution.next.created_at = distribution.next.updated_at = clock_.now();
    cases::AuditEvent event;
    event.at = clock_.now();
    event.actor_id = "u-ministry";
    event.actor_role = "ministry_officer";
    event.command = "distribute";
    event.rule_ids = {"QT-20"};
    event.state_after = "distributed";
    distribution.events.push_back(event);
    for (auto [region, units] : {std::pair{"710000000", 100}, {"750000000", 50}}) {
      cases::QuotaOperation op;
      op.kind = cases::QuotaOperation::Kind::allocate;
      op.key = cases::QuotaKey{2026, region, "", "labour_immigrant", ""};
      op.units = units;
      op.rule_ids = {"QT-20"};
      distribution.quota.push_back(op);
    }
    ASSERT_TRUE(store_->commit(distribution).ok());
  }

  // The district table's row `code` is headed `name` and shows `units` allocated.
  static bool allocated(const Response& page, const std::string& code, const std::string& name, int units) {
    return page.body.find("<tr data-district=\"" + code + "\"><th scope=\"row\">" + name +
                          "</th><td class=\"flis-num\">" + std::to_string(units) + "</td>") != std::string::npos;
  }

  static constexpr const char* kGive = "year=2026&district=711210000&direction=give&units=30&reasons=New+housing";
};

TEST_F(DistrictQuotaPortalTest, LebGivesAndTakesBackDistrictQuotaWithErrorsAtTheField_I15_I17_LI4) {
  FLIS_REQUIREMENTS("I-15", "I-17");
  auto officer = sign_in("officer");
  // The region page leads to the district page.
  EXPECT_NE(send("GET", "/quota/region?year=2027", &officer).body.find("href=\"/quota/region/districts\""),
            std::string::npos);
  auto page = send("GET", "/quota/region/districts", &officer);  // the ledger year: 2026
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Labour-immigrant quota by district (I-15), 2026"), std::string::npos);
  EXPECT_TRUE(allocated(page, "711210000", "Esil District", 0));
  EXPECT_TRUE(allocated(page, "region", "Held by the region (not given to districts)", 100));
  EXPECT_NE(page.body.find("action=\"/quota/region/districts\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"711310000\""), std::string::npos);
  EXPECT_EQ(page.body.find("Almaly District"), std::string::npos);  // only the officer's region's districts
  EXPECT_NE(page.body.find("No units have been given to districts this year."), std::string::npos);

  // I-15: 30 units to Esil; the region keeps 70, the total stays 100 (I-17).
  auto given = post("/quota/region/districts", officer, kGive);
  ASSERT_EQ(given.status, 303);
  EXPECT_EQ(location(given), "/quota/region/districts?year=2026&done=district_allocated");
  page = send("GET", "/quota/region/districts?year=2026&done=district_allocated", &officer);
  EXPECT_NE(page.body.find("The district&apos;s labour-immigrant quota is changed."), std::string::npos);
  EXPECT_TRUE(allocated(page, "711210000", "Esil District", 30));
  EXPECT_TRUE(allocated(page, "region", "Held by the region (not given to districts)", 70));
  EXPECT_NE(page.body.find("data-testid=\"qt-district-history\""), std::string::npos);
  EXPECT_NE(page.body.find("<td>Esil District</td><td class=\"flis-num\">+30 <span class=\"flis-muted\">(given)"),
            std::string::npos);
  EXPECT_NE(page.body.find("<td>New housing</td><td>Сейткали Жанар</td>"), std::string::npos);

  // I-17: more than the region has left — the error sits at the units, and what was typed stays.
  auto too_many =
      post("/quota/region/districts", officer, "year=2026&district=711310000&direction=give&units=71&reasons=Too+many");
  EXPECT_EQ(too_many.status, 422);
  EXPECT_NE(too_many.body.find("id=\"f-district-units-error\""), std::string::npos);
  EXPECT_NE(too_many.body.find("href=\"#f-district-units\""), std::string::npos);
  EXPECT_NE(too_many.body.find("The region has not that many units left to give"), std::string::npos);
  EXPECT_NE(too_many.body.find(">Too many</textarea>"), std::string::npos);
  EXPECT_NE(too_many.body.find("value=\"71\""), std::string::npos);
  // Taking back more than the district has unused.
  auto take_back = post("/quota/region/districts", officer,
                        "year=2026&district=711210000&direction=take_back&units=31&reasons=Not+needed");
  EXPECT_EQ(take_back.status, 422);
  EXPECT_NE(take_back.body.find("The district has not that many unused units"), std::string::npos);
  // A district of another region, and no reasons: each error at its field.
  auto other_region =
      post("/quota/region/districts", officer, "year=2026&district=751110000&direction=give&units=5&reasons=Wrong");
  EXPECT_EQ(other_region.status, 400);
  EXPECT_NE(other_region.body.find("id=\"f-district-district-error\""), std::string::npos);
  auto no_reasons = post("/quota/region/districts", officer, "year=2026&district=711210000&direction=give&units=5");
  EXPECT_EQ(no_reasons.status, 400);
  EXPECT_NE(no_reasons.body.find("id=\"f-district-reasons-error\""), std::string::npos);
  auto not_a_number = send("POST", "/quota/region/districts", &officer,
                           "csrf=" + officer.csrf + "&year=2026&district=711210000&direction=give&units=x&reasons=R",
                           "application/x-www-form-urlencoded", "kk");
  EXPECT_EQ(not_a_number.status, 400);
  EXPECT_NE(not_a_number.body.find("id=\"f-district-units-error\""), std::string::npos);
  EXPECT_NE(not_a_number.body.find("Аудандар бойынша еңбек иммигранттарының квотасы (I-15), 2026"), std::string::npos);

  // Taking 10 unused units back: Esil keeps 20, the history shows both moves.
  ASSERT_EQ(post("/quota/region/districts", officer,
                 "year=2026&district=711210000&direction=take_back&units=10&reasons=Lower+demand")
                .status,
            303);
  auto ru = send("GET", "/quota/region/districts?year=2026", &officer, {}, {}, "ru");
  EXPECT_NE(ru.body.find("Квота трудовых иммигрантов по районам (I-15), 2026"), std::string::npos);
  EXPECT_NE(ru.body.find("−10 <span class=\"flis-muted\">(возвращено)"), std::string::npos);
  EXPECT_TRUE(allocated(ru, "711210000", "Esil District", 20));

  // The public balance shows Astana's district right under the region's labour-immigrant row.
  auto pub = send("GET", "/quota?year=2026");
  const auto li = pub.body.find(
      "data-key=\"2026/710000000/labour_immigrant\"><th scope=\"row\">Labour immigrants "
      "— held by the region</th><td class=\"flis-num\">80</td>");
  const auto esil = pub.body.find(
      "data-key=\"2026/710000000/711210000/labour_immigrant\" class=\"flis-quota-district\"><th "
      "scope=\"row\">Labour immigrants — Esil District</th><td class=\"flis-num\">20</td>");
  ASSERT_NE(li, std::string::npos);
  ASSERT_NE(esil, std::string::npos);
  EXPECT_LT(li, esil);
  EXPECT_EQ(pub.body.find("flis-quota-subtotal", li), pub.body.find("flis-quota-subtotal", esil));
}

TEST_F(DistrictQuotaPortalTest, OnlyTheLebSubAllocatesToDistricts_I15_LI4) {
  FLIS_REQUIREMENTS("I-15");
  for (const char* login : {"com1", "emp", "ministry", "chen"}) {
    auto s = sign_in(login);
    EXPECT_EQ(send("GET", "/quota/region/districts", &s).status, 403) << login;
    EXPECT_EQ(post("/quota/region/districts", s, kGive).status, 403) << login;
  }
  auto com1 = sign_in("com1");  // the Commission works on the region page, without the district link
  EXPECT_EQ(send("GET", "/quota/region?year=2027", &com1).body.find("href=\"/quota/region/districts\""),
            std::string::npos);
  EXPECT_EQ(send("GET", "/quota/region/districts").status, 303);  // not signed in: to the sign-in page
  auto head = sign_in("head");                                    // the LEB's head may, as its officer
  EXPECT_EQ(post("/quota/region/districts", head, kGive).status, 303);
  EXPECT_EQ(store_->quota_balances(2026, "710000000")->size(), 2u);
}

}  // namespace
}  // namespace flis::web::portal
