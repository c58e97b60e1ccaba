// zlib is already required by Vapor's HTTP compression (swift-nio-extras), so reading gzipped input adds no
// new system dependency.
#include <zlib.h>
