// Signing one request: every API call pays it once (twice with a retry).
#include <benchmark/benchmark.h>

#include "api/signer.h"

namespace offsetctl::bench {
namespace {

api::SignInput request() {
  api::SignInput in;
  in.service = "ckafka";
  in.host = "ckafka.tencentcloudapi.com";
  in.action = "DescribeGroupOffsets";
  in.timestamp = 1795000000;
  in.payload = R"({"Group":"orders-consumer","InstanceId":"ckafka-7x2k9q","Limit":50,"Offset":0,)"
               R"("Topics":["orders","payments","refunds","events"]})";
  return in;
}

constexpr const char* kSecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
constexpr const char* kSecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

// Every step, the signing key derived again (what a one-shot SDK call does).
void BM_Sign(benchmark::State& state) {
  const api::SignInput in = request();
  for (auto _ : state) {
    api::Signature s = api::sign(kSecretId, kSecretKey, in);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sign);

// With the day's signing key cached, as the client signs every request.
void BM_SignWithKey(benchmark::State& state) {
  const api::SignInput in = request();
  const std::string key = api::derive_signing_key(kSecretKey, api::utc_date(in.timestamp), in.service);
  for (auto _ : state) {
    api::Signature s = api::sign_with_key(kSecretId, key, in);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignWithKey);

}  // namespace
}  // namespace offsetctl::bench
