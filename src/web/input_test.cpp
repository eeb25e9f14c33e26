// One input struct, decoded from JSON and from a form by the same rules, and its OpenAPI schema.
#include "web/input.h"

#include <gtest/gtest.h>

#include <map>

#include "core/testing/requirements.h"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

namespace flis::web::input {
namespace {

enum class Kind { issue, extension };
BOOST_DESCRIBE_ENUM(Kind, issue, extension)

struct Person {
  std::string name;
  std::string iin;
  static constexpr FieldRule kFields[] = {{.name = "iin", .required = false, .format = Format::iin}};
};
BOOST_DESCRIBE_STRUCT(Person, (), (name, iin))

struct Command {
  Kind kind = Kind::issue;
  std::string reasons;
  int count = 0;
  bool consent = false;
  std::optional<Date> on;
  std::vector<std::string> present;
  Person person;
  std::string employer_bin;
  static constexpr FieldRule kFields[] = {
      {.name = "reasons", .required = false, .max_length = 10},
      {.name = "count", .minimum = 1, .maximum = 99},
      {.name = "employer_bin", .required = false, .format = Format::bin},
  };
};
BOOST_DESCRIBE_STRUCT(Command, (), (kind, reasons, count, consent, on, present, person, employer_bin))

boost::json::object valid_json() {
  return boost::json::parse(R"({"kind":"extension","reasons":"ok","count":3,"consent":true,"on":"2026-03-02",
                                "present":["u-1","u-2"],"person":{"name":"Chen Wei"}})")
      .as_object();
}

forms::FormData valid_form() {
  forms::FormData f;
  f.add("kind", "extension");
  f.add("reasons", "ok");
  f.add("count", "3");
  f.add("consent", "on");
  f.add("on", "2026-03-02");
  f.add("present", "u-1");
  f.add("present", "u-2");
  f.add("person.name", "Chen Wei");
  return f;
}

TEST(Input, JsonAndFormDecodeToTheSameStruct) {
  auto a = from_json<Command>(valid_json());
  auto b = from_form<Command>(valid_form());
  ASSERT_TRUE(a) << a.error().code << " " << a.error().field;
  ASSERT_TRUE(b) << b.error().code << " " << b.error().field;
  for (const Command* c : {&*a, &*b}) {
    EXPECT_EQ(c->kind, Kind::extension);
    EXPECT_EQ(c->count, 3);
    EXPECT_TRUE(c->consent);
    ASSERT_TRUE(c->on);
    EXPECT_EQ(c->on->iso(), "2026-03-02");
    EXPECT_EQ(c->present, (std::vector<std::string>{"u-1", "u-2"}));
    EXPECT_EQ(c->person.name, "Chen Wei");
    EXPECT_TRUE(c->person.iin.empty());
  }
}

// Each broken field is reported at its path, with the same code from either source.
TEST(Input, ErrorsNameTheFieldAtFault) {
  struct Case {
    const char* key;
    boost::json::value json_value;
    const char* form_value;
    const char* code;
    const char* field;
  };
  const Case cases[] = {
      {"kind", "renewal", "renewal", "validation.choice", "kind"},
      {"reasons", "far too long text", "far too long text", "validation.too_long", "reasons"},
      {"count", 0, "0", "validation.range", "count"},
      {"count", 2.5, "2.5", "validation.type_integer", "count"},
      {"on", "2026-02-30", "2026-02-30", "validation.date", "on"},
      {"employer_bin", "123456789012", "123456789012", "validation.bin", "employer_bin"},
  };
  for (const auto& c : cases) {
    auto json = valid_json();
    json[c.key] = c.json_value;
    auto from_j = from_json<Command>(json);
    ASSERT_FALSE(from_j) << c.key;
    EXPECT_EQ(from_j.error().code, c.code) << c.key;
    EXPECT_EQ(from_j.error().field, c.field) << c.key;

    forms::FormData form;
    const forms::FormData base = valid_form();
    for (const auto& [k, v] : base.fields())
      if (k != c.key) form.add(k, v);
    form.add(c.key, c.form_value);
    auto from_f = from_form<Command>(form);
    ASSERT_FALSE(from_f) << c.key;
    EXPECT_EQ(from_f.error().code, c.code) << c.key;
    EXPECT_EQ(from_f.error().field, c.field) << c.key;
  }
}

TEST(Input, NestedAndMissingAndUnknownFields) {
  auto json = valid_json();
  json["person"].as_object()["iin"] = "000000000001";
  auto bad_iin = from_json<Command>(json);
  ASSERT_FALSE(bad_iin);
  EXPECT_EQ(bad_iin.error().code, "validation.iin");
  EXPECT_EQ(bad_iin.error().field, "person.iin");

  json = valid_json();
  json["person"].as_object().erase("name");
  auto missing = from_json<Command>(json);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "validation.required");
  EXPECT_EQ(missing.error().field, "person.name");

