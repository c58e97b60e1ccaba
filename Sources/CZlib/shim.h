// The system zlib (zlib1g-dev on Debian; scripts/test installs it when missing), for reading gzipped OCDS input.
#include <zlib.h>
