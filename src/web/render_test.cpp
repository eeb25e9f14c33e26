#include "web/render.h"
#include "core/testing/source_dir.h"

#include <gtest/gtest.h>

namespace flis::web::render {
namespace {
namespace json = boost::json;

Templates make(std::map<std::string, std::string, std::less<>> sources) {
  auto t = Templates::from_sources(std::move(sources));
  EXPECT_TRUE(t.ok());
  return t.ok() ? std::move(*t) : Templates{};
}

TEST(Render, ConvertsEveryJsonKind) {
  auto t = make({{"p",
                  "{{s}}|{{i}}|{{d}}|{{#yes}}Y{{/yes}}{{^no}}N{{/no}}{{#nil}}X{{/nil}}|{{#list}}[{{name}}]{{/list}}|"
                  "{{o.k}}|{{#empty}}E{{/empty}}{{empty}}"}});
  json::object view{{"s", "text"},
                    {"i", 42},
                    {"d", 1.5},
                    {"yes", true},
                    {"no", false},
                    {"nil", nullptr},
                    {"list", json::array{json::object{{"name", "a"}}, json::object{{"name", "b"}}}},
                    {"o", json::object{{"k", "nested"}}},
                    {"empty", ""}};
  EXPECT_EQ(*t.render("p", view), "text|42|1.5|YN|[a][b]|nested|");
}

TEST(Render, EscapesDoubleBracesOnly) {
  auto t = make({{"p", "{{v}} {{{v}}}"}});
  EXPECT_EQ(*t.render("p", json::object{{"v", "<a href=\"x\">'&'</a>"}}),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt; <a href=\"x\">'&'</a>");
}

TEST(Render, CyrillicAndKazakhTextPassThrough) {
  auto t = make({{"p", "{{v}}"}});
  EXPECT_EQ(*t.render("p", json::object{{"v", "Өтініш — заявление"}}), "Өтініш — заявление");
}

TEST(Render, PageIsWrappedInLayout) {
  auto t =
      make({{"layout", "<html lang=\"{{lang}}\"><main>{{{content}}}</main></html>"}, {"home", "<h1>{{title}}</h1>"}});
  EXPECT_EQ(*t.render_page("home", json::object{{"lang", "kk"}, {"title", "A&B"}}),
            "<html lang=\"kk\"><main><h1>A&amp;B</h1></main></html>");
}

TEST(Render, PartialsRenderInTheCurrentContext) {
  auto t = make({{"p", "{{#items}}{{> _item}}{{/items}}"}, {"_item", "<li>{{label}}</li>"}});
  EXPECT_EQ(
      *t.render("p", json::object{{"items", json::array{json::object{{"label", "x<"}}, json::object{{"label", "y"}}}}}),
      "<li>x&lt;</li><li>y</li>");
}

TEST(Render, ErrorsAreValues) {
  EXPECT_FALSE(Templates::from_sources({{"bad", "{{#open}} never closed"}}).ok());
  auto t = make({{"p", "x"}});
  auto r = t.render("missing", json::object{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "render.unknown_template");
  EXPECT_FALSE(Templates::load("/nonexistent-dir").ok());
}

TEST(Render, LoadsTheShippedTemplates) {
  auto t = Templates::load(std::string(FLIS_SOURCE_DIR) + "/assets/templates");
  ASSERT_TRUE(t.ok()) << t.error().detail;
  EXPECT_TRUE(t->has("layout"));
  EXPECT_TRUE(t->has("case"));
}

}  // namespace
}  // namespace flis::web::render
