#ifndef NEWSETL_CLIBCSV_SHIM_H
#define NEWSETL_CLIBCSV_SHIM_H
/* Debian's libcsv-dev ships no pkg-config file; the module map links "csv". */
#include <stddef.h>
#include <csv.h>
#endif
