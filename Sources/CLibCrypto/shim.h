#ifndef NEWSETL_CLIBCRYPTO_SHIM_H
#define NEWSETL_CLIBCRYPTO_SHIM_H
/* Only the EVP digest interface: OpenSSL picks the CPU's SHA instructions. */
#include <openssl/evp.h>
#endif
