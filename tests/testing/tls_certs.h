#pragma once
// A throwaway certificate authority, made at test time with OpenSSL's library
// (nothing checked in): the TLS tests trust it with --ca-bundle and serve the
// emulator with certificates it issues, good, for another host, or expired.

#include <memory>
#include <string>
#include <vector>

#include "testing/temp_dir.h"

namespace offsetctl::testing {

struct IssuedCert {
  std::string cert;  // PEM: the server's certificate (the CA's stays out, as a server sends it)
  std::string key;   // PEM: its private key
};

class ThrowawayCa {
 public:
  // A new CA (EC P-256), its certificate written to dir/<name>-ca.pem.
  ThrowawayCa(const TempDir& dir, const std::string& name);
  ~ThrowawayCa();
  ThrowawayCa(const ThrowawayCa&) = delete;
  ThrowawayCa& operator=(const ThrowawayCa&) = delete;

  const std::string& ca_pem() const { return ca_pem_; }

  // A server certificate for `names` (IP addresses such as "127.0.0.1", else DNS names),
  // valid from now + `from_s` to now + `until_s` seconds.
  IssuedCert issue(const std::string& file_prefix, const std::vector<std::string>& names, long from_s = -3600,
                   long until_s = 86400) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  const TempDir& dir_;
  std::string ca_pem_;
};

}  // namespace offsetctl::testing
