// The system's OpenSSL libcrypto (Debian's libssl-dev), used only for SHA-256 source hashes:
// a system library instead of a crypto package compiled from source on every build.
#include <openssl/evp.h>
