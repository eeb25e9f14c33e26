#include "web/metrics.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

namespace flis::web::metrics {
namespace {

TEST(Metrics, CounterTextFormatWithEscapedLabels) {
  Registry registry;
  auto& requests = registry.counter("flis_http_requests_total", "HTTP requests.", {"route", "method", "status"});
  requests.inc({"/api/v1/cases/{id}", "GET", "200"});
  requests.inc({"/api/v1/cases/{id}", "GET", "200"}, 2);
  requests.inc({"say \"hi\"\\\n", "POST", "400"});
  EXPECT_EQ(registry.render(),
            "# HELP flis_http_requests_total HTTP requests.\n"
            "# TYPE flis_http_requests_total counter\n"
            "flis_http_requests_total{route=\"/api/v1/cases/{id}\",method=\"GET\",status=\"200\"} 3\n"
            "flis_http_requests_total{route=\"say \\\"hi\\\"\\\\\\n\",method=\"POST\",status=\"400\"} 1\n");
}

TEST(Metrics, HistogramBucketsAreCumulativeWithSumAndCount) {
  Registry registry;
  auto& duration = registry.histogram("flis_http_request_duration_seconds", "Latency.", {"route"}, {0.1, 0.5, 1});
  duration.observe({"/healthz"}, 0.05);
  duration.observe({"/healthz"}, 0.1);  // le is inclusive
  duration.observe({"/healthz"}, 0.7);
  duration.observe({"/healthz"}, 3);
  EXPECT_EQ(registry.render(),
            "# HELP flis_http_request_duration_seconds Latency.\n"
            "# TYPE flis_http_request_duration_seconds histogram\n"
            "flis_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.1\"} 2\n"
            "flis_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.5\"} 2\n"
            "flis_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"1\"} 3\n"
            "flis_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 4\n"
            "flis_http_request_duration_seconds_sum{route=\"/healthz\"} 3.85\n"
            "flis_http_request_duration_seconds_count{route=\"/healthz\"} 4\n");
}

TEST(Metrics, GaugeCallbacksRunAtScrapeTimeAndFamiliesAreSorted) {
  Registry registry;
  int scrapes = 0;
  registry.gauge("flis_cases", "Cases by service and state.", {"service", "state"}, [&] {
    ++scrapes;
    return std::vector<GaugeSample>{{{"SE", "registered"}, 4}, {{"EP", "filed"}, 2}};
  });
  registry.gauge("flis_overdue_deadlines", "Overdue deadlines.", {}, [] { return std::vector<GaugeSample>{{{}, 0}}; });
  registry.gauge("flis_broken", "Throws.", {},
                 []() -> std::vector<GaugeSample> { throw std::runtime_error("db down"); });
  registry.counter("flis_a_total", "First by name.");
  const std::string text = registry.render();
  EXPECT_EQ(scrapes, 1);
  EXPECT_EQ(text,
            "# HELP flis_a_total First by name.\n"
            "# TYPE flis_a_total counter\n"
            "# HELP flis_cases Cases by service and state.\n"
            "# TYPE flis_cases gauge\n"
            "flis_cases{service=\"EP\",state=\"filed\"} 2\n"
            "flis_cases{service=\"SE\",state=\"registered\"} 4\n"
            "# HELP flis_overdue_deadlines Overdue deadlines.\n"
            "# TYPE flis_overdue_deadlines gauge\n"
            "flis_overdue_deadlines 0\n");
  registry.render();
  EXPECT_EQ(scrapes, 2);
}

TEST(Metrics, RegistrationIsIdempotentAndConcurrentUpdatesAreCounted) {
  Registry registry;
  auto& first = registry.counter("flis_events_total", "Events.", {"kind"});
  auto& second = registry.counter("flis_events_total", "Events.", {"kind"});
  EXPECT_EQ(&first, &second);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) first.inc({"x"});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(first.value({"x"}), 4000);
}

TEST(Metrics, NumberFormat) {
  EXPECT_EQ(format_number(1), "1");
  EXPECT_EQ(format_number(0.005), "0.005");
  EXPECT_EQ(format_number(1.0 / 0.0), "+Inf");
  EXPECT_EQ(format_number(-1.0 / 0.0), "-Inf");
}

TEST(MetricsDeathTest, ProgrammingErrorsAbort) {
  EXPECT_DEATH(
      {
        Registry registry;
        registry.counter("bad-name", "x");
      },
      "bad metric name");
  EXPECT_DEATH(
      {
        Registry registry;
        registry.counter("flis_x_total", "x", {"a"}).inc({"1", "2"});
      },
      "wrong number");
  EXPECT_DEATH(
      {
        Registry registry;
        registry.counter("flis_x", "x");
        registry.histogram("flis_x", "x");
      },
      "another type");
}

}  // namespace
}  // namespace flis::web::metrics
