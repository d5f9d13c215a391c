#pragma once
// --request-log: one JSON line per request, written and flushed whole under a
// lock, so concurrent requests never interleave and a reader can tail it.
//   {"time": "...Z", "service": "ckafka", "action": "...", "requestId": "...",
//    "error": "<code>" | null, "fault": "drop" | ... | null, "request": {<parsed body>} | null}

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <string>

#include "util/result.h"

namespace offsetctl::emulator {

class RequestLog {
 public:
  // Creates or truncates `path`: the log of one run.
  static Result<std::unique_ptr<RequestLog>> open(const std::string& path);
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  void write(const nlohmann::ordered_json& entry);

 private:
  explicit RequestLog(int fd) : fd_(fd) {}
  std::mutex mu_;
  int fd_;
};

}  // namespace offsetctl::emulator
