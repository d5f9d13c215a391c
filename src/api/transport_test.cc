#include "api/transport.h"

#include <gtest/gtest.h>

#include <thread>

#include "api/test_server.h"

namespace offsetctl::api {
namespace {

using scripted::ok_body;
using scripted::ScriptedServer;

HttpRequest request(const ScriptedServer& server, Cancellation* cancel) {
  HttpRequest r;
  r.url = server.url();
  r.headers = {"Content-Type: application/json"};
  r.body = "{}";
  r.timeout_ms = 60000;  // longer than the server holds an answer: only a cancel ends the wait
  r.cancel = cancel;
  return r;
}

TEST(Transport, ACancelEndsARequestThatWaitsForItsAnswer) {
  ScriptedServer server;
  server.script({{200, ok_body(""), 0, /*hold=*/true}});
  Cancellation cancel;
  std::thread canceller([&] {
    server.wait_until_held(1);
    cancel.cancel();
  });
  auto r = http_post(request(server, &cancel));
  canceller.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "Cancelled");
  EXPECT_EQ(r.error().message,
            "the request to " + server.url() + " was cancelled: another attempt answered first");
  EXPECT_EQ(server.held(), 1);  // returned while the answer is still held back
}

TEST(Transport, ARequestCancelledBeforeItStartsIsNeverSent) {
  ScriptedServer server;
  Cancellation cancel;
  cancel.cancel();
  auto r = http_post(request(server, &cancel));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "Cancelled");
  EXPECT_TRUE(server.seen().empty());
}

TEST(Transport, AfterACancelTheNextRequestIsAnsweredOnANewConnection) {
  ScriptedServer server;
  server.script({{200, ok_body("", "req-held"), 0, /*hold=*/true}});
  Cancellation cancel;
  std::thread canceller([&] {
    server.wait_until_held(1);
    cancel.cancel();
  });
  ASSERT_FALSE(http_post(request(server, &cancel)).ok());
  canceller.join();
  auto r = http_post(request(server, nullptr));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("req-ok"), std::string::npos);
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_NE(seen[1].remote_port, seen[0].remote_port);
}

TEST(Transport, ACancelAfterTheAnswerChangesNothing) {
  ScriptedServer server;
  Cancellation cancel;
  auto r = http_post(request(server, &cancel));
  cancel.cancel();  // the request is over: nothing is left to stop
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  auto again = http_post(request(server, nullptr));
  ASSERT_TRUE(again.ok()) << again.error().message;
}

}  // namespace
}  // namespace offsetctl::api
