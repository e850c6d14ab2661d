/* The runtime's cost model for Swift: Runtime/include/dosc_policy.h, the one copy. */
#include "../../../Runtime/include/dosc_policy.h"
