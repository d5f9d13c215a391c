// Calls ckafka-emulator through the official Tencent Cloud Node SDK (tencentcloud-sdk-nodejs),
// as a user of the SDK would, and prints what each call sent and got back, one JSON line each.
//
//   node sdk_calls.js SDK_PACKAGE_DIR PORT CALLS_JSON [CA_PEM]
//
// CALLS_JSON: [{"service": "ckafka" | "dts", "action": "...", "params": {...}}, ...]
// Output per call: {"service", "action", "request", "response"} or, for an API error,
// {"service", "action", "request", "error": {"code", "message"}}.
//
// The SDK takes its credential scope's service from the endpoint's first label, so the
// endpoint is the real host name (ckafka.tencentcloudapi.com:PORT) and the agent's DNS lookup
// sends every connection to 127.0.0.1. With CA_PEM the calls go over HTTPS, trusting that CA.
"use strict";
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");

const [sdkDir, port, callsFile, caFile] = process.argv.slice(2);
const services = {
  ckafka: require(path.join(sdkDir, "tencentcloud/services/ckafka/v20190819/ckafka_client.js")).Client,
  dts: require(path.join(sdkDir, "tencentcloud/services/dts/v20211206/dts_client.js")).Client,
};

const lookup = (hostname, options, callback) => {
  if (options && options.all) return callback(null, [{ address: "127.0.0.1", family: 4 }]);
  return callback(null, "127.0.0.1", 4);
};
const agent = caFile
  ? new https.Agent({ lookup, ca: fs.readFileSync(caFile), keepAlive: true })
  : new http.Agent({ lookup, keepAlive: true });

function client(service) {
  const Client = services[service];
  return new Client({
    credential: { secretId: "AKIDEXAMPLE", secretKey: "secretEXAMPLE" },
    region: "ap-guangzhou",
    profile: {
      httpProfile: {
        endpoint: `${service}.tencentcloudapi.com:${port}`,
        protocol: caFile ? "https://" : "http://",
        agent,
        reqTimeout: 30,
      },
    },
  });
}

async function main() {
  const calls = JSON.parse(fs.readFileSync(callsFile, "utf8"));
  const clients = {};
  for (const call of calls) {
    const c = (clients[call.service] ||= client(call.service));
    if (typeof c[call.action] !== "function") {
      throw new Error(`the SDK's ${call.service} client has no action ${call.action}`);
    }
    const line = { service: call.service, action: call.action, request: call.params };
    try {
      line.response = await c[call.action](call.params);
    } catch (e) {
      if (!e.code) throw e;  // not an API error: the call itself failed
      line.error = { code: e.code, message: e.message };
    }
    process.stdout.write(JSON.stringify(line) + "\n");
  }
  agent.destroy();
}

main().catch((e) => {
  process.stderr.write(`sdk_calls.js: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
