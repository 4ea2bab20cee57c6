#ifndef BACKCHECK_CYAML_SHIM_H
#define BACKCHECK_CYAML_SHIM_H
// The system libyaml (Debian: libyaml-dev, Homebrew: libyaml). Included through a shim
// because a module map cannot name a header found only on the pkg-config include path.
#include <yaml.h>
#endif
