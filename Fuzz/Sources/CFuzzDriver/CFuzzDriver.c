// Declarations only (see include/CFuzzDriver.h): libFuzzer itself is linked by -sanitize=fuzzer.
#include "CFuzzDriver.h"
