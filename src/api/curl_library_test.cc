#include "api/curl_library.h"

#include <gtest/gtest.h>

#include <string>

namespace offsetctl::api {
namespace {

TEST(CurlLibrary, LoadsLibcurlOnceWithEveryFunction) {
  const Result<CurlLibrary>& curl = curl_library();
  ASSERT_TRUE(curl.ok()) << curl.error().message;
  EXPECT_EQ(std::string(curl->version()).rfind("libcurl/", 0), 0u) << curl->version();
  EXPECT_EQ(&curl_library(), &curl);  // loaded once, the same for every caller
  CURL* h = curl->easy_init();
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(curl->easy_setopt(h, CURLOPT_TIMEOUT_MS, 1000L), CURLE_OK);
  curl->easy_cleanup(h);
  EXPECT_STREQ(curl->easy_strerror(CURLE_OPERATION_TIMEDOUT), "Timeout was reached");
}

TEST(CurlLibrary, AMissingLibrarySaysWhatToInstall) {
  auto curl = load_curl_library("libcurl-offsetctl-test-missing.so.4");
  ASSERT_FALSE(curl.ok());
  EXPECT_EQ(curl.error().message.rfind("libcurl could not be loaded (libcurl-offsetctl-test-missing.so.4", 0),
            0u)
      << curl.error().message;
  EXPECT_NE(
      curl.error().message.find("); install libcurl 7.16 or newer (Debian and Ubuntu: the libcurl4 package)"),
      std::string::npos)
      << curl.error().message;
}

TEST(CurlLibrary, ALibraryThatIsNotLibcurlIsRefusedNamingWhatItLacks) {
  auto curl = load_curl_library("libz.so.1");  // present wherever libcurl is: libcurl needs it
  ASSERT_FALSE(curl.ok());
  EXPECT_EQ(curl.error().message,
            "libz.so.1 lacks curl_global_init, curl_easy_init, curl_easy_cleanup, curl_easy_setopt, "
            "curl_easy_getinfo, "
            "curl_easy_perform, curl_easy_strerror, curl_slist_append, curl_slist_free_all, curl_version; "
            "install libcurl 7.16 or newer");
}

}  // namespace
}  // namespace offsetctl::api
