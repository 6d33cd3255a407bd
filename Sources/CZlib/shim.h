#ifndef CPD_CZLIB_SHIM_H
#define CPD_CZLIB_SHIM_H
#include <zlib.h>
#endif
