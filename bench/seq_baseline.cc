// What a hand-written script does, with the project's own client, for bench/e2e
// to run beside offsetctl on the same state and plan: one call at a time, one
// BatchModifyGroupOffsets per group and topic, no drift check, no read-back,
// and on RequestLimitExceeded (or another failure worth retrying: an internal
// error, a dropped connection) sleep a second and send it again.
//
//   offsetctl_seq_baseline --endpoint URL --instance ID --region R --changes FILE
//
// FILE has one JSON object per line: {"group": G, "topic": T, "partitions": [[P, OFFSET], ...]}.
// Credentials come from the environment, as for offsetctl. The last line printed
// is one JSON object: calls sent, writes, retries by failure code, wall time.

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "api/client.h"
#include "api/credentials.h"
#include "api/retry.h"

namespace {

namespace api = offsetctl::api;

int usage(const std::string& why) {
  std::cerr << "offsetctl_seq_baseline: " << why
            << "\nusage: offsetctl_seq_baseline --endpoint URL --instance ID --region R --changes FILE\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  for (int i = 1; i + 1 < argc; i += 2) flags[argv[i]] = argv[i + 1];
  for (const char* name : {"--endpoint", "--instance", "--region", "--changes"}) {
    if (!flags.count(name)) return usage(std::string(name) + " is required");
  }
  auto credentials = api::resolve_credentials({}, api::process_env());
  if (!credentials) return usage(credentials.error().message);

  api::ClientConfig config;
  config.endpoint = flags["--endpoint"];
  config.region = flags["--region"];
  config.credentials = *credentials;
  config.retry.max_attempts = 1;  // the script retries itself, below
  config.limits.enabled = false;  // and paces nothing
  config.max_in_flight = 1;
  auto client = api::make_ckafka_client(config);
  if (!client) return usage(client.error().message);

  std::ifstream in(flags["--changes"]);
  if (!in) return usage("cannot read " + flags["--changes"]);
  long calls = 0, writes = 0;
  std::map<std::string, long> retried;
  auto start = std::chrono::steady_clock::now();
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    nlohmann::json change = nlohmann::json::parse(line);
    api::BatchModifyGroupOffsetsRequest request;
    request.GroupName = change.at("group").get<std::string>();
    request.InstanceId = flags["--instance"];
    request.TopicName = {change.at("topic").get<std::string>()};
    for (const auto& p : change.at("partitions")) request.Partitions.push_back({p.at(0), p.at(1)});
    for (;;) {
      ++calls;
      auto answer = (*client)->batch_modify_group_offsets(request);
      if (answer) break;
      if (!api::is_retryable(answer.error(), true)) {
        std::cerr << "offsetctl_seq_baseline: " << answer.error().describe() << "\n";
        return 1;
      }
      ++retried[answer.error().code];
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    ++writes;
  }
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout
      << nlohmann::json{{"calls", calls}, {"writes", writes}, {"retried", retried}, {"wall_s", wall}}.dump()
      << "\n";
  return 0;
}