  json = valid_json();
  json["reason"] = "misspelt";
  auto unknown = from_json<Command>(json);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "validation.unknown_field");
  EXPECT_EQ(unknown.error().field, "reason");

  auto form = valid_form();
  forms::FormData without_name;
  for (const auto& [k, v] : form.fields())
    if (k != "person.name") without_name.add(k, v);
  auto missing_form = from_form<Command>(without_name);
  ASSERT_FALSE(missing_form);
  EXPECT_EQ(missing_form.error().field, "person.name");

  EXPECT_EQ(from_json_text<Command>("").error().code, "validation.body_required");
  EXPECT_EQ(from_json_text<Command>("{").error().code, "validation.json");
  EXPECT_EQ(from_json_text<Command>("[]").error().code, "validation.type_object");
}

TEST(Input, AFormCheckboxLeftEmptyIsFalseAndAJsonBooleanIsRequired) {
  forms::FormData form;
  const forms::FormData base = valid_form();
  for (const auto& [k, v] : base.fields())
    if (k != "consent") form.add(k, v);
  auto f = from_form<Command>(form);
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->consent);
  auto json = valid_json();
  json.erase("consent");
  EXPECT_EQ(from_json<Command>(json).error().field, "consent");
}

// A yes/no asked as a radio (named in kFields) must be answered in a form, unlike a checkbox.
struct Verdict {
  bool upheld = false;
  std::string reasons;
  static constexpr FieldRule kFields[] = {{.name = "upheld"}};
};
BOOST_DESCRIBE_STRUCT(Verdict, (), (upheld, reasons))

TEST(Input, ARadioYesNoLeftUnansweredIsAnErrorAtItsField) {
  forms::FormData unanswered;
  unanswered.add("reasons", "r");
  auto missing = from_form<Verdict>(unanswered);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "validation.choice");
  EXPECT_EQ(missing.error().field, "upheld");
  for (auto [text, expected] : {std::pair{"1", true}, {"0", false}}) {
    forms::FormData answered = unanswered;
    answered.add("upheld", text);
    auto v = from_form<Verdict>(answered);
    ASSERT_TRUE(v) << text;
    EXPECT_EQ(v->upheld, expected) << text;
  }
}

struct Measure {
  double years = 0;
  int count = 0;
};
BOOST_DESCRIBE_STRUCT(Measure, (), (years, count))

// Forms in kk and ru write "3,5"; a whole number stays whole, and a comma is no thousands separator.
TEST(Input, AFormNumberMayUseTheDecimalComma) {
  forms::FormData f;
  f.add("years", "3,5");
  f.add("count", "2");
  auto m = from_form<Measure>(f);
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->years, 3.5);
  forms::FormData g;
  g.add("years", "1,000,5");
  g.add("count", "2");
  EXPECT_EQ(from_form<Measure>(g).error().code, "validation.type_number");
  forms::FormData h;
  h.add("years", "3");
  h.add("count", "2,0");
  EXPECT_EQ(from_form<Measure>(h).error().code, "validation.type_integer");
}

// A fraction is taken only when the stored JSON reads back to the same number (Boost.JSON 1.81's parser
// is exact up to 15 significant digits between 1e-6 and 1e15): the fuzzer's 1.1333…E84 once came back
// as 1.1333…1E84.
TEST(Input, AFractionIsTakenOnlyWhenItReadsBackExactly) {
  auto years = [](const std::string& json) {
    auto m = from_json_text<Measure>(R"({"count": 1, "years": )" + json + "}");
    return m ? std::string("ok") : m.error().code + "@" + m.error().field;
  };
  EXPECT_EQ(years("7.5"), "ok");
  EXPECT_EQ(years("0"), "ok");
  EXPECT_EQ(years("0.1"), "ok");
  EXPECT_EQ(years("123456789012345"), "ok");
  EXPECT_EQ(years("1133333333333333333333333333333333333333333333333333333333333333333333333333333333333"),
            "validation.number_precision@years");
  EXPECT_EQ(years("0.0000001"), "validation.number_precision@years");
  EXPECT_EQ(years("1.2345678901234567"), "validation.number_precision@years");
  forms::FormData f;
  f.add("years", "1e300");
  f.add("count", "2");
  EXPECT_EQ(from_form<Measure>(f).error().code, "validation.number_precision");
}

