#pragma once
// What a long apply is doing, on standard error while it runs: on a terminal
// one line redrawn in place a few times a second (and cleared before the
// report), elsewhere (a CI log) a plain line every few seconds. `apply --quiet`
// does without it.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

#include "api/client_config.h"
#include "executor/progress.h"

namespace offsetctl::cli {

// "applying: 120/1000 groups, 12000/100000 partitions, 130/1000 calls, about 44 s left at the rate limit"
// `writes_per_second`: the rate the remaining write calls go out at (the slowest write action's limit).
std::string progress_text(const executor::ApplyProgress& progress, const api::CallStats* stats,
                          double writes_per_second);

class ProgressLine {
 public:
  struct Options {
    bool terminal = false;
    std::chrono::milliseconds interval{5000};  // between lines off a terminal (redraws on one: 250 ms)
    double writes_per_second = 20;
  };
  ProgressLine(const executor::ApplyProgress& progress, const api::CallStats* stats, std::ostream& err,
               Options options);
  ~ProgressLine();  // stop()
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Ends the thread; on a terminal the line is cleared, so the report starts on a clean line.
  void stop();

 private:
  void run();

  const executor::ApplyProgress& progress_;
  const api::CallStats* stats_;
  std::ostream& err_;
  Options options_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool drawn_ = false;  // a terminal line is on screen
  std::thread thread_;
};

}  // namespace offsetctl::cli
