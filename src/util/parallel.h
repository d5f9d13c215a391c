#pragma once
// Runs fn(0..n-1) on up to `workers` threads; returns when all are done.
// Used to keep a bounded number of API requests in flight.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace offsetctl::util {

template <class Fn>
void parallel_for(size_t n, size_t workers, Fn&& fn) {
  workers = std::max<size_t>(1, std::min(workers, n));
  if (workers == 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (size_t w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (auto& t : threads) t.join();
}

}  // namespace offsetctl::util
