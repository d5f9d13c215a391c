#pragma once
// How far an apply has got, for a progress line (cli/progress_line.h): counters
// that the pipeline and the backends bump from their threads and another
// thread reads. engine::apply sets the totals for the whole plan; each run
// (one per plan kind) adds what it does.

#include <atomic>
#include <cstddef>

#include "planner/plan_result.h"

namespace offsetctl::executor {

struct ApplyProgress {
  enum class Phase { Checking, Writing };

  std::atomic<Phase> phase{Phase::Checking};  // drift check, then the calls and their read-backs
  std::atomic<size_t> groups_total{0};
  std::atomic<size_t> groups_done{0};         // every partition to change has an outcome
  std::atomic<size_t> partitions_total{0};    // Change rows
  std::atomic<size_t> partitions_done{0};     // with an outcome (verified, failed, already at target, ...)
  std::atomic<size_t> calls_planned{0};       // write calls the backends will send
  std::atomic<size_t> calls_sent{0};

  // Counts the Change rows of `changes` and their groups into the totals.
  void add_totals(const std::vector<planner::PartitionChange>& changes);
};

}  // namespace offsetctl::executor
