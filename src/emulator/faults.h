#pragma once
// --fault-rate: a seeded random share of requests fails, in one of four ways a
// real network and service fail. The same seed and the same sequence of
// requests give the same faults.

#include <cstdint>
#include <mutex>
#include <random>

namespace offsetctl::emulator {

enum class Fault {
  None,
  RequestLimitExceeded,  // answered with that error; nothing is applied
  InternalError,         // answered with that error; nothing is applied
  Drop,                  // the connection is closed before any answer; nothing is applied
  Delay,                 // the request is carried out, then the answer is held back for --fault-delay-ms
};

const char* fault_name(Fault fault);  // "limit", "internal", "drop", "delay"; nullptr for None

class FaultInjector {
 public:
  FaultInjector(double rate, uint64_t seed) : rate_(rate), rng_(seed) {}
  // The fate of the next request: with probability `rate` one of the four faults, equally likely.
  Fault next();

 private:
  std::mutex mu_;
  double rate_;
  std::mt19937_64 rng_;
};

}  // namespace offsetctl::emulator