struct Row {
  std::string what;
  int count = 0;
  static constexpr FieldRule kFields[] = {{.name = "count", .minimum = 1, .maximum = 99}};
};
BOOST_DESCRIBE_STRUCT(Row, (), (what, count))

struct Table {
  std::vector<Row> rows;
  std::map<std::string, std::string> by_region;
  static constexpr FieldRule kFields[] = {{.name = "by_region", .max_length = 4}};
};
BOOST_DESCRIBE_STRUCT(Table, (), (rows, by_region))

// A form offers a fixed number of rows: empty ones are skipped and an error names the row as the form
// numbers it; a map is the fields "<member>.<key>". JSON gives the same struct (QT-A1 lines, QT-18
// percentages by region).
TEST(Input, FormRowsAndMapsDecodeAsTheirJson) {
  FLIS_REQUIREMENTS("QT-A1", "QT-18");
  forms::FormData f;
  for (auto [k, v] : {std::pair{"rows[0].what", "a"},
                      {"rows[0].count", "2"},
                      {"rows[1].what", ""},
                      {"rows[1].count", ""},
                      {"rows[3].what", "b"},
                      {"rows[3].count", "5"},
                      {"by_region.750000000", "0.3"},
                      {"by_region.710000000", ""}})
    f.add(k, v);
  auto t = from_form<Table>(f);
  ASSERT_TRUE(t) << t.error().code << " " << t.error().field;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1].what, "b");
  EXPECT_EQ(t->rows[1].count, 5);
  EXPECT_EQ(t->by_region, (std::map<std::string, std::string>{{"750000000", "0.3"}}));
  auto j = from_json<Table>(boost::json::parse(R"({"rows":[{"what":"a","count":2},{"what":"b","count":5}],
      "by_region":{"750000000":"0.3"}})")
                                .as_object());
  ASSERT_TRUE(j);
  EXPECT_EQ(j->rows[1].count, t->rows[1].count);
  EXPECT_EQ(j->by_region, t->by_region);

  f.add("rows[4].what", "c");  // no count in the fifth row
  EXPECT_EQ(from_form<Table>(f).error().field, "rows[4].count");
  forms::FormData too_long;
  too_long.add("by_region.750000000", "12345");
  EXPECT_EQ(from_form<Table>(too_long).error().field, "by_region.750000000");
  const auto schema = input::schema<Table>();
  EXPECT_EQ(schema.at("properties").at("by_region").at("type").as_string(), "object");
  EXPECT_EQ(schema.at("properties").at("rows").at("items").at("properties").at("count").at("minimum").as_double(), 1);
}

TEST(Input, SchemaIsProducedFromTheSameDescription) {
  auto s = schema<Command>();
  EXPECT_EQ(s.at("additionalProperties"), false);
  const auto& p = s.at("properties").as_object();
  EXPECT_EQ(p.at("kind").at("enum"), boost::json::parse(R"(["issue","extension"])"));
  EXPECT_EQ(p.at("reasons").at("maxLength").to_number<int>(), 10);
  EXPECT_EQ(p.at("count").at("type"), "integer");
  EXPECT_EQ(p.at("count").at("minimum").to_number<int>(), 1);
  EXPECT_EQ(p.at("on").at("format"), "date");
  EXPECT_EQ(p.at("present").at("type"), "array");
  EXPECT_EQ(p.at("person").at("properties").at("iin").at("format"), "iin");
  EXPECT_EQ(p.at("employer_bin").at("format"), "bin");
  // Required: what may not be absent — not the optional date, the list, or the texts that may be empty.
  EXPECT_EQ(s.at("required"), boost::json::parse(R"(["kind","count","consent","person"])"));
}

}  // namespace
}  // namespace flis::web::input
