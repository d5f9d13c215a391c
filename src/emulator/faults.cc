#include "emulator/faults.h"

namespace offsetctl::emulator {

const char* fault_name(Fault fault) {
  switch (fault) {
    case Fault::RequestLimitExceeded:
      return "limit";
    case Fault::InternalError:
      return "internal";
    case Fault::Drop:
      return "drop";
    case Fault::Delay:
      return "delay";
    case Fault::None:
      break;
  }
  return nullptr;
}

Fault FaultInjector::next() {
  if (rate_ <= 0) return Fault::None;
  std::lock_guard<std::mutex> lock(mu_);
  // 53 random bits as a double in [0, 1): the same on every platform, unlike the std distributions.
  double u = static_cast<double>(rng_() >> 11) * 0x1.0p-53;
  if (u >= rate_) return Fault::None;
  switch (rng_() % 4) {
    case 0:
      return Fault::RequestLimitExceeded;
    case 1:
      return Fault::InternalError;
    case 2:
      return Fault::Drop;
    default:
      return Fault::Delay;
  }
}

}  // namespace offsetctl::emulator
