#include "cli/progress_line.h"

#include <cmath>

namespace offsetctl::cli {

namespace {

constexpr std::chrono::milliseconds kRedraw{250};

std::string of(size_t done, size_t total, const char* what) {
  return std::to_string(done) + "/" + std::to_string(total) + " " + what;
}

}  // namespace

std::string progress_text(const executor::ApplyProgress& p, const api::CallStats* stats, double writes_per_second) {
  using Phase = executor::ApplyProgress::Phase;
  const size_t groups = p.groups_total.load();
  if (p.phase.load() == Phase::Checking && p.calls_sent.load() == 0) {
    return "checking " + std::to_string(groups) + (groups == 1 ? " group" : " groups") +
           " against the plan (drift check)";
  }
  std::string out = "applying: " + of(p.groups_done.load(), groups, "groups") + ", " +
                    of(p.partitions_done.load(), p.partitions_total.load(), "partitions") + ", " +
                    of(p.calls_sent.load(), p.calls_planned.load(), "calls");
  const size_t retried = stats ? stats->retried.load() : 0;
  if (retried > 0) {
    const size_t limited = stats->rate_limited.load();
    out += ", " + std::to_string(retried) + " refused and retried";
    if (limited > 0) out += " (" + std::to_string(limited) + " rate-limited)";
  }
  if (const size_t hedged = stats ? stats->hedged.load() : 0; hedged > 0) {
    out += ", " + std::to_string(hedged) + (hedged == 1 ? " late read" : " late reads") + " sent again";
  }
  const size_t planned = p.calls_planned.load();
  const size_t sent = p.calls_sent.load();
  if (planned > sent && writes_per_second > 0) {
    const auto seconds = static_cast<long long>(std::ceil(static_cast<double>(planned - sent) / writes_per_second));
    out += ", about " + (seconds >= 120 ? std::to_string((seconds + 30) / 60) + " min" : std::to_string(seconds) + " s") +
           " left at the rate limit";
  }
  return out;
}

ProgressLine::ProgressLine(const executor::ApplyProgress& progress, const api::CallStats* stats, std::ostream& err,
                           Options options)
    : progress_(progress), stats_(stats), err_(err), options_(options), thread_([this] { run(); }) {}

ProgressLine::~ProgressLine() { stop(); }

void ProgressLine::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (drawn_) {
    err_ << "\r\033[K";
    err_.flush();
  }
}

void ProgressLine::run() {
  const auto every = options_.terminal ? kRedraw : options_.interval;
  std::unique_lock lock(mu_);
  // The first line waits one interval: a short apply shows none.
  while (!wake_.wait_for(lock, every, [this] { return stopping_; })) {
    const std::string text = progress_text(progress_, stats_, options_.writes_per_second);
    if (options_.terminal) {
      err_ << "\r\033[K" << text;
      drawn_ = true;
    } else {
      err_ << "offsetctl: " << text << "\n";
    }
    err_.flush();
  }
}

}  // namespace offsetctl::cli
