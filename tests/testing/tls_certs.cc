#include "testing/tls_certs.h"

#include <arpa/inet.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <stdexcept>

namespace offsetctl::testing {

// Outside the anonymous namespace: ThrowawayCa::Impl holds them.
struct TlsKeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct TlsCertFree {
  void operator()(X509* x) const { X509_free(x); }
};
using TlsKey = std::unique_ptr<EVP_PKEY, TlsKeyFree>;
using TlsCert = std::unique_ptr<X509, TlsCertFree>;

namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("making a test certificate: ") + what + " failed");
}

TlsKey new_key() {
  TlsKey key(EVP_EC_gen("P-256"));
  check(key != nullptr, "EVP_EC_gen");
  return key;
}

void add_ext(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value.c_str());
  check(ext != nullptr, value.c_str());
  check(X509_add_ext(cert, ext, -1) == 1, "X509_add_ext");
  X509_EXTENSION_free(ext);
}

// An unsigned certificate for `key` named `cn`, valid from now + from_s to now + until_s.
TlsCert new_cert(EVP_PKEY* key, const std::string& cn, long serial, long from_s, long until_s) {
  TlsCert cert(X509_new());
  check(cert != nullptr, "X509_new");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), from_s);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), until_s);
  check(X509_set_pubkey(cert.get(), key) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("offsetctl tests"), -1,
                             -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1,
                             0);
  return cert;
}

void write_pem(const std::string& path, X509* first, X509* second, EVP_PKEY* key) {
  FILE* f = std::fopen(path.c_str(), "w");
  check(f != nullptr, path.c_str());
  bool ok = true;
  if (first) ok = ok && PEM_write_X509(f, first) == 1;
  if (second) ok = ok && PEM_write_X509(f, second) == 1;
  if (key) ok = ok && PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
  std::fclose(f);
  check(ok, path.c_str());
}

bool is_ip(const std::string& name) {
  unsigned char buf[16];
  return inet_pton(AF_INET, name.c_str(), buf) == 1 || inet_pton(AF_INET6, name.c_str(), buf) == 1;
}

}  // namespace

struct ThrowawayCa::Impl {
  TlsKey key;
  TlsCert cert;
  mutable long serial = 2;
};

ThrowawayCa::ThrowawayCa(const TempDir& dir, const std::string& name) : impl_(std::make_unique<Impl>()), dir_(dir) {
  impl_->key = new_key();
  impl_->cert = new_cert(impl_->key.get(), name + " test CA", 1, -86400 * 3, 86400 * 30);
  X509* ca = impl_->cert.get();
  check(X509_set_issuer_name(ca, X509_get_subject_name(ca)) == 1, "X509_set_issuer_name");
  add_ext(ca, ca, NID_basic_constraints, "critical,CA:TRUE");
  add_ext(ca, ca, NID_key_usage, "critical,keyCertSign,cRLSign");
  add_ext(ca, ca, NID_subject_key_identifier, "hash");
  check(X509_sign(ca, impl_->key.get(), EVP_sha256()) > 0, "X509_sign");
  ca_pem_ = dir.path(name + "-ca.pem");
  write_pem(ca_pem_, ca, nullptr, nullptr);
}

ThrowawayCa::~ThrowawayCa() = default;

IssuedCert ThrowawayCa::issue(const std::string& file_prefix, const std::vector<std::string>& names, long from_s,
                              long until_s) const {
  TlsKey key = new_key();
  TlsCert cert = new_cert(key.get(), names.empty() ? "server" : names.front(), impl_->serial++, from_s, until_s);
  X509* ca = impl_->cert.get();
  check(X509_set_issuer_name(cert.get(), X509_get_subject_name(ca)) == 1, "X509_set_issuer_name");
  add_ext(cert.get(), ca, NID_basic_constraints, "critical,CA:FALSE");
  add_ext(cert.get(), ca, NID_key_usage, "critical,digitalSignature");
  add_ext(cert.get(), ca, NID_ext_key_usage, "serverAuth");
  add_ext(cert.get(), ca, NID_authority_key_identifier, "keyid");
  std::string san;
  for (const std::string& n : names) san += (san.empty() ? "" : ",") + std::string(is_ip(n) ? "IP:" : "DNS:") + n;
  if (!san.empty()) add_ext(cert.get(), ca, NID_subject_alt_name, san);
  check(X509_sign(cert.get(), impl_->key.get(), EVP_sha256()) > 0, "X509_sign");
  IssuedCert out{dir_.path(file_prefix + "-cert.pem"), dir_.path(file_prefix + "-key.pem")};
  write_pem(out.cert, cert.get(), nullptr, nullptr);  // as servers do: the root stays with the client
  write_pem(out.key, nullptr, nullptr, key.get());
  return out;
}

}  // namespace offsetctl::testing
