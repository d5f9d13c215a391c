// TLS end to end, through the real programs: ckafka-emulator serving HTTPS with a
// certificate from a CA made for the test (nothing checked in), offsetctl trusting it
// with --ca-bundle. The same commands over HTTP and over HTTPS give the same results;
// an untrusted, misnamed or expired certificate is one clear error and no retries;
// connections are reused across requests.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "testing/emulator.h"
#include "testing/tls_certs.h"

namespace offsetctl::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); !from.empty() && at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// The example plans whose results do not depend on the time of planning.
const char* kExamplePlans[] = {"offsets.yaml", "to-earliest.yaml", "shift.yaml", "datetime.yaml",
                               "dts-subscription.yaml"};

// One side of the comparison: a folder, an emulator on the demo state, and the flags to reach it.
struct Side {
  TempDir dir;
  Emulator emulator;
  std::vector<std::string> flags;

  Side(const std::vector<std::string>& emulator_args, const std::vector<std::string>& extra_flags)
      : emulator(dir, read_file(source_dir() + "/demo/state.yaml"), emulator_args) {
    for (const char* name : kExamplePlans)
      dir.write(std::string("plans/") + name, read_file(source_dir() + "/plans/examples/" + name));
    flags = concat(at(emulator), extra_flags);
  }

  // What a command printed, with this side's endpoint and folder taken out.
  std::string run(std::vector<std::string> args, int* exit_code = nullptr) {
    auto r = offsetctl(dir, concat(std::move(args), flags));
    if (exit_code) *exit_code = r.exit_code;
    return neutral(r.out) + "\n--- stderr ---\n" + neutral(r.err);
  }
  // Also the moment, run ids and RequestIds, which differ between any two runs.
  std::string neutral(const std::string& text) const {
    static const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static const std::regex run_id("run-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}");
    static const std::regex moment("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z");
    std::string s = replace_all(replace_all(text, emulator.url(), "ENDPOINT"), dir.root(), "DIR");
    s = std::regex_replace(s, uuid, "UUID");
    s = std::regex_replace(s, run_id, "RUN");
    return std::regex_replace(s, moment, "TIME");
  }
};

struct Tls : ::testing::Test {
  TempDir certs;
  ThrowawayCa ca{certs, "offsetctl"};

  std::vector<std::string> serve(const IssuedCert& cert) {
    return {"--no-rate-limit", "--tls-cert", cert.cert, "--tls-key", cert.key};
  }
};

TEST_F(Tls, PlanApplyAndExportOverHttpsGiveWhatTheyGiveOverHttp) {
  Side http({"--no-rate-limit"}, {});
  Side https(serve(ca.issue("server", {"127.0.0.1"})), {"--ca-bundle", ca.ca_pem()});
  ASSERT_EQ(http.emulator.url().rfind("http://127.0.0.1:", 0), 0u);
  ASSERT_EQ(https.emulator.url().rfind("https://127.0.0.1:", 0), 0u);

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"plan", "plans", "--format", "json"},
           {"plan", "plans"},
           {"apply", "plans", "--auto-approve"},
           {"plan", "plans", "--detailed-exitcode"},
           {"export", "--instance", "ckafka-demo", "--group", "billing-consumer", "--group", "orders-consumer",
            "--out", "snapshot.yaml"},
       }) {
    int http_code = -1, https_code = -1;
    std::string over_http = http.run(args, &http_code);
    std::string over_https = https.run(args, &https_code);
    EXPECT_EQ(over_https, over_http) << args[0];
    EXPECT_EQ(https_code, http_code) << args[0] << ": " << over_https;
  }
  EXPECT_EQ(https.neutral(read_file(https.dir.path("snapshot.yaml"))),
            http.neutral(read_file(http.dir.path("snapshot.yaml"))));
  EXPECT_NE(read_file(https.dir.path("snapshot.yaml")), "");
  EXPECT_EQ(https.emulator.calls(), http.emulator.calls());
}

// Runs `plan` against an emulator serving `cert`, trusting the test CA unless `trust` is false.
struct Refused {
  int exit_code;
  std::string err;
  size_t requests;
};
Refused plan_against(const IssuedCert& cert, const std::string& ca_pem, bool trust) {
  TempDir dir;
  for (const char* name : kExamplePlans)
    dir.write(std::string("plans/") + name, read_file(source_dir() + "/plans/examples/" + name));
  Emulator emulator(dir, read_file(source_dir() + "/demo/state.yaml"),
                    {"--no-rate-limit", "--tls-cert", cert.cert, "--tls-key", cert.key});
  std::vector<std::string> args = concat({"plan", "plans", "-vv"}, at(emulator));
  if (trust) args = concat(args, {"--ca-bundle", ca_pem});
  auto r = offsetctl(dir, args);
  return {r.exit_code, replace_all(r.err, emulator.url(), "ENDPOINT"), emulator.requests().size()};
}

