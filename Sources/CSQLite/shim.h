#ifndef BACKCHECK_CSQLITE_SHIM_H
#define BACKCHECK_CSQLITE_SHIM_H
// The system SQLite (Debian: libsqlite3-dev, Homebrew: sqlite), for the history store.
#include <sqlite3.h>
#endif
