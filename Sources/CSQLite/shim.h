#ifndef NEWSETL_CSQLITE_SHIM_H
#define NEWSETL_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import: binds that copy the value. */
static inline int newsetl_sqlite3_bind_text_copy(sqlite3_stmt *statement, int index, const char *text, int bytes) {
    /* An empty Swift string may have no storage; NULL would bind SQL NULL. */
    return sqlite3_bind_text(statement, index, text ? text : "", bytes, SQLITE_TRANSIENT);
}
#endif