// The one error line, and that no request was sent twice.
void expect_refused(const Refused& r, const std::string& error_start) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.requests, 0u);  // no request got through the handshake
  std::istringstream lines(r.err);
  std::string line, error;
  int attempts = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("offsetctl: error: ", 0) == 0) error = line;
    if (line.find(" attempt ") != std::string::npos) {
      ++attempts;
      EXPECT_NE(line.find(" attempt 1/"), std::string::npos) << "a TLS failure was retried: " << line;
    }
  }
  EXPECT_GE(attempts, 1) << r.err;
  EXPECT_LE(attempts, 16) << "more attempts than requests in flight: " << r.err;
  EXPECT_NE(error.find(error_start), std::string::npos) << r.err;
}

TEST_F(Tls, WithoutTheCaTheCertificateIsNotTrusted) {
  Refused r = plan_against(ca.issue("server", {"127.0.0.1"}), ca.ca_pem(), false);
  expect_refused(r, "TLSError: the certificate of 127.0.0.1 is not trusted: SSL certificate problem: "
                    "unable to get local issuer certificate; if the endpoint uses a private CA, give its "
                    "certificate with --ca-bundle FILE");
}

TEST_F(Tls, ACertificateForAnotherHostName) {
  Refused r = plan_against(ca.issue("server", {"ckafka.example.com"}), ca.ca_pem(), true);
  expect_refused(r, "TLSError: the certificate of 127.0.0.1 is for another host name: ");
  EXPECT_NE(r.err.find("; give --endpoint a host name the certificate names"), std::string::npos) << r.err;
}

TEST_F(Tls, AnExpiredCertificate) {
  Refused r = plan_against(ca.issue("server", {"127.0.0.1"}, -86400 * 2, -86400), ca.ca_pem(), true);
  expect_refused(r, "TLSError: the certificate of 127.0.0.1 has expired: SSL certificate problem: certificate has "
                    "expired; the server's certificate must be renewed (or this machine's clock is wrong)");
}

TEST_F(Tls, ACaBundleThatIsNotPem) {
  Refused r = plan_against(ca.issue("server", {"127.0.0.1"}), certs.write("not-a-ca.pem", "hello\n"), true);
  expect_refused(r, "TLSError: --ca-bundle " + certs.path("not-a-ca.pem") + " could not be read as PEM certificates");
}

TEST_F(Tls, TwoHundredCallsOpenNoMoreConnectionsThanMaxInFlight) {
  // 200 groups: a DescribeGroupOffsets call each, spread over the client's threads.
  std::string plan = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: many\ninstance: ckafka-demo\ngroups:\n";
  for (int g = 0; g < 200; ++g)
    plan += "  - group: g" + std::to_string(g) + "\n    topics:\n      - topic: orders\n        offset: 100\n";
  for (int max_in_flight : {4, 16}) {
    TempDir dir;
    dir.write("many.yaml", plan);
    Emulator emulator(dir, read_file(source_dir() + "/demo/state.yaml"), serve(ca.issue("server", {"127.0.0.1"})));
    auto r = offsetctl(dir, concat({"plan", "many.yaml", "--format", "json", "--no-rate-limit", "--max-in-flight",
                                    std::to_string(max_in_flight), "--ca-bundle", ca.ca_pem(), "-vv"},
                                   at(emulator)));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto requests = emulator.requests();
    ASSERT_GE(requests.size(), 200u);
    std::set<std::string> connections;
    for (const auto& line : requests) connections.insert(line.at("connection").get<std::string>());
    // A late read sent once more cancels the slower request and closes its connection (on a busy
    // machine an answer can be that late): each may cost one connection more, never more at once.
    size_t hedged = 0;
    for (size_t at = r.err.find(", sending it once more"); at != std::string::npos;
         at = r.err.find(", sending it once more", at + 1)) {
      ++hedged;
    }
    EXPECT_LE(connections.size(), static_cast<size_t>(max_in_flight) + hedged)
        << requests.size() << " requests came on " << connections.size() << " connections, " << hedged
        << " reads sent again";
    EXPECT_GE(connections.size(), 1u);
  }
}

TEST_F(Tls, TheEmulatorRefusesACertificateItCannotUse) {
  TempDir dir;
  IssuedCert good = ca.issue("server", {"127.0.0.1"});
  IssuedCert other = ca.issue("other", {"127.0.0.1"});
  auto start = [&](std::vector<std::string> args) {
    std::string state = dir.write("state.yaml", read_file(source_dir() + "/demo/state.yaml"));
    return run_process(concat({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", state}, args));
  };
  auto half = start({"--tls-cert", good.cert});
  EXPECT_EQ(half.exit_code, 1);
  EXPECT_EQ(half.err,
            "ckafka-emulator: error: --tls-cert and --tls-key go together: give both, or neither for plain HTTP\n");
  auto missing = start({"--tls-cert", dir.path("nope.pem"), "--tls-key", good.key});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "ckafka-emulator: error: " + dir.path("nope.pem") + " cannot be read\n");
  auto mismatched = start({"--tls-cert", good.cert, "--tls-key", other.key});
  EXPECT_EQ(mismatched.exit_code, 1);
  EXPECT_EQ(mismatched.err, "ckafka-emulator: error: --tls-cert " + good.cert + " and --tls-key " + other.key +
                                " are not a PEM certificate chain and its private key (or the key does not belong "
                                "to the certificate)\n");
}

}  // namespace
}  // namespace offsetctl::testing
