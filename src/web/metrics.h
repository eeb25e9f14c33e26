// A small Prometheus metrics registry: labelled counters and histograms, plus gauges computed by
// callbacks at scrape time, rendered in the text exposition format 0.0.4.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace flis::web::metrics {

inline constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

// Label values in the order of the family's label names.
using LabelValues = std::vector<std::string>;

// A counter family. Thread-safety: all methods may be called concurrently.
class Counter {
 public:
  Counter(std::string name, std::string help, std::vector<std::string> label_names);
  // Aborts if the number of values differs from the number of label names (a programming error).
  void inc(const LabelValues& labels, double amount = 1.0);
  double value(const LabelValues& labels) const;
  void render(std::string& out) const;
  const std::vector<std::string>& label_names() const { return label_names_; }

 private:
  const std::string name_, help_;
  const std::vector<std::string> label_names_;
  mutable std::mutex mu_;
  std::map<LabelValues, double> values_;
};

// A histogram family with fixed upper bounds. Thread-safety: all methods may be called concurrently.
class Histogram {
 public:
  Histogram(std::string name, std::string help, std::vector<std::string> label_names, std::vector<double> bounds);
  void observe(const LabelValues& labels, double value);
  std::uint64_t count(const LabelValues& labels) const;
  void render(std::string& out) const;
  const std::vector<std::string>& label_names() const { return label_names_; }

 private:
  struct Series {
    std::vector<std::uint64_t> buckets;  // per bound, not cumulative
    double sum = 0;
    std::uint64_t count = 0;
  };
  const std::string name_, help_;
  const std::vector<std::string> label_names_;
  const std::vector<double> bounds_;
  mutable std::mutex mu_;
  std::map<LabelValues, Series> series_;
};

struct GaugeSample {
  LabelValues labels;
  double value = 0;
};
// Called on every scrape, on the scraping thread; must be thread-safe itself. An exception thrown by it
// is logged and the family is left out of that scrape.
using GaugeCallback = std::function<std::vector<GaugeSample>()>;

// Seconds: 5 ms .. 10 s, the Prometheus client defaults.
std::vector<double> default_duration_buckets();

// Owns the metric families. Registration returns the existing family when the name is taken by the same
// kind with the same labels (so layers can register idempotently) and aborts on a clash or a bad name.
// Thread-safety: all methods may be called concurrently; references returned stay valid for the
// registry's lifetime.
class Registry {
 public:
  Counter& counter(const std::string& name, const std::string& help, std::vector<std::string> label_names = {});
  Histogram& histogram(const std::string& name, const std::string& help, std::vector<std::string> label_names = {},
                       std::vector<double> bounds = default_duration_buckets());
  // E.g. flis_cases{service,state} or flis_overdue_deadlines, computed from the store at scrape time.
  void gauge(const std::string& name, const std::string& help, std::vector<std::string> label_names,
             GaugeCallback callback);
  // Families sorted by name.
  std::string render() const;

 private:
  struct Gauge {
    std::string help;
    std::vector<std::string> label_names;
    GaugeCallback callback;
  };
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<Counter>> counters_;
  std::map<std::string, std::unique_ptr<Histogram>> histograms_;
  std::map<std::string, std::shared_ptr<Gauge>> gauges_;
};

// Prometheus text-format number ("+Inf", "NaN", shortest round-trip decimal otherwise).
std::string format_number(double value);

}  // namespace flis::web::metrics
